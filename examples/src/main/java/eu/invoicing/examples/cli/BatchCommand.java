package eu.invoicing.examples.cli;

import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.rates.EuroReferenceRates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code invoicing batch [FILE] [--entity entity.json] [--now INSTANT] [--database URL]}: applies a JSON Lines
 * file of operations (docs/batch.md) to one {@link Invoicing}, in memory or, with {@code --database}, on
 * PostgreSQL (documents stored by one run are there for the next, {@link DatabaseOption}), and prints one JSON result line per
 * operation. A refused operation prints {@code {"error":{...}}} and the run goes on; when any operation was
 * refused the exit code is 2 and stderr lists their errors at {@code lines[i]} (i = line number - 1). A missing
 * FILE is {@code FILE}: {@code not_found}, exit 2. An operation that failed inside the library (an
 * {@code spi_error} or {@code error} line) makes the exit code 1.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Apply a JSON Lines file of document operations (create, finalize, update, void, list, ...) "
                + "to one instance (in memory, or PostgreSQL with --database); one JSON result per line.")
final class BatchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The operations file (default: stdin).")
    Path file;

    @CommandLine.Mixin
    EntityOption entityOption = new EntityOption();

    @CommandLine.Mixin
    DatabaseOption database = new DatabaseOption();

    @CommandLine.Mixin
    RatesOption rates = new RatesOption();

    @Option(names = "--now", description = "Fix the clock at this instant, e.g. 2026-03-15T10:00:00Z.")
    String now;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Entity entity;
        Clock clock;
        EuroReferenceRates exchangeRates;
        BufferedReader in;
        CliDatabase db = null;
        try {
            entity = entityOption.load();
            exchangeRates = rates.load();
            clock = now == null ? Clock.systemUTC() : Clock.fixed(parseInstant(now), ZoneOffset.UTC);
            in = file == null ? new BufferedReader(new InputStreamReader(InvoicingCli.stdin(spec), StandardCharsets.UTF_8))
                    : CliFiles.reader(file, "FILE");
            db = database.present() ? database.open() : null;
        } catch (ValidationException e) {
            return InvoicingCli.badInput(err, e.violations());
        }
        try (CliDatabase closing = db) {
            Invoicing invoicing = closing == null ? Invoicing.builder().clock(clock).exchangeRates(exchangeRates).build()
                    : closing.invoicing(b -> b.clock(clock).exchangeRates(exchangeRates));
            return run(new BatchRunner(invoicing, entity), in, out, err);
        }
    }

    private int run(BatchRunner runner, BufferedReader in, PrintWriter out, PrintWriter err) throws IOException {
        List<Violation> refused = new ArrayList<>();
        List<String> internal = new ArrayList<>();
        int operations = 0;
        try (in) {
            int lineNumber = 0;
            for (String line = read(in); line != null; line = read(in)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                operations++;
                BatchRunner.Outcome outcome = runner.execute(lineNumber, line);
                out.println(outcome.json());
                if (outcome.internal()) {
                    internal.add("line " + lineNumber + ": " + outcome.failure().getMessage());
                } else if (outcome.refused()) {
                    refused.addAll(summary(lineNumber - 1, outcome));
                }
            }
        }
        out.flush();
        if (operations == 0) {
            return InvoicingCli.badInput(err, List.of(Violation.of("lines", "empty", "no operation: "
                    + (file == null ? "stdin" : "FILE " + CliFiles.quote(file)) + " has no non-blank line")));
        }
        if (!internal.isEmpty()) {
            internal.forEach(m -> err.println("invoicing: internal error: " + m));
            err.flush();
            return InvoicingCli.EXIT_FAILURE;
        }
        return refused.isEmpty() ? InvoicingCli.EXIT_OK : InvoicingCli.badInput(err, refused);
    }

    private String read(BufferedReader in) throws IOException {
        try {
            return in.readLine();
        } catch (IOException e) {
            if (file == null) {
                throw e;
            }
            throw CliFiles.unreadable(file, "FILE", e);
        }
    }

    /** The stderr entries of a refused line: its errors at {@code lines[i].path}, or its rule / type. */
    private static List<Violation> summary(int index, BatchRunner.Outcome outcome) {
        if (outcome.failure() instanceof ValidationException v) {
            return Lines.at(index, v.violations());
        }
        String code = outcome.failure() instanceof DocumentStateException s ? s.rule().wireName()
                : outcome.errorType();
        return List.of(Violation.of(Lines.path(index), code, String.valueOf(outcome.failure().getMessage())));
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ValidationException.of("now", "invalid_value", "must be an ISO instant, was \"" + text + "\"");
        }
    }
}
