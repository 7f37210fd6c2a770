package eu.invoicing.export;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of the sales-per-item report: an item (a catalog item, or an exact name) in one
 * currency, with what was sold (invoices, advance invoices), returned (credit notes) and the net.
 *
 * <p>Immutable and thread-safe.
 *
 * @param itemId the catalog item id, nullable (grouped by exact name)
 * @param name the item name (for a catalog item, the first name seen), not null
 * @param unit the first unit seen, nullable
 * @param currencyCode the currency of the amounts, not null
 * @param quantitySold the quantity on invoices and advance invoices, not null
 * @param quantityReturned the quantity on credit notes (as a positive number), not null
 * @param netQuantity sold minus returned, not null
 * @param averagePrice sold net amount divided by sold quantity, at the currency's scale
 *     (HALF_UP); null when nothing was sold
 * @param total net amount without tax: sold minus returned, not null
 * @param totalWithTax net amount with tax: sold minus returned, not null
 */
public record SalesPerItemRow(String itemId, String name, String unit, String currencyCode, BigDecimal quantitySold,
                              BigDecimal quantityReturned, BigDecimal netQuantity, BigDecimal averagePrice,
                              BigDecimal total, BigDecimal totalWithTax) {

    /**
     * @throws NullPointerException if a non-nullable component is null
     *
     * @param itemId the catalog item id, nullable (grouped by exact name)
     * @param name the item name (for a catalog item, the first name seen), not null
     * @param unit the first unit seen, nullable
     * @param currencyCode the currency of the amounts, not null
     * @param quantitySold the quantity on invoices and advance invoices, not null
     * @param quantityReturned the quantity on credit notes (as a positive number), not null
     * @param netQuantity sold minus returned, not null
     * @param averagePrice sold net amount divided by sold quantity, at the currency's scale
     *     (HALF_UP); null when nothing was sold
     * @param total net amount without tax: sold minus returned, not null
     * @param totalWithTax net amount with tax: sold minus returned, not null
     */
    public SalesPerItemRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currencyCode, "currencyCode");
        Objects.requireNonNull(quantitySold, "quantitySold");
        Objects.requireNonNull(quantityReturned, "quantityReturned");
        Objects.requireNonNull(netQuantity, "netQuantity");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(totalWithTax, "totalWithTax");
    }
}
