package eu.invoicing.examples.cli;

import eu.invoicing.core.Violation;
import eu.invoicing.core.json.InvoicingJson;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code invoicing} command-line tool: the root command and its subcommands. Exit codes: 0 success,
 * 2 bad input (validation errors as JSON), 1 an unexpected failure.
 *
 * <p>Not thread-safe; one instance per process.
 */
@Command(name = "invoicing", mixinStandardHelpOptions = true, version = "invoicing 0.1.0",
        description = "Invoicing: calculate, create, render and export invoices from the command line.",
        subcommands = {CalculateCommand.class, DemoCommand.class, RenderCommand.class,
                EslogCommand.class, BatchCommand.class, ExportCommand.class})
public final class InvoicingCli implements Runnable {
    /** Exit code for bad input. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Reports bad input the way every command does: {@code {"errors":[...]}} on stderr.
     *
     * @param err the command's error stream, not null
     * @param violations what was wrong, not null
     * @return {@link #EXIT_BAD_INPUT}
     */
    static int badInput(PrintWriter err, List<Violation> violations) {
        err.println(InvoicingJson.writeErrors(violations));
        err.flush();
        return EXIT_BAD_INPUT;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured picocli command line (used by tests) */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new InvoicingCli());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("invoicing: " + ex);
            return 1;
        });
        return cli;
    }
}
