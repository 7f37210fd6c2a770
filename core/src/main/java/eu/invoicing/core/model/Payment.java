package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment recorded against a payable document. Payments are never erased: removal sets
 * {@code deletedAt} (soft delete), which restores the document's due amount.
 *
 * <p>Build one with {@link #builder()} ({@code Payment.builder().amount("100.00").build()} is a bank transfer),
 * change one with {@link #toBuilder()}.
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
public record Payment(String id, DocumentId documentId, BigDecimal amount, PaymentType type, LocalDate date,
        String reference, String note, DocumentId sourceDocumentId, Instant createdAt, Instant deletedAt) {
    /**
     * Rejects nulls in the required components; prefer {@link #builder()}, which reports them as violations.
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
     * @throws NullPointerException if a component documented as not null is null
     */
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
        return toBuilder().deletedAt(Objects.requireNonNull(when, "when")).build();
    }

    /** @return a new builder: a bank transfer, nothing else set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised with every value of this payment; this instance is unaffected */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.documentId = documentId;
        b.amount = amount;
        b.type = type;
        b.date = date;
        b.reference = reference;
        b.note = note;
        b.sourceDocumentId = sourceDocumentId;
        b.createdAt = createdAt;
        b.deletedAt = deletedAt;
        return b;
    }

    /**
     * Mutable, single-thread builder of payments. The type defaults to {@link PaymentType#BANK_TRANSFER};
     * {@link #build()} reports every missing required value at once.
     */
    public static final class Builder {
        private String id;
        private DocumentId documentId;
        private BigDecimal amount;
        private PaymentType type = PaymentType.BANK_TRANSFER;
        private LocalDate date;
        private String reference;
        private String note;
        private DocumentId sourceDocumentId;
        private Instant createdAt;
        private Instant deletedAt;

        private Builder() {
        }

        /**
         * Sets the payment id.
         *
         * @param v the payment id ({@code pay_…}), null before it is stored
         * @return this builder
         */
        public Builder id(String v) {
            id = v;
            return this;
        }

        /**
         * Sets the id of the document paid.
         *
         * @param v the document paid, null before it is stored
         * @return this builder
         */
        public Builder documentId(DocumentId v) {
            documentId = v;
            return this;
        }

        /**
         * Sets the amount in the document currency.
         *
         * @param v the amount in the document currency, required
         * @return this builder
         */
        public Builder amount(BigDecimal v) {
            amount = v;
            return this;
        }

        /**
         * @param v the amount as decimal text, e.g. {@code "100.00"}, not null
         * @return this
         * @throws NumberFormatException when the text is not a decimal number
         */
        public Builder amount(String v) {
            return amount(new BigDecimal(Objects.requireNonNull(v, "amount")));
        }

        /**
         * Sets how the payment was made.
         *
         * @param v how it was paid, required (default {@code bank_transfer})
         * @return this builder
         */
        public Builder type(PaymentType v) {
            type = v;
            return this;
        }

        /**
         * Sets the payment date.
         *
         * @param v the payment date, nullable (the lifecycle takes today)
         * @return this builder
         */
        public Builder date(LocalDate v) {
            date = v;
            return this;
        }

        /**
         * Sets the bank reference.
         *
         * @param v the bank reference, nullable
         * @return this builder
         */
        public Builder reference(String v) {
            reference = v;
            return this;
        }

        /**
         * Sets a free note.
         *
         * @param v a free note, nullable
         * @return this builder
         */
        public Builder note(String v) {
            note = v;
            return this;
        }

        /**
         * Sets the credit note or advance invoice applied.
         *
         * @param v the credit note or advance invoice applied, nullable
         * @return this builder
         */
        public Builder sourceDocumentId(DocumentId v) {
            sourceDocumentId = v;
            return this;
        }

        /**
         * Sets when the payment was recorded.
         *
         * @param v when recorded, nullable (set when stored)
         * @return this builder
         */
        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        /**
         * Sets when the payment was soft-deleted.
         *
         * @param v when soft-deleted, null while live
         * @return this builder
         */
        public Builder deletedAt(Instant v) {
            deletedAt = v;
            return this;
        }

        /**
         * @return the immutable payment
         * @throws ValidationException ({@code required}) at {@code amount} and {@code type} when they are null
         */
        public Payment build() {
            ViolationCollector out = new ViolationCollector();
            if (amount == null) {
                out.add("amount", "required", "is required");
            }
            if (type == null) {
                out.add("type", "required", "is required");
            }
            out.throwIfAny();
            return new Payment(id, documentId, amount, type, date, reference, note, sourceDocumentId, createdAt,
                    deletedAt);
        }
    }
}
