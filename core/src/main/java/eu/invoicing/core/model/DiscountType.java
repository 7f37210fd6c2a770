package eu.invoicing.core.model;

/**
 * Whether a discount's value is a percentage of the subtotal or a fixed amount.
 *
 * <p>Immutable and thread-safe.
 */
public enum DiscountType {
    /** Value is a percentage (0..100) of the line subtotal. The default. */
    PERCENT,
    /** Value is a fixed amount in the document currency (net, or gross for gross-priced lines). */
    AMOUNT
}
