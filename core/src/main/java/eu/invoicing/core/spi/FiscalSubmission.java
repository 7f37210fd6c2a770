package eu.invoicing.core.spi;

import eu.invoicing.core.model.DocumentId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the library asks the host to send to the tax authority: the message fields with their official
 * names (FURS {@code InvoiceRequest.Invoice} JSON names; FINA {@code RacunZahtjev.Racun} element names), the
 * protected code already computed, and a message id that is new for every message, retries included.
 * Signing the envelope (JWS / XML-DSig) and the transport belong to the host.
 *
 * <p>Immutable and thread-safe when the payload values are (strings, numbers, booleans, lists and maps).
 *
 * @param authority FURS or FINA, not null
 * @param entityId the issuing entity, not null
 * @param documentId the document, not null
 * @param messageId a new UUID for this message, not null
 * @param protectedCode the ZOI / ZKI (32 lowercase hex), not null
 * @param subsequent true for a late submission (FURS {@code SubsequentSubmit}, FINA {@code NakDost})
 * @param cancellation true for a technical cancellation of an earlier submission (void)
 * @param payload the message fields in the authority's names and order, not null
 */
public record FiscalSubmission(FiscalAuthority authority, String entityId, DocumentId documentId, String messageId,
        String protectedCode, boolean subsequent, boolean cancellation, Map<String, Object> payload) {
    /**
     * Rejects nulls and copies the payload, keeping its order.
     *
     * @param authority FURS or FINA, not null
     * @param entityId the issuing entity, not null
     * @param documentId the document, not null
     * @param messageId a new UUID for this message, not null
     * @param protectedCode the ZOI / ZKI (32 lowercase hex), not null
     * @param subsequent true for a late submission (FURS {@code SubsequentSubmit}, FINA {@code NakDost})
     * @param cancellation true for a technical cancellation of an earlier submission (void)
     * @param payload the message fields in the authority's names and order, not null
     * @throws NullPointerException if a component documented as not null is null
     */
    public FiscalSubmission {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(protectedCode, "protectedCode");
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(payload, "payload")));
    }
}
