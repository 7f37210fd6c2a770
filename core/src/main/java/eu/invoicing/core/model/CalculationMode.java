package eu.invoicing.core.model;

/**
 * How line amounts, discounts and taxes are derived. It lives in the
 * model package because a document records the mode it was calculated with.
 *
 * <p>Immutable and thread-safe.
 */
public enum CalculationMode {
    /** Default: net or gross prices, discounts from the original subtotal, tax per rate on the summed base. */
    B2B_STANDARD,
    /** Discounts reduce the gross payable amount, compounded in the order given. */
    B2C_GROSS_DISCOUNT
}
