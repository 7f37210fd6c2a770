package eu.invoicing.core.model;

/**
 * The fields only a {@link DeliveryNote} has: whether it is printed without prices.
 *
 * <p>Immutable and thread-safe.
 *
 * @param hidePrices whether prices are hidden when printed, nullable (the lifecycle defaults it to the
 *     entity's {@code delivery_note_hide_prices})
 */
public record DeliveryNoteDetails(Boolean hidePrices) implements KindDetails {
    /** Every component absent: shared, so that a delivery note without these values allocates no group. */
    public static final DeliveryNoteDetails EMPTY = new DeliveryNoteDetails(null);

    @Override
    public boolean isEmpty() {
        return hidePrices == null;
    }

    /**
     * The value of the components, {@link #EMPTY} (not a new instance) when every one is absent.
     *
     * @param hidePrices nullable
     * @return the details
     */
    public static DeliveryNoteDetails of(Boolean hidePrices) {
        return hidePrices == null ? EMPTY : new DeliveryNoteDetails(hidePrices);
    }
}
