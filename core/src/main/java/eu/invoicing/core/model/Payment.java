package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment recorded against a payable document. Payments are never erased: removal sets
 * {@code deletedAt} (soft delete), which restores the document's due amount.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id payment id ({@code pay_…}), nullable before it is stored
 * @param documentId the document paid, nullable before it is stored
 * @param amount amount in the document currency, not null
 * @param type how it was paid, not null
 * @param date payment date, nullable
 * @param reference bank reference, nullable
 * @param note free note, nullable
 * @param sourceDocumentId the credit note or advance invoice applied, nullable
 * @param createdAt when recorded, nullable
 * @param deletedAt when soft-deleted, nullable
 */
public record Payment(String id, String documentId, BigDecimal amount, PaymentType type, LocalDate date,
        String reference, String note, String sourceDocumentId, Instant createdAt, Instant deletedAt) {
    /** Rejects nulls in the required components. */
    public Payment {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(type, "type");
    }

    /** @return true unless soft-deleted */
    public boolean isLive() {
        return deletedAt == null;
    }

    /**
     * @param when the deletion time, not null
     * @return a soft-deleted copy; this instance is unaffected
     */
    public Payment deleted(Instant when) {
        return new Payment(id, documentId, amount, type, date, reference, note, sourceDocumentId, createdAt,
                Objects.requireNonNull(when, "when"));
    }
}
