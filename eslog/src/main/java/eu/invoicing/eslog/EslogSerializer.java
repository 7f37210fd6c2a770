package eu.invoicing.eslog;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.eslog.internal.mapping.DocumentMapper;
import eu.invoicing.eslog.internal.xml.EslogJaxb;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes a calculated document of a Slovenian issuer as an e-SLOG 2.0 invoice
 * ({@code urn:eslog:2.00}): invoices as 380, credit notes as 381 (positive amounts, with the
 * credited invoice in {@code RFF OI}), advance invoices as 386 and estimates as 325 (pro-forma).
 * Delivery notes have no e-SLOG counterpart and are refused.
 *
 * <p>The serializer does not judge the document: it writes what there is, leaving out every absent
 * value (e-SLOG forbids empty elements). Whether the result is complete enough for a receiver is
 * {@link EslogValidator}'s job. The element order is the XSD's; amounts have the currency's minor
 * units and a dot. See {@code docs/eslog.md} for every mapping decision.
 *
 * <p>A pure function of its arguments: stateless and thread-safe; share one instance.
 */
public final class EslogSerializer {

    /** Creates a serializer. */
    public EslogSerializer() {
        // stateless
    }

    /**
     * @param document a calculated document, not null
     * @param context bank account, payment reference and other e-SLOG data, not null
     * @return the UTF-8 XML bytes
     * @throws NullPointerException if an argument is null
     * @throws ValidationException listing everything the document holds that e-SLOG cannot carry (an
     *         uncalculated document, a missing issue date, a text too long for its field, an amount not in
     *         whole minor units, a delivery note)
     */
    public byte[] toBytes(Document document, EslogContext context) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(context, "context");
        return EslogJaxb.marshal(DocumentMapper.toEslog(document, context));
    }

    /**
     * @param document a calculated document, not null
     * @param context bank account, payment reference and other e-SLOG data, not null
     * @return the XML text
     * @throws NullPointerException if an argument is null
     * @throws ValidationException as {@link #toBytes(Document, EslogContext)}
     */
    public String toXml(Document document, EslogContext context) {
        return new String(toBytes(document, context), StandardCharsets.UTF_8);
    }
}
