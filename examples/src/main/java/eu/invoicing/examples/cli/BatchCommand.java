package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.model.Entity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code invoicing batch [FILE] [--entity entity.json] [--now INSTANT]}: applies a JSON Lines file of
 * operations (docs/batch.md) to one in-memory {@link Invoicing} and prints one JSON result line per
 * operation. A refused operation prints {@code {"error":{...}}} and the run goes on; the exit code is 2 when
 * any operation was refused.
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Apply a JSON Lines file of document operations (create, finalize, update, void, list, ...) "
                + "to one in-memory instance; one JSON result per line.")
final class BatchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "The operations file (default: stdin).")
    Path file;

    @CommandLine.Mixin
    EntityOption entityOption = new EntityOption();

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
        try {
            entity = entityOption.load();
            clock = now == null ? Clock.systemUTC() : Clock.fixed(parseInstant(now), ZoneOffset.UTC);
        } catch (ValidationException e) {
            return InvoicingCli.badInput(err, e.violations());
        }
        BatchRunner runner = new BatchRunner(Invoicing.builder().clock(clock).build(), entity);
        boolean anyRefused = false;
        try (BufferedReader in = file == null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String result = runner.apply(lineNumber, line);
                anyRefused |= result.startsWith("{\"error\"");
                out.println(result);
            }
        }
        out.flush();
        return anyRefused ? InvoicingCli.EXIT_BAD_INPUT : 0;
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ValidationException.of("now", "invalid_value", "must be an ISO instant, was \"" + text + "\"");
        }
    }
}
