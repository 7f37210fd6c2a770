package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * The EN 16931 details of one line beyond name, quantity and price: the price details (BG-29), the line's
 * period, note and references, and the item's identifiers, classifications, origin and attributes (BG-31).
 * Every component is optional; {@link #EMPTY} has none.
 *
 * <p>The price fields relate to the line's {@code price} (the item net price, BT-146) as in EN 16931:
 * {@code price}, {@code listPrice} and {@code priceDiscount} are all per {@code priceBaseQuantity} units
 * (1 when absent), and when a list price is given {@code price = listPrice − priceDiscount} (a missing
 * discount is 0). The calculation prices the line at {@code quantity × price / priceBaseQuantity}. The list
 * price is net of VAT, unlike the line's tax-inclusive {@code gross_price}, and needs a net {@code price}.
 *
 * <p>Immutable and thread-safe; lists are copied on the way in (null becomes empty). Amounts compare with
 * {@code compareTo}; {@code equals} is scale-sensitive.
 *
 * @param listPrice item gross (list) price before the price discount (BT-148), nullable
 * @param priceDiscount item price discount per base quantity (BT-147), nullable
 * @param priceBaseQuantity the number of units the prices are for (BT-149), nullable (then 1)
 * @param period the line's invoicing period (BG-26), nullable
 * @param note a note on the line (BT-127), nullable
 * @param orderLineReference the buyer's purchase order line this line refers to (BT-132), nullable
 * @param accountingReference the buyer's accounting reference for the line (BT-133), nullable
 * @param buyerItemId the buyer's identifier of the item (BT-156), nullable
 * @param standardId the item's standard identifier with its scheme (BT-157), nullable
 * @param classifications the item's classifications (BT-158), not null
 * @param originCountry the item's country of origin, ISO 3166-1 alpha-2 (BT-159), nullable
 * @param attributes the item's attributes (BG-32), not null
 */
public record LineDetails(BigDecimal listPrice, BigDecimal priceDiscount, BigDecimal priceBaseQuantity,
        Period period, String note, String orderLineReference, String accountingReference, String buyerItemId,
        ItemIdentifier standardId, List<ItemClassification> classifications, String originCountry,
        List<ItemAttribute> attributes) {

    /** No details at all: what a line without them carries. */
    public static final LineDetails EMPTY = new LineDetails(null, null, null, null, null, null, null, null, null,
            List.of(), null, List.of());

    /**
     * Copies the lists; null lists become empty.
     *
     * @param listPrice item list price (BT-148), nullable
     * @param priceDiscount item price discount (BT-147), nullable
     * @param priceBaseQuantity price base quantity (BT-149), nullable
     * @param period line period (BG-26), nullable
     * @param note line note (BT-127), nullable
     * @param orderLineReference order line reference (BT-132), nullable
     * @param accountingReference line accounting reference (BT-133), nullable
     * @param buyerItemId buyer's item identifier (BT-156), nullable
     * @param standardId item standard identifier (BT-157), nullable
     * @param classifications item classifications (BT-158), nullable (empty)
     * @param originCountry item country of origin (BT-159), nullable
     * @param attributes item attributes (BG-32), nullable (empty)
     */
    public LineDetails {
        classifications = Copies.listAllowingNull(classifications);
        attributes = Copies.listAllowingNull(attributes);
    }

    /** @return true when no detail is given */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** @return a new mutable builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder initialised with these details */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.listPrice = listPrice;
        b.priceDiscount = priceDiscount;
        b.priceBaseQuantity = priceBaseQuantity;
        b.period = period;
        b.note = note;
        b.orderLineReference = orderLineReference;
        b.accountingReference = accountingReference;
        b.buyerItemId = buyerItemId;
        b.standardId = standardId;
        b.classifications = classifications;
        b.originCountry = originCountry;
        b.attributes = attributes;
        return b;
    }

    /** Mutable, single-thread builder of {@link LineDetails}. */
    public static final class Builder {
        private BigDecimal listPrice, priceDiscount, priceBaseQuantity;
        private Period period;
        private String note, orderLineReference, accountingReference, buyerItemId, originCountry;
        private ItemIdentifier standardId;
        private List<ItemClassification> classifications = List.of();
        private List<ItemAttribute> attributes = List.of();

        private Builder() {
        }

        /**
         * Sets the item list price (BT-148).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder listPrice(BigDecimal v) { listPrice = v; return this; }
        /**
         * Sets the item price discount (BT-147).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder priceDiscount(BigDecimal v) { priceDiscount = v; return this; }
        /**
         * Sets the price base quantity (BT-149).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder priceBaseQuantity(BigDecimal v) { priceBaseQuantity = v; return this; }
        /**
         * Sets the line period (BG-26).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder period(Period v) { period = v; return this; }
        /**
         * Sets the line note (BT-127).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder note(String v) { note = v; return this; }
        /**
         * Sets the order line reference (BT-132).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder orderLineReference(String v) { orderLineReference = v; return this; }
        /**
         * Sets the line accounting reference (BT-133).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder accountingReference(String v) { accountingReference = v; return this; }
        /**
         * Sets the buyer's item identifier (BT-156).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder buyerItemId(String v) { buyerItemId = v; return this; }
        /**
         * Sets the item standard identifier (BT-157).
         *
         * @param v nullable
         * @return this builder
         */
        public Builder standardId(ItemIdentifier v) { standardId = v; return this; }
        /**
         * Sets the item classifications (BT-158).
         *
         * @param v nullable (empty)
         * @return this builder
         */
        public Builder classifications(List<ItemClassification> v) { classifications = v; return this; }
        /**
         * Sets the item country of origin (BT-159).
         *
         * @param v ISO 3166-1 alpha-2 code, nullable
         * @return this builder
         */
        public Builder originCountry(String v) { originCountry = v; return this; }
        /**
         * Sets the item attributes (BG-32).
         *
         * @param v nullable (empty)
         * @return this builder
         */
        public Builder attributes(List<ItemAttribute> v) { attributes = v; return this; }

        /** @return the immutable details ({@link #EMPTY} when none is given) */
        public LineDetails build() {
            LineDetails d = new LineDetails(listPrice, priceDiscount, priceBaseQuantity, period, note,
                    orderLineReference, accountingReference, buyerItemId, standardId, classifications, originCountry,
                    attributes);
            return d.isEmpty() ? EMPTY : d;
        }
    }
}
