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
 * The demo's e-SLOG step: lists every document and writes {@code eslog/<name>.xml} for each valid one. A
 * document e-SLOG cannot carry (a delivery note) or that is not valid is listed with its errors; the demo's
 * data is complete, so the only invalid one is {@link DemoData#ESLOG_INVALID}, kept to show the validation.
 * The official XSD is used when the environment variable {@code INVOICING_ESLOG_XSD} names its directory;
 * otherwise only the business rules are checked, and the summary says so.
 *
 * <p>Stateless and thread-safe.
 */
public final class EslogDemoOutput {

    private EslogDemoOutput() {
    }

    /**
     * With the schema from {@code INVOICING_ESLOG_XSD}, when set, and the system clock.
     *
     * @param documents the calculated documents by name, not null
     * @param entity the issuing entity, not null
     * @param out the demo's output directory, not null
     * @param log where the summary is printed, not null
     * @throws IOException when a file cannot be written
     */
    public static void write(Map<String, Document> documents, Entity entity, Path out, PrintWriter log) throws IOException {
        write(documents, entity, out, log, Clock.systemUTC());
    }

    /**
     * @param documents the calculated documents by name, not null
     * @param entity the issuing entity, not null
     * @param out the demo's output directory, not null
     * @param log where the summary is printed, not null
     * @param clock the validation time, not null
     * @throws IOException when a file cannot be written
     */
    public static void write(Map<String, Document> documents, Entity entity, Path out, PrintWriter log, Clock clock)
            throws IOException {
        if (!"SI".equals(entity.countryCode())) {
            return;
        }
        EslogSchema schema = null;
        String xsd = System.getenv("INVOICING_ESLOG_XSD");
        if (xsd != null && !xsd.isBlank()) {
            try {
                schema = EslogSchema.load(Path.of(xsd));
            } catch (InvoicingException e) {
                log.printf("e-SLOG: %s; checking the business rules only%n", e.getMessage());
            }
        }
        write(documents, entity, out, log, schema == null ? null : new EslogValidator(schema, clock));
    }

    /**
     * @param validator the full validation (XSD and business rules), or null for the business rules only
     */
    static void write(Map<String, Document> documents, Entity entity, Path out, PrintWriter log,
                      EslogValidator validator) throws IOException {
        Path dir = Files.createDirectories(out.resolve("eslog"));
        EslogContext context = EslogContext.forEntity(entity);
        EslogSerializer serializer = new EslogSerializer();
        log.printf("%ne-SLOG 2.0 (%s)%n", validator == null
                ? "business rules only: set INVOICING_ESLOG_XSD to the XSD directory for the full validation"
                : "official XSD and business rules");
        int written = 0;
        for (var e : documents.entrySet()) {
            Document doc = e.getValue();
            String name = e.getKey();
            List<Violation> errors = validator != null ? validator.validate(doc, context).validationErrors()
                    : EslogValidator.checkWithoutSchema(doc, context);
            String number = doc.number() == null ? "(draft)" : doc.number();
            if (doc.type() == DocumentType.DELIVERY_NOTE) {
                log.printf("  %-28s %-14s not written: %s (e-SLOG 2.0 carries invoices, credit notes, advance "
                        + "invoices and estimates)%n", name, number, summary(errors));
                continue;
            }
            if (!errors.isEmpty()) {
                // As in the bulk e-SLOG export: an invalid document is left out and listed with its reasons.
                log.printf("  %-28s %-14s not written, invalid%s: %s%n", name, number,
                        DemoData.ESLOG_INVALID.equals(name) ? " (on purpose)" : "", summary(errors));
                continue;
            }
            Files.write(dir.resolve(name + ".xml"), serializer.toBytes(doc, context));
            log.printf("  %-28s %-14s eslog/%s.xml, valid%n", name, number, name);
            written++;
        }
        log.printf("  %d of %d documents written as e-SLOG in %s%n", written, documents.size(), dir.toAbsolutePath());
        log.flush();
    }

    private static List<String> summary(List<Violation> errors) {
        return errors.stream().map(v -> v.path() + " " + v.code()).toList();
    }
}
