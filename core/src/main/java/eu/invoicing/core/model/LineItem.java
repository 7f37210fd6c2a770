package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a document. Inputs: name, description, quantity, price (net) or gross price, unit, taxes,
 * discounts, catalog item id, metadata. Outputs (filled by the calculation engine): total (net, rounded at
 * L1), total with tax, shown discount, converted totals, and each tax's base and amount.
 *
 * <p>Immutable and thread-safe; lists and maps are copied on the way in. Amounts compare with
 * {@code compareTo}; {@code equals} is scale-sensitive.
 *
 * @param id line id, nullable
 * @param documentId the owning document's id as recorded on the line, nullable
 * @param name item name, nullable (required by the engine for non-separator lines)
 * @param description longer text, nullable
 * @param type null for a regular line, or {@link ItemType#SEPARATOR}
 * @param quantity quantity, nullable (required for regular lines)
 * @param price net unit price, nullable
 * @param grossPrice tax-inclusive unit price, nullable
 * @param unit unit of measure, nullable
 * @param taxes taxes on the line, not null
 * @param discounts discounts on the line, not null
 * @param itemId catalog item id, nullable
 * @param total net line total, nullable until calculated
 * @param totalWithTax gross line total, nullable until calculated
 * @param totalDiscount shown discount ({@code round(subtotal) − total}), nullable until calculated
 * @param totalConverted net total in the entity currency, nullable
 * @param totalWithTaxConverted gross total in the entity currency, nullable
 * @param metadata custom key-value data, not null
 * @param createdAt creation time, nullable
 * @param updatedAt last update time, nullable
 * @param details the EN 16931 line details (price details, period, note, references, item identifiers), not null
 *        ({@link LineDetails#EMPTY} when none)
 * @param charges line charges (EN 16931 BG-28), not null; calculated: each with its amount
 */
public record LineItem(String id, DocumentId documentId, String name, String description, ItemType type,
        BigDecimal quantity, BigDecimal price, BigDecimal grossPrice, String unit, List<LineTax> taxes,
        List<Discount> discounts, String itemId, BigDecimal total, BigDecimal totalWithTax, BigDecimal totalDiscount,
        BigDecimal totalConverted, BigDecimal totalWithTaxConverted, Map<String, String> metadata, Instant createdAt,
        Instant updatedAt, LineDetails details, List<AllowanceCharge> charges) {

    /**
     * Copies collections; null collections become empty.
     *
     * @param id line id, nullable
     * @param documentId the owning document's id as recorded on the line, nullable
     * @param name item name, nullable (required by the engine for non-separator lines)
     * @param description longer text, nullable
     * @param type null for a regular line, or {@link ItemType#SEPARATOR}
     * @param quantity quantity, nullable (required for regular lines)
     * @param price net unit price, nullable
     * @param grossPrice tax-inclusive unit price, nullable
     * @param unit unit of measure, nullable
     * @param taxes taxes on the line, not null
     * @param discounts discounts on the line, not null
     * @param itemId catalog item id, nullable
     * @param total net line total, nullable until calculated
     * @param totalWithTax gross line total, nullable until calculated
     * @param totalDiscount shown discount ({@code round(subtotal) − total}), nullable until calculated
     * @param totalConverted net total in the entity currency, nullable
     * @param totalWithTaxConverted gross total in the entity currency, nullable
     * @param metadata custom key-value data, not null
     * @param createdAt creation time, nullable
     * @param updatedAt last update time, nullable
     * @param details the EN 16931 line details, nullable ({@link LineDetails#EMPTY})
     * @param charges line charges, not null
     */
    public LineItem {
        taxes = Copies.list(taxes);
        discounts = Copies.list(discounts);
        metadata = Copies.orderedMap(metadata);
        details = details == null ? LineDetails.EMPTY : details;
        charges = Copies.list(charges);
    }

    /** @return true for a separator line, which carries no amounts */
    public boolean isSeparator() {
        return type == ItemType.SEPARATOR;
    }

    /** @return true when the line is priced tax-inclusive */
    public boolean isGrossPriced() {
        return grossPrice != null && price == null;
    }

    /** @return a new mutable builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This line with its calculated taxes and totals, the converted totals cleared: what the calculation engine
     * makes of each line, built in one step rather than through {@link #toBuilder()} (a builder and its empty
     * lists and map per line were about a quarter of a 100-line calculation's time).
     *
     * @param taxes the line's taxes with their calculated amounts
     * @param total the line's total without tax
     * @param totalWithTax the line's total with tax
     * @param totalDiscount the discount the line shows
     * @return the calculated line
     */
    public LineItem withCalculated(List<LineTax> taxes, BigDecimal total, BigDecimal totalWithTax,
            BigDecimal totalDiscount) {
        return new LineItem(id, documentId, name, description, type, quantity, price, grossPrice, unit, taxes,
                discounts, itemId, total, totalWithTax, totalDiscount, null, null, metadata, createdAt, updatedAt,
                details, charges);
    }

    /** @return a builder initialised with this line's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.documentId = documentId;
        b.name = name;
        b.description = description;
        b.type = type;
        b.quantity = quantity;
        b.price = price;
        b.grossPrice = grossPrice;
        b.unit = unit;
        // The record's lists and map are immutable: the builder shares them and copies only when added to.
        b.taxes = taxes;
        b.discounts = discounts;
        b.itemId = itemId;
        b.total = total;
        b.totalWithTax = totalWithTax;
        b.totalDiscount = totalDiscount;
        b.totalConverted = totalConverted;
        b.totalWithTaxConverted = totalWithTaxConverted;
        b.metadata = metadata;
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        b.details = details;
        b.charges = charges;
        return b;
    }

    /** Mutable, single-thread builder of {@link LineItem}. */
    public static final class Builder {
        private String id, name, description, unit, itemId;
        private DocumentId documentId;
        private ItemType type;
        private BigDecimal quantity, price, grossPrice, total, totalWithTax, totalDiscount, totalConverted,
                totalWithTaxConverted;
        private List<LineTax> taxes = new ArrayList<>();
        private List<Discount> discounts = new ArrayList<>();
        private List<AllowanceCharge> charges = List.of();
        private Map<String, String> metadata = new LinkedHashMap<>();
        private Instant createdAt, updatedAt;
        private LineDetails details = LineDetails.EMPTY;

        private Builder() {
        }

        /**
         * Sets the line id.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder id(String v) { id = v; return this; }
        /**
         * Sets the owning document's id as recorded on the line.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder documentId(DocumentId v) { documentId = v; return this; }
        /**
         * Sets the item name.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder name(String v) { name = v; return this; }
        /**
         * Sets the longer text.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder description(String v) { description = v; return this; }
        /**
         * Sets the line type: null for a regular line, or {@link ItemType#SEPARATOR}.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder type(ItemType v) { type = v; return this; }
        /**
         * Sets the quantity.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder quantity(BigDecimal v) { quantity = v; return this; }
        /**
         * Sets the quantity from its decimal text.
         *
         * @param v decimal text, not null
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         * @throws NumberFormatException if {@code v} is not a decimal number
         */
        public Builder quantity(String v) { return quantity(new BigDecimal(v)); }
        /**
         * Sets the net unit price.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder price(BigDecimal v) { price = v; return this; }
        /**
         * Sets the net unit price from its decimal text.
         *
         * @param v decimal text, not null
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         * @throws NumberFormatException if {@code v} is not a decimal number
         */
        public Builder price(String v) { return price(new BigDecimal(v)); }
        /**
         * Sets the tax-inclusive unit price.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder grossPrice(BigDecimal v) { grossPrice = v; return this; }
        /**
         * Sets the tax-inclusive unit price from its decimal text.
         *
         * @param v decimal text, not null
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         * @throws NumberFormatException if {@code v} is not a decimal number
         */
        public Builder grossPrice(String v) { return grossPrice(new BigDecimal(v)); }
        /**
         * Sets the unit of measure.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder unit(String v) { unit = v; return this; }
        /**
         * Sets the taxes on the line.
         *
         * @param v nullable (empty)
         * @return this builder
         */
        public Builder taxes(List<LineTax> v) { taxes = snapshot(v); return this; }
        /**
         * Adds a tax of the given rate.
         *
         * @param rate percentage text, not null
         * @return this builder
         * @throws NullPointerException if {@code rate} is null
         * @throws NumberFormatException if {@code rate} is not a decimal number
         */
        public Builder tax(String rate) { return tax(LineTax.ofRate(new BigDecimal(rate))); }
        /**
         * Adds a tax.
         *
         * @param v not null
         * @return this builder
         */
        public Builder tax(LineTax v) {
            if (!(taxes instanceof ArrayList)) {
                taxes = new ArrayList<>(taxes);
            }
            taxes.add(v);
            return this;
        }
        /**
         * Sets the discounts on the line.
         *
         * @param v nullable (empty)
         * @return this builder
         */
        public Builder discounts(List<Discount> v) { discounts = snapshot(v); return this; }
        /**
         * Adds a discount.
         *
         * @param v not null
         * @return this builder
         */
        public Builder discount(Discount v) {
            if (!(discounts instanceof ArrayList)) {
                discounts = new ArrayList<>(discounts);
            }
            discounts.add(v);
            return this;
        }
        /**
         * Sets the line charges (BG-28).
         *
         * @param v nullable (empty)
         * @return this builder
         */
        public Builder charges(List<AllowanceCharge> v) { charges = snapshot(v); return this; }
        /**
         * Sets the catalog item id.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder itemId(String v) { itemId = v; return this; }
        /**
         * Sets the net line total.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder total(BigDecimal v) { total = v; return this; }
        /**
         * Sets the gross line total.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder totalWithTax(BigDecimal v) { totalWithTax = v; return this; }
        /**
         * Sets the shown discount.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder totalDiscount(BigDecimal v) { totalDiscount = v; return this; }
        /**
         * Sets the net total in the entity currency.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder totalConverted(BigDecimal v) { totalConverted = v; return this; }
        /**
         * Sets the gross total in the entity currency.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder totalWithTaxConverted(BigDecimal v) { totalWithTaxConverted = v; return this; }
        /**
         * Sets the custom key-value data.
         *
         * @param v nullable (empty)
         * @return this builder
         */
        public Builder metadata(Map<String, String> v) { metadata = v == null ? new LinkedHashMap<>() : new LinkedHashMap<>(v); return this; }
        /**
         * Sets the creation time.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        /**
         * Sets the last update time.
         *
         * @param v nullable
         * @return this builder
         */
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        /**
         * Sets the EN 16931 line details.
         *
         * @param v nullable ({@link LineDetails#EMPTY})
         * @return this builder
         */
        public Builder details(LineDetails v) { details = v == null ? LineDetails.EMPTY : v; return this; }

        /**
         * A copy of {@code v} taken now: an immutable list is shared as it is (no copy), one with null elements
         * stays a mutable copy so that {@link #build()} reports the null as before.
         */
        private static <T> List<T> snapshot(List<T> v) {
            if (v == null) {
                return new ArrayList<>();
            }
            for (T element : v) {
                if (element == null) {
                    return new ArrayList<>(v);
                }
            }
            return List.copyOf(v);
        }

        /** @return the immutable line */
        public LineItem build() {
            return new LineItem(id, documentId, name, description, type, quantity, price, grossPrice, unit, taxes,
                    discounts, itemId, total, totalWithTax, totalDiscount, totalConverted, totalWithTaxConverted,
                    metadata, createdAt, updatedAt, details, charges);
        }
    }
}
