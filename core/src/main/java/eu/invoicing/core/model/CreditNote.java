package eu.invoicing.core.model;

/**
 * A credit note ({@code cre_}): credits an invoice; applied to it as a payment of type {@code credit_note}.
 *
 * <p>Immutable and thread-safe (see {@link Document}).
 */
public final class CreditNote extends Document {
    CreditNote(Builder b) {
        super(b);
    }

    @Override
    public DocumentType type() {
        return DocumentType.CREDIT_NOTE;
    }
}
