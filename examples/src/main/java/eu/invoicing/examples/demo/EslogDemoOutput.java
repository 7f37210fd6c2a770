package eu.invoicing.examples.demo;

import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.EslogSchema;
import eu.invoicing.eslog.EslogSerializer;
import eu.invoicing.eslog.EslogValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The demo's e-SLOG step: writes {@code eslog/<name>.xml} for every valid document e-SLOG can carry (all
 * but delivery notes) and lists the invalid ones with their errors. The official XSD is used when the
 * environment variable {@code INVOICING_ESLOG_XSD} names its directory; otherwise only the business
 * rules are checked, and the summary says so.
 *
 * <p>Stateless and thread-safe.
 */
public final class EslogDemoOutput {

    private EslogDemoOutput() {
    }

    /**
     * @param documents the calculated documents by name, not null
     * @param entity the issuing entity, not null
     * @param out the demo's output directory, not null
     * @param log where the summary is printed, not null
     * @throws IOException when a file cannot be written
     */
    public static void write(Map<String, Document> documents, Entity entity, Path out, PrintWriter log) throws IOException {
        if (!"SI".equals(entity.countryCode())) {
            return;
        }
        Path dir = Files.createDirectories(out.resolve("eslog"));
        EslogContext context = EslogContext.forEntity(entity);
        EslogSerializer serializer = new EslogSerializer();
        String xsd = System.getenv("INVOICING_ESLOG_XSD");
        EslogValidator validator = null;
        if (xsd != null && !xsd.isBlank()) {
            try {
                validator = new EslogValidator(EslogSchema.load(Path.of(xsd)), Clock.systemUTC());
            } catch (InvoicingException e) {
                log.printf("e-SLOG: %s; checking the business rules only%n", e.getMessage());
            }
        }
        log.printf("%ne-SLOG 2.0 (%s)%n", validator == null
                ? "business rules only: set INVOICING_ESLOG_XSD to the XSD directory for the full validation"
                : "official XSD and business rules");
        for (var e : documents.entrySet()) {
            Document doc = e.getValue();
            if (doc.type() == DocumentType.DELIVERY_NOTE) {
                continue;
            }
            List<Violation> errors = validator != null ? validator.validate(doc, context).validationErrors()
                    : EslogValidator.checkWithoutSchema(doc, context);
            if (!errors.isEmpty()) {
                // As in the bulk e-SLOG export: an invalid document is skipped and listed with its reasons.
                log.printf("  %-28s skipped, not valid: %s%n", e.getKey(),
                        errors.stream().map(v -> v.path() + " " + v.code()).toList());
                continue;
            }
            try {
                Files.write(dir.resolve(e.getKey() + ".xml"), serializer.toBytes(doc, context));
                log.printf("  %-28s valid%n", e.getKey() + ".xml");
            } catch (InvoicingException ex) {
                log.printf("  %-28s not written: %s%n", e.getKey(), ex.getMessage());
            }
        }
        log.flush();
    }
}
