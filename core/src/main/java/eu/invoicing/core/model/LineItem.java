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
 */
public record LineItem(String id, String documentId, String name, String description, ItemType type,
        BigDecimal quantity, BigDecimal price, BigDecimal grossPrice, String unit, List<LineTax> taxes,
        List<Discount> discounts, String itemId, BigDecimal total, BigDecimal totalWithTax, BigDecimal totalDiscount,
        BigDecimal totalConverted, BigDecimal totalWithTaxConverted, Map<String, String> metadata, Instant createdAt,
        Instant updatedAt) {

    /** Copies collections; null collections become empty. */
    public LineItem {
        taxes = Copies.list(taxes);
        discounts = Copies.list(discounts);
        metadata = Copies.orderedMap(metadata);
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
        b.taxes = new ArrayList<>(taxes);
        b.discounts = new ArrayList<>(discounts);
        b.itemId = itemId;
        b.total = total;
        b.totalWithTax = totalWithTax;
        b.totalDiscount = totalDiscount;
        b.totalConverted = totalConverted;
        b.totalWithTaxConverted = totalWithTaxConverted;
        b.metadata = new LinkedHashMap<>(metadata);
        b.createdAt = createdAt;
        b.updatedAt = updatedAt;
        return b;
    }

    /** Mutable, single-thread builder of {@link LineItem}. */
    public static final class Builder {
        private String id, documentId, name, description, unit, itemId;
        private ItemType type;
        private BigDecimal quantity, price, grossPrice, total, totalWithTax, totalDiscount, totalConverted,
                totalWithTaxConverted;
        private List<LineTax> taxes = new ArrayList<>();
        private List<Discount> discounts = new ArrayList<>();
        private Map<String, String> metadata = new LinkedHashMap<>();
        private Instant createdAt, updatedAt;

        private Builder() {
        }

        /** @param v nullable @return this */ public Builder id(String v) { id = v; return this; }
        /** @param v nullable @return this */ public Builder documentId(String v) { documentId = v; return this; }
        /** @param v nullable @return this */ public Builder name(String v) { name = v; return this; }
        /** @param v nullable @return this */ public Builder description(String v) { description = v; return this; }
        /** @param v nullable @return this */ public Builder type(ItemType v) { type = v; return this; }
        /** @param v nullable @return this */ public Builder quantity(BigDecimal v) { quantity = v; return this; }
        /** @param v decimal text, not null @return this */ public Builder quantity(String v) { return quantity(new BigDecimal(v)); }
        /** @param v nullable @return this */ public Builder price(BigDecimal v) { price = v; return this; }
        /** @param v decimal text, not null @return this */ public Builder price(String v) { return price(new BigDecimal(v)); }
        /** @param v nullable @return this */ public Builder grossPrice(BigDecimal v) { grossPrice = v; return this; }
        /** @param v decimal text, not null @return this */ public Builder grossPrice(String v) { return grossPrice(new BigDecimal(v)); }
        /** @param v nullable @return this */ public Builder unit(String v) { unit = v; return this; }
        /** @param v nullable (empty) @return this */ public Builder taxes(List<LineTax> v) { taxes = v == null ? new ArrayList<>() : new ArrayList<>(v); return this; }
        /** @param rate percentage text, not null @return this */ public Builder tax(String rate) { taxes.add(LineTax.ofRate(new BigDecimal(rate))); return this; }
        /** @param v not null @return this */ public Builder tax(LineTax v) { taxes.add(v); return this; }
        /** @param v nullable (empty) @return this */ public Builder discounts(List<Discount> v) { discounts = v == null ? new ArrayList<>() : new ArrayList<>(v); return this; }
        /** @param v not null @return this */ public Builder discount(Discount v) { discounts.add(v); return this; }
        /** @param v nullable @return this */ public Builder itemId(String v) { itemId = v; return this; }
        /** @param v nullable @return this */ public Builder total(BigDecimal v) { total = v; return this; }
        /** @param v nullable @return this */ public Builder totalWithTax(BigDecimal v) { totalWithTax = v; return this; }
        /** @param v nullable @return this */ public Builder totalDiscount(BigDecimal v) { totalDiscount = v; return this; }
        /** @param v nullable @return this */ public Builder totalConverted(BigDecimal v) { totalConverted = v; return this; }
        /** @param v nullable @return this */ public Builder totalWithTaxConverted(BigDecimal v) { totalWithTaxConverted = v; return this; }
        /** @param v nullable (empty) @return this */ public Builder metadata(Map<String, String> v) { metadata = v == null ? new LinkedHashMap<>() : new LinkedHashMap<>(v); return this; }
        /** @param v nullable @return this */ public Builder createdAt(Instant v) { createdAt = v; return this; }
        /** @param v nullable @return this */ public Builder updatedAt(Instant v) { updatedAt = v; return this; }

        /** @return the immutable line */
        public LineItem build() {
            return new LineItem(id, documentId, name, description, type, quantity, price, grossPrice, unit, taxes,
                    discounts, itemId, total, totalWithTax, totalDiscount, totalConverted, totalWithTaxConverted,
                    metadata, createdAt, updatedAt);
        }
    }
}
