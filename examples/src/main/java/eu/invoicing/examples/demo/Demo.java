package eu.invoicing.examples.demo;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The README's main job: builds the sample company's documents, calculates them and writes every output
 * into one directory ({@code documents/*.json} and, as the other capabilities add theirs, HTML, PDF,
 * exports and e-SLOG XML), printing a short summary.
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class Demo {
    private final Path out;
    private final PrintWriter log;

    /**
     * @param out the output directory, not null
     * @param log where the summary is printed, not null
     */
    public Demo(Path out, PrintWriter log) {
        this.out = out;
        this.log = log;
    }

    /**
     * Runs every step.
     *
     * @return the calculated documents by name
     * @throws IOException when the directory cannot be written
     */
    public Map<String, Document> run() throws IOException {
        Entity entity = DemoData.entity();
        Path documents = Files.createDirectories(out.resolve("documents"));
        Files.writeString(out.resolve("entity.json"), InvoicingJson.writeEntity(entity), StandardCharsets.UTF_8);
        CalculationEngine engine = CalculationEngine.withDefaults();
        Map<String, Document> calculated = new LinkedHashMap<>();
        log.printf("Invoicing demo for %s (%s, %s)%n%n", entity.name(), entity.countryCode(), entity.currencyCode());
        log.printf("%-24s %-16s %-20s %12s %12s %12s%n", "document", "kind", "transaction", "net", "tax", "total");
        for (var e : DemoData.drafts().entrySet()) {
            Document doc = engine.calculate(e.getValue(), entity);
            calculated.put(e.getKey(), doc);
            Files.writeString(documents.resolve(e.getKey() + ".json"), InvoicingJson.writeDocument(doc),
                    StandardCharsets.UTF_8);
            log.printf("%-24s %-16s %-20s %12s %12s %12s %s%n", e.getKey(), WireValues.of(doc.type()),
                    WireValues.of(doc.transactionType()), doc.total().toPlainString(),
                    doc.totalWithTax().subtract(doc.total()).toPlainString(), doc.totalWithTax().toPlainString(),
                    doc.currencyCode());
        }
        log.printf("%nWrote %d calculated documents to %s%n", calculated.size(), documents.toAbsolutePath());
        log.flush();
        return calculated;
    }
}
