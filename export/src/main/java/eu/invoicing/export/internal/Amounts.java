package eu.invoicing.export.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

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
     * @param currencyCode the ISO 4217 code, nullable (the amount is returned as is)
     * @return the amount with at least the currency's fraction digits, or null for null
     */
    public static BigDecimal atCurrencyScale(BigDecimal amount, String currencyCode) {
        if (amount == null || currencyCode == null) {
            return amount;
        }
        // The model admits only valid codes (CurrencyCodes): no fallback for an unknown one.
        int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
        // Widening the scale is exact; UNNECESSARY makes any accidental narrowing fail loudly.
        return digits > amount.scale() ? amount.setScale(digits, RoundingMode.UNNECESSARY) : amount;
    }
}
