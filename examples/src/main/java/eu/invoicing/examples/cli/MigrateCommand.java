package eu.invoicing.examples.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.postgres.PostgresSchema;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code invoicing migrate --database URL [--schema NAME]}: applies the pending schema migrations of the
 * PostgreSQL stores (Flyway, docs/postgres.md) and prints
 * {@code {"schema":"invoicing","version":"4","applied":4}} (the version now current and how many migrations
 * this run applied; 0 when the schema was up to date). A bad URL or schema name is exit 2, a failing
 * migration exit 1 (that migration is rolled back).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or upgrade the PostgreSQL schema of the stores; prints the version as JSON.")
final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--database", paramLabel = "URL", description = "The PostgreSQL database: a JDBC URL with user "
            + "and password (jdbc:postgresql://host:5432/db?user=U&password=P), or 'embedded' (required).")
    String url;

    @Option(names = "--schema", description = "The schema to migrate (default: invoicing).")
    String schema;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PostgresSchema target;
        CliDatabase database;
        try {
            if (url == null) {
                throw ValidationException.of("--database", "required", "is required");
            }
            target = schema == null ? PostgresSchema.defaultSchema() : PostgresSchema.named(schema);
            database = CliDatabase.open(url, "--database");
        } catch (ValidationException e) {
            List<Violation> v = e.violations().stream().map(x -> "schema".equals(x.path())
                    ? Violation.of("--schema", x.code(), x.message()) : x).toList();
            return InvoicingCli.badInput(spec.commandLine().getErr(), v);
        }
        try (database) {
            int applied = target.migrate(database.dataSource());
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("schema", target.name());
            out.put("version", target.currentVersion(database.dataSource()));
            out.put("applied", applied);
            spec.commandLine().getOut().println(out);
            spec.commandLine().getOut().flush();
            return InvoicingCli.EXIT_OK;
        }
    }
}
