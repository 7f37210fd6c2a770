package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.examples.demo.Demo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code invoicing demo --out DIR}: the README's main job, see {@link Demo}. A DIR that cannot be created is
 * {@code out}: {@code unwritable}, exit 2.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Build a realistic set of documents for a sample entity and write every output to DIR.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Directory to write into (created if missing).")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try {
            CliFiles.directory(out, "out");
        } catch (ValidationException e) {
            return InvoicingCli.badInput(spec.commandLine().getErr(), e.violations());
        }
        new Demo(out, spec.commandLine().getOut()).run();
        spec.commandLine().getOut().flush();
        return InvoicingCli.EXIT_OK;
    }
}
