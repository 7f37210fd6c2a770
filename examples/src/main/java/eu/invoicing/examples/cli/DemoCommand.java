package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.examples.demo.Demo;
import eu.invoicing.postgres.PostgresInvoicing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code invoicing demo --out DIR [--database URL]}: the README's main job, see {@link Demo}. A DIR that cannot be
 * created is {@code out}: {@code unwritable}, exit 2. With {@code --database} the documents are kept in PostgreSQL,
 * schema {@value #DEMO_SCHEMA}, which every run drops and makes anew (the demo's ids are seeded: two runs write the
 * same documents, so the same files).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Build a realistic set of documents for a sample entity and write every output to DIR.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Directory to write into (created if missing).")
    Path out;

    @CommandLine.Mixin
    DatabaseOption database = new DatabaseOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CliDatabase db;
        try {
            CliFiles.directory(out, "out");
            db = database.present() ? database.open() : null;
        } catch (ValidationException e) {
            return InvoicingCli.badInput(spec.commandLine().getErr(), e.violations());
        }
        try (CliDatabase closing = db) {
            if (closing == null) {
                new Demo(out, spec.commandLine().getOut()).run();
            } else {
                closing.dropSchema(DEMO_SCHEMA);
                new Demo(out, spec.commandLine().getOut(), configure -> {
                    PostgresInvoicing pg = PostgresInvoicing.builder(closing.dataSource()).schema(DEMO_SCHEMA)
                            .configure(configure).build();
                    return new Demo.Wiring(pg.invoicing(), pg.documents());
                }).run();
            }
        }
        spec.commandLine().getOut().flush();
        return InvoicingCli.EXIT_OK;
    }

    /** The schema the demo writes into with {@code --database}: dropped and made anew by every run. */
    static final String DEMO_SCHEMA = "invoicing_demo";
}
