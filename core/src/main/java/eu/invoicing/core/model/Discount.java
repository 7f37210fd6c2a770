package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A line discount: a percentage of the subtotal or a fixed amount. Bounds (value ≥ 0, percent ≤ 100,
 * at most 5 per line, not above the subtotal) are checked by the calculation engine, which reports every
 * offending path.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the percentage or amount, not null
 * @param type percent (the default) or amount, not null
 */
public record Discount(BigDecimal value, DiscountType type) {
    /**
     * Rejects nulls.
     *
     * @param value the percentage or amount, not null
     * @param type percent (the default) or amount, not null
     * @throws NullPointerException if a component documented as not null is null
     */
    public Discount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
    }

    /**
     * @param value percentage, e.g. {@code 10} for 10 %, not null
     * @return a percent discount
     */
    public static Discount percent(BigDecimal value) {
        return new Discount(value, DiscountType.PERCENT);
    }

    /**
     * @param value fixed amount in the document currency, not null
     * @return an amount discount
     */
    public static Discount amount(BigDecimal value) {
        return new Discount(value, DiscountType.AMOUNT);
    }
}
