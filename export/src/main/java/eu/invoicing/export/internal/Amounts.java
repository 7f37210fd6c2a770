package eu.invoicing.export.internal;

import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.model.CurrencyCode;
import java.math.BigDecimal;

/**
 * Brings money amounts to their currency's scale for display, without rounding: an amount read
 * from JSON as {@code 100} is written as {@code 100.00} for EUR (and gets a two-decimal number
 * format in XLSX). An amount with more decimals than the currency keeps them (nothing is ever
 * rounded away on export).
 *
 * <p>Stateless and thread-safe.
 */
public final class Amounts {

    private Amounts() {
    }

    /**
     * @param amount the amount, nullable
     * @param currency the currency, nullable (the amount is returned as is); the model holds no bad code
     * @return the amount with at least the currency's fraction digits, or null for null
     */
    public static BigDecimal atCurrencyScale(BigDecimal amount, CurrencyCode currency) {
        if (amount == null || currency == null) {
            return amount;
        }
        // Widening the scale is exact; RoundingPolicy.exact makes any accidental narrowing fail loudly.
        return currency.minorUnits() > amount.scale() ? RoundingPolicy.of(currency).exact(amount) : amount;
    }
}
