package eu.invoicing.core.calc;

import java.math.BigDecimal;

/**
 * Request-only inputs of a calculation that are not document fields.
 *
 * <p>Immutable and thread-safe.
 *
 * @param expectedTotalWithTax the total the caller expects; within {@code lines × minor unit} it becomes
 *     the total with a {@code rounding_correction}, beyond it the request is refused. Nullable.
 */
public record CalculationOptions(BigDecimal expectedTotalWithTax) {
    /** No options. */
    public static final CalculationOptions NONE = new CalculationOptions(null);

    /**
     * @param expected the expected total with tax, nullable
     * @return options with the expected total
     */
    public static CalculationOptions expecting(BigDecimal expected) {
        return new CalculationOptions(expected);
    }
}
