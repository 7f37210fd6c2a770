package eu.invoicing.core.model;

/**
 * An advance (prepayment) invoice ({@code adv_}): once paid, applied to a final invoice as a payment of type {@code advance}.
 *
 * <p>Immutable and thread-safe (see {@link Document}).
 */
public final class AdvanceInvoice extends Document {
    AdvanceInvoice(Builder b) {
        super(b);
    }

    @Override
    public DocumentType type() {
        return DocumentType.ADVANCE_INVOICE;
    }
}
