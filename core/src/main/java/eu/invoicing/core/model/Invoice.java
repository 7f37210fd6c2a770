package eu.invoicing.core.model;

/**
 * An invoice ({@code inv_}): payable, numbered on finalize, can be voided, credited, paid and fiscalized.
 *
 * <p>Immutable and thread-safe (see {@link Document}).
 */
public final class Invoice extends Document {
    Invoice(Builder b) {
        super(b);
    }

    @Override
    public DocumentType type() {
        return DocumentType.INVOICE;
    }
}
