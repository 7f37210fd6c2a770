package eu.invoicing.core.model;

/**
 * A delivery note ({@code del_}): lists delivered goods; may hide prices when printed. Its own field
 * ({@code hide_prices}) is held here, as {@link DeliveryNoteDetails}.
 *
 * <p>Immutable and thread-safe (see {@link Document}).
 */
public final class DeliveryNote extends Document {
    private final DeliveryNoteDetails details;

    DeliveryNote(Builder b) {
        super(b);
        this.details = DeliveryNoteDetails.of(b.hidePrices());
    }

    @Override
    public DocumentType type() {
        return DocumentType.DELIVERY_NOTE;
    }

    /** @return the delivery note's own fields, never null */
    public DeliveryNoteDetails details() {
        return details;
    }

    @Override
    public KindDetails kindDetails() {
        return details;
    }

    /** @return whether prices are hidden when printed, nullable */
    public Boolean hidePrices() {
        return details.hidePrices();
    }
}
