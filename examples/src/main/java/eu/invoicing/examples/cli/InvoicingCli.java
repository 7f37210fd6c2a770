package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.json.InvoicingJson;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The {@code invoicing} command-line tool: the root command and its subcommands. Exit codes, for every
 * command: {@link #EXIT_OK 0} success; {@link #EXIT_BAD_INPUT 2} bad input, with
 * {@code {"errors":[{"path","code","message"}]}} as the first line on stderr (unknown options, missing
 * files and no command at all included); {@link #EXIT_FAILURE 1} only for a genuine internal failure, with a
 * message on stderr, for example when standard output cannot be written ({@code > /dev/full}).
 *
 * <p>Not thread-safe; one instance per process.
 */
@Command(name = "invoicing", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Invoicing: calculate, create, render and export invoices from the command line.",
        subcommands = {CalculateCommand.class, DemoCommand.class, RenderCommand.class,
                EslogCommand.class, BatchCommand.class, ExportCommand.class, FiscalCommand.class, ViesCommand.class,
                EInvoiceCommand.class, MigrateCommand.class, ServeCommand.class})
public final class InvoicingCli implements Callable<Integer> {
    /** Exit code for success. */
    public static final int EXIT_OK = 0;
    /** Exit code for a genuine internal failure (never for bad input). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for bad input. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final InputStream stdin;
    private final StandardOutput stdout;

    /** A root command on the process streams ({@link System#in}, {@link System#out}). */
    public InvoicingCli() {
        this(System.in, System.out);
    }

    private InvoicingCli(InputStream stdin, OutputStream stdout) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.stdout = new StandardOutput(Objects.requireNonNull(stdout, "stdout"));
    }

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

    /** @return the standard input of the run the command belongs to */
    static InputStream stdin(CommandLine.Model.CommandSpec spec) {
        return root(spec).stdin;
    }

    /**
     * The standard output of the run for binary output; unlike {@link System#out} it throws an
     * {@link IOException} when a write fails (a full disk, a closed pipe). Closing it only flushes.
     *
     * @return the stream
     */
    static OutputStream stdout(CommandLine.Model.CommandSpec spec) {
        return root(spec).stdout;
    }

    private static InvoicingCli root(CommandLine.Model.CommandSpec spec) {
        return (InvoicingCli) spec.root().userObject();
    }

    /** Without a command: the usage on stderr after the error, exit 2. */
    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        int exit = badInput(cli.getErr(), List.of(Violation.of("command", "required", "a command is required: "
                + String.join(", ", cli.getSubcommands().keySet()))));
        cli.usage(cli.getErr());
        return exit;
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        // The file descriptor itself, not System.out: its IOException says why a write failed ("No space left
        // on device"), where System.out only sets an error flag.
        System.exit(commandLine(System.in, new FileOutputStream(FileDescriptor.out), System.err).execute(args));
    }

    /**
     * The configured command line on the process streams (used by {@link #main} and tests): stdin is
     * {@link System#in}, stdout {@link System#out}, stderr {@link System#err}, as they are when this is
     * called.
     *
     * @return the configured picocli command line
     */
    public static CommandLine commandLine() {
        return commandLine(System.in, System.out, System.err);
    }

    private static CommandLine commandLine(InputStream in, OutputStream out, OutputStream err) {
        InvoicingCli root = new InvoicingCli(in, out);
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(new OutputStreamWriter(root.stdout, StandardCharsets.UTF_8)));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cli.setParameterExceptionHandler(InvoicingCli::parameterError);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(commandLine, ex));
        cli.setExecutionStrategy(parseResult -> {
            int exit = new CommandLine.RunLast().execute(parseResult);
            return root.checkStdout(parseResult.commandSpec().commandLine(), exit);
        });
        // Every subcommand has --version (mixinStandardHelpOptions); without a provider of its own it would
        // print nothing and exit 0.
        withVersion(cli, cli.getCommandSpec().versionProvider());
        return cli;
    }

    private static void withVersion(CommandLine cli, CommandLine.IVersionProvider provider) {
        cli.getCommandSpec().versionProvider(provider);
        for (CommandLine sub : cli.getSubcommands().values()) {
            withVersion(sub, provider);
        }
    }

    /** Flushes what the command wrote; a failed write turns any outcome into exit 1. */
    private int checkStdout(CommandLine commandLine, int exit) {
        PrintWriter out = commandLine.getOut();
        // PrintWriter swallows write errors: checkError() flushes and tells whether any write failed.
        boolean failed = out.checkError();
        try {
            stdout.flush();
        } catch (IOException e) {
            failed = true;
        }
        if (failed || stdout.failure() != null) {
            return reportStdoutFailure(commandLine.getErr());
        }
        return exit;
    }

    private int reportStdoutFailure(PrintWriter err) {
        IOException cause = stdout.failure();
        err.println("invoicing: cannot write to standard output" + (cause == null || cause.getMessage() == null ? ""
                : ": " + cause.getMessage()));
        err.flush();
        return EXIT_FAILURE;
    }

    private static int failure(CommandLine commandLine, Exception ex) {
        PrintWriter err = commandLine.getErr();
        if (ex instanceof ValidationException v) {
            // A command that let bad input escape still answers as every command does.
            return badInput(err, v.violations());
        }
        InvoicingCli root = (InvoicingCli) commandLine.getCommandSpec().root().userObject();
        if (root.stdout.failure() != null) {
            return root.reportStdoutFailure(err);
        }
        err.println("invoicing: internal error: " + ex);
        err.flush();
        return EXIT_FAILURE;
    }

    /**
     * Unknown options, missing or malformed arguments: picocli's message (which names the option) as a
     * validation error, exit 2. Every unknown option is listed, also when a required one is missing.
     */
    private static int parameterError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        List<Violation> violations = new ArrayList<>();
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            unmatched(u.getUnmatched(), violations);
            List<String> suggestions = u.getSuggestions();
            if (!violations.isEmpty() && suggestions != null && !suggestions.isEmpty()) {
                Violation first = violations.get(0);
                violations.set(0, Violation.of(first.path(), first.code(), first.message() + "; did you mean "
                        + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?"));
            }
        } else {
            unmatched(cli.getUnmatchedArguments(), violations);
            if (ex instanceof CommandLine.MissingParameterException m && m.getMissing() != null
                    && !m.getMissing().isEmpty()) {
                for (ArgSpec missing : m.getMissing()) {
                    violations.add(Violation.of(name(missing), "required", ex.getMessage()));
                }
            } else {
                violations.add(Violation.of(ex.getArgSpec() == null ? "" : name(ex.getArgSpec()), "invalid_value",
                        ex.getMessage()));
            }
        }
        if (violations.isEmpty()) {
            violations.add(Violation.of("", "invalid_arguments", ex.getMessage()));
        }
        return badInput(cli.getErr(), violations);
    }

    private static void unmatched(List<String> args, List<Violation> out) {
        for (String arg : args) {
            String shown = arg.length() > 40 ? arg.substring(0, 37) + "..." : arg;
            if (arg.startsWith("-") && arg.length() > 1) {
                String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                out.add(Violation.of(option.length() > 40 ? shown : option, "unknown_option",
                        "Unknown option: '" + shown + "'"));
            } else if (out.isEmpty() || !"unknown_option".equals(out.get(out.size() - 1).code())) {
                // A word right after an unknown option is most likely its value: reported with the option only.
                out.add(Violation.of("", "unexpected_argument", "Unexpected argument: '" + shown + "'"));
            }
        }
    }

    /** @return the path an argument's errors use: the option's long name without dashes, or the positional's label */
    private static String name(ArgSpec arg) {
        if (arg instanceof OptionSpec o) {
            return o.longestName().replaceFirst("^-+", "");
        }
        if (arg instanceof PositionalParamSpec p) {
            return p.paramLabel().replaceAll("^<|>$", "");
        }
        return "";
    }

    /**
     * The process's standard output as a stream that fails loudly: a {@link PrintStream} (such as
     * {@link System#out}) swallows write errors, so its error flag is checked after every write; any
     * other stream's {@link IOException} is passed on. The first failure is kept for the message. Closing
     * only flushes.
     */
    static final class StandardOutput extends OutputStream {
        private final OutputStream out;
        private IOException failure;

        StandardOutput(OutputStream out) {
            this.out = out;
        }

        IOException failure() {
            return failure;
        }

        @Override
        public void write(int b) throws IOException {
            check();
            try {
                out.write(b);
            } catch (IOException e) {
                throw failed(e);
            }
            checkPrintStream();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failed(e);
            }
            checkPrintStream();
        }

        @Override
        public void flush() throws IOException {
            check();
            try {
                out.flush();
            } catch (IOException e) {
                throw failed(e);
            }
            checkPrintStream();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private void check() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }

        private void checkPrintStream() throws IOException {
            if (out instanceof PrintStream print && print.checkError()) {
                throw failed(new IOException((String) null));
            }
        }

        private IOException failed(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return failure;
        }
    }
}
