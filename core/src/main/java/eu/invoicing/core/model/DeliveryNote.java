package eu.invoicing.core.model;

/**
 * A delivery note ({@code del_}): lists delivered goods; may hide prices when printed.
 *
 * <p>Immutable and thread-safe (see {@link Document}).
 */
public final class DeliveryNote extends Document {
    DeliveryNote(Builder b) {
        super(b);
    }

    @Override
    public DocumentType type() {
        return DocumentType.DELIVERY_NOTE;
    }

    /** @return whether prices are hidden when printed, nullable */
    public Boolean hidePrices() {
        return hidePricesValue();
    }
}
