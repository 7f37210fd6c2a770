package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One group of the document's tax summary: lines grouped by (rate, reverse charge, tax id). The amount is
 * computed once on the summed base (rounding point D1 of spec/calculation.md).
 *
 * <p>Immutable and thread-safe. Amounts compare with {@code compareTo}; {@code equals} is scale-sensitive.
 *
 * @param name tax name, e.g. "VAT", nullable
 * @param rate percentage, not null
 * @param taxId catalog tax id, nullable
 * @param base summed net base, not null
 * @param amount tax of the group (0 under reverse charge), not null
 * @param reverseCharge whether the group is reverse-charged
 * @param baseConverted base in the entity currency, nullable
 * @param amountConverted amount in the entity currency, nullable
 */
public record TaxSummary(String name, BigDecimal rate, String taxId, BigDecimal base, BigDecimal amount,
        boolean reverseCharge, BigDecimal baseConverted, BigDecimal amountConverted) {
    /** Rejects nulls in the required components. */
    public TaxSummary {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(amount, "amount");
    }
}
