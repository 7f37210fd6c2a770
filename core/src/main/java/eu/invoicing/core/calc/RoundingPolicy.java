package eu.invoicing.core.calc;

import eu.invoicing.core.model.CurrencyCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * The one place where money is rounded: to the currency's minor units (ISO 4217 default fraction digits:
 * EUR 2, JPY 0, KWD 3), {@link RoundingMode#HALF_UP}, and only at the named rounding points of
 * docs/calculation.md (L1 line total, D1 tax group amount, conversions). Divisions use the minor units
 * plus {@link #DIVISION_EXTRA_DIGITS} decimals, HALF_UP, before being rounded at a named point.
 *
 * <p>Immutable and thread-safe.
 */
public final class RoundingPolicy {
    /** Extra decimals kept by a division before its result is rounded at a named point. */
    public static final int DIVISION_EXTRA_DIGITS = 10;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One policy per number of minor units (ISO 4217 has 0 to 4); built once, shared. */
    private static final RoundingPolicy[] BY_MINOR_UNITS = {new RoundingPolicy(0), new RoundingPolicy(1),
        new RoundingPolicy(2), new RoundingPolicy(3), new RoundingPolicy(4)};

    private final int minorUnits;
    private final BigDecimal minorUnit;
    private final BigDecimal zero;

    private RoundingPolicy(int minorUnits) {
        this.minorUnits = minorUnits;
        this.minorUnit = BigDecimal.ONE.movePointLeft(minorUnits);
        this.zero = BigDecimal.ZERO.setScale(minorUnits, RoundingMode.UNNECESSARY);
    }

    /**
     * @param currency not null; a currency without minor units (fraction digits −1) is treated as 0
     * @return the policy of the currency
     */
    public static RoundingPolicy of(Currency currency) {
        return ofMinorUnits(Math.max(0, Objects.requireNonNull(currency, "currency").getDefaultFractionDigits()));
    }

    /**
     * The policy of a document's currency: the one way the library rounds an amount in a {@link CurrencyCode}.
     *
     * @param currency not null
     * @return the policy of the currency (shared, immutable)
     */
    public static RoundingPolicy of(CurrencyCode currency) {
        return ofMinorUnits(Objects.requireNonNull(currency, "currency").minorUnits());
    }

    private static RoundingPolicy ofMinorUnits(int minorUnits) {
        return minorUnits < BY_MINOR_UNITS.length ? BY_MINOR_UNITS[minorUnits] : new RoundingPolicy(minorUnits);
    }

    /** @return the number of decimals of the currency */
    public int minorUnits() {
        return minorUnits;
    }

    /** @return one minor unit, e.g. 0.01 for EUR */
    public BigDecimal minorUnit() {
        return minorUnit;
    }

    /** @return zero at the currency's scale (the same value as {@code exact(BigDecimal.ZERO)}, shared) */
    BigDecimal zero() {
        return zero;
    }

    /**
     * A named rounding point: rounds to the currency's minor units, HALF_UP.
     *
     * @param exact the exact amount, not null
     * @return the rounded amount
     */
    public BigDecimal round(BigDecimal exact) {
        return exact.setScale(minorUnits, RoundingMode.HALF_UP);
    }

    /**
     * Brings an amount that must already be whole minor units to the currency's scale.
     *
     * @param amount not null
     * @return the amount at the currency's scale
     * @throws ArithmeticException when the amount has more decimals than the currency
     */
    public BigDecimal exact(BigDecimal amount) {
        return amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
    }

    /**
     * @param amount not null
     * @return true when the amount has no more decimals than the currency allows
     */
    public boolean fits(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= minorUnits;
    }

    /**
     * Division kept exact to minor units + {@value #DIVISION_EXTRA_DIGITS} decimals, HALF_UP; the caller
     * rounds the result at a named point.
     *
     * @param dividend not null
     * @param divisor not null, not zero
     * @return the quotient
     */
    public BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, minorUnits + DIVISION_EXTRA_DIGITS, RoundingMode.HALF_UP);
    }

    /**
     * @param amount not null
     * @param ratePercent a percentage, not null
     * @return {@code amount × rate / 100}, exact
     */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal ratePercent) {
        return amount.multiply(ratePercent).movePointLeft(2);
    }

    /**
     * @param ratesPercent sum of percentages, not null
     * @return {@code 1 + rates / 100}, exact
     */
    public static BigDecimal grossFactor(BigDecimal ratesPercent) {
        return BigDecimal.ONE.add(ratesPercent.movePointLeft(2));
    }

    /** @return 100 */
    static BigDecimal hundred() {
        return HUNDRED;
    }
}
