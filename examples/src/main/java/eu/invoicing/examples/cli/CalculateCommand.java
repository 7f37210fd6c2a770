package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.calc.CalculationOptions;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code invoicing calculate --type T [--entity entity.json] [--jsonl]}: reads a create/calculate request on
 * stdin and prints the {@code POST /documents/calculate} response shape on stdout. With {@code --jsonl}
 * each input line is one request and each output line its result or {@code {"errors":[...]}}; when any line
 * failed, stderr gets every error at {@code lines[i].path} (i the 0-based input line) and the exit code is 2.
 */
@Command(name = "calculate", mixinStandardHelpOptions = true,
        description = "Calculate a document from a create request (JSON on stdin).")
final class CalculateCommand implements Callable<Integer> {
    @Option(names = "--type", required = true, description = "invoice, estimate, credit_note, advance_invoice or delivery_note")
    String type;

    @CommandLine.Mixin
    EntityOption entityOption = new EntityOption();

    @CommandLine.Mixin
    RatesOption rates = new RatesOption();

    @Option(names = "--jsonl", description = "One request per input line, one result per output line.")
    boolean jsonl;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DocumentType kind;
        Entity entity;
        try {
            kind = WireValues.parse(DocumentType.class, type).orElseThrow(() -> ValidationException.of("type",
                    "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class) + ", was \"" + type + "\""));
            entity = entityOption.load();
            rates.load();
        } catch (ValidationException e) {
            return InvoicingCli.badInput(err, e.violations());
        }
        CalculationEngine engine = CalculationEngine.withDefaults();
        InputStream stdin = InvoicingCli.stdin(spec);
        if (!jsonl) {
            String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            try {
                out.println(calculate(engine, rates, entity, kind, text));
                out.flush();
                return InvoicingCli.EXIT_OK;
            } catch (ValidationException e) {
                return InvoicingCli.badInput(err, e.violations());
            }
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        List<Violation> failed = new ArrayList<>();
        int index = 0;
        int requests = 0;
        for (String line = in.readLine(); line != null; line = in.readLine(), index++) {
            if (line.isBlank()) {
                continue;
            }
            requests++;
            try {
                out.println(calculate(engine, rates, entity, kind, line));
            } catch (ValidationException e) {
                out.println(InvoicingJson.writeErrors(e.violations()));
                failed.addAll(Lines.at(index, e.violations()));
            }
        }
        out.flush();
        if (requests == 0) {
            return InvoicingCli.badInput(err, List.of(Violation.of("lines", "empty",
                    "no request: stdin has no non-blank line")));
        }
        return failed.isEmpty() ? InvoicingCli.EXIT_OK : InvoicingCli.badInput(err, failed);
    }

    private static String calculate(CalculationEngine engine, RatesOption rates, Entity entity, DocumentType kind,
            String json) {
        DocumentRequest request = InvoicingJson.readRequest(json, kind);
        Document calculated = engine.calculate(rates.apply(request.draft().values(), entity, Clock.systemUTC()), entity,
                CalculationOptions.expecting(request.expectedTotalWithTax()));
        return InvoicingJson.writeCalculation(calculated);
    }
}
