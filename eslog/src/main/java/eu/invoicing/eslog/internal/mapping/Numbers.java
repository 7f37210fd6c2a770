package eu.invoicing.eslog.internal.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formats of e-SLOG: a dot, no grouping, never an exponent. Amounts carry exactly the
 * currency's minor units; prices and quantities keep their own decimals up to the XSD maximum of
 * six; rates and percentages drop trailing zeros ({@code 22}, {@code 9.5}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Numbers {

    /** The XSD's fractionDigits for amounts, prices, quantities and rates. */
    public static final int MAX_DECIMALS = 6;
    /** D_5402 (exchange rate) allows at most 13 characters, dot included. */
    static final int MAX_RATE_CHARS = 13;
    private static final java.util.regex.Pattern PLAIN_DECIMAL =
            java.util.regex.Pattern.compile("[+-]?\\d{1,30}([.,]\\d{0,20})?|[+-]?[.,]\\d{1,20}");
    /** Scale of a whole number. */
    private static final int WHOLE = 0;

    private Numbers() {
    }

    /**
     * @param value a price or quantity, not null
     * @param minScale the fewest decimals to show (the currency's minor units for prices, 0 for quantities)
     * @return the plain string with between {@code minScale} and six decimals; more decimals are
     *         rounded HALF_UP to six, the XSD maximum
     */
    public static String decimal(BigDecimal value, int minScale) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > MAX_DECIMALS) {
            v = v.setScale(MAX_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        if (v.scale() < minScale) {
            v = v.setScale(Math.min(minScale, MAX_DECIMALS), RoundingMode.UNNECESSARY);
        }
        return v.toPlainString();
    }

    /**
     * @param rate a rate or percentage, not null
     * @return the plain string without trailing zeros, at most six decimals (HALF_UP)
     */
    public static String rate(BigDecimal rate) {
        return decimal(rate, 0);
    }

    /**
     * @param rate an exchange rate, &gt; 0, not null
     * @return the plain string, rounded HALF_UP to fit the 13 characters D_5402 allows
     */
    public static String exchangeRate(BigDecimal rate) {
        BigDecimal v = rate.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(WHOLE, RoundingMode.UNNECESSARY);
        }
        int integerDigits = Math.max(1, v.precision() - v.scale());
        int room = MAX_RATE_CHARS - integerDigits - 1;
        if (v.scale() > room) {
            v = v.setScale(Math.max(WHOLE, room), RoundingMode.HALF_UP).stripTrailingZeros();
            if (v.scale() < 0) {
                v = v.setScale(WHOLE, RoundingMode.UNNECESSARY);
            }
        }
        return v.toPlainString();
    }

    /**
     * @param text a decimal as written in e-SLOG (a comma is accepted where the XSD allows it), nullable
     * @return the value, or null when absent
     * @throws NumberFormatException when it is not a number
     */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        // Plain decimals only: an exponent such as 1E999999999 would make later rounding build a number
        // with a billion digits (the XSD's decimal type has no exponent either).
        if (!PLAIN_DECIMAL.matcher(t).matches()) {
            throw new NumberFormatException("not a plain decimal of at most 30 integer and 20 fraction digits");
        }
        return new BigDecimal(t.replace(',', '.'));
    }
}
