package eu.invoicing.rendering.i18n;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * One of {@link LocaleFormat}'s number formats (plain decimal or percent) for one locale: formats a
 * {@link BigDecimal} with given fraction-digit limits exactly as its {@link DecimalFormat} does, but
 * without the {@code DecimalFormat} when it can. Rendering formats two to four values per item cell, and
 * {@code DecimalFormat}'s digit list and field bookkeeping showed in the profiles of long invoices.
 *
 * <p>The direct path handles what these formats are: a prefix and a suffix per sign, integer digits
 * grouped by a fixed size, a decimal separator only when there are fraction digits, ASCII digits, a
 * multiplier of 1 or 100, and values that need no rounding. At construction it is checked against the
 * {@code DecimalFormat} on a set of probe values and left unused if any differs; any value that would
 * need rounding goes through the {@code DecimalFormat} too (which refuses it, as it always did).
 *
 * <p>Immutable and thread-safe: the fallback uses a copy of the format per thread, with both limits set
 * before each use.
 */
final class NumberStyle {
    private static final String[] PROBES = {
        "0", "1", "-1", "0.5", "-0.05", "12", "999", "1000", "-1000", "1234.5", "1234567.891", "-9876543.21",
        "100000", "0.0001", "22", "9.5", "123456789012345678901234567890.125"};

    private final ThreadLocal<DecimalFormat> format;
    private final boolean direct;
    private final int shift;
    private final String positivePrefix;
    private final String positiveSuffix;
    private final String negativePrefix;
    private final String negativeSuffix;
    private final char groupingSeparator;
    private final int groupingSize;
    private final char decimalSeparator;

    /** @param prototype the locale's configured format; cloned, never changed */
    NumberStyle(DecimalFormat prototype) {
        DecimalFormat own = (DecimalFormat) prototype.clone();
        this.format = ThreadLocal.withInitial(() -> (DecimalFormat) own.clone());
        DecimalFormatSymbols symbols = own.getDecimalFormatSymbols();
        this.shift = own.getMultiplier() == 100 ? 2 : 0;
        this.positivePrefix = own.getPositivePrefix();
        this.positiveSuffix = own.getPositiveSuffix();
        this.negativePrefix = own.getNegativePrefix();
        this.negativeSuffix = own.getNegativeSuffix();
        this.groupingSeparator = symbols.getGroupingSeparator();
        this.groupingSize = own.isGroupingUsed() ? own.getGroupingSize() : 0;
        this.decimalSeparator = symbols.getDecimalSeparator();
        boolean plain = symbols.getZeroDigit() == '0' && (own.getMultiplier() == 1 || own.getMultiplier() == 100)
                && own.getMinimumIntegerDigits() == 1 && !own.isDecimalSeparatorAlwaysShown()
                && own.getMaximumIntegerDigits() >= 309;
        this.direct = plain && agreesOnProbes();
    }

    private boolean agreesOnProbes() {
        for (String probe : PROBES) {
            BigDecimal value = new BigDecimal(probe).movePointLeft(shift);
            int digits = Math.max(0, value.movePointRight(shift).stripTrailingZeros().scale());
            for (int min : new int[] {0, digits, digits + 2}) {
                int max = Math.max(min, digits);
                if (!directly(value, min, max).equals(byDecimalFormat(value, min, max))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return whether values are formatted without the {@code DecimalFormat} (false: the probes disagreed) */
    boolean direct() {
        return direct;
    }

    /**
     * @param value the value as the {@code DecimalFormat} takes it (a percent format's ratio: 0.22 for 22 %)
     * @param minFraction the fewest fraction digits shown
     * @param maxFraction the most fraction digits shown, at least {@code minFraction}
     * @return what the {@code DecimalFormat} prints
     * @throws ArithmeticException if the value has more fraction digits than {@code maxFraction} and the
     *     format's rounding mode is {@code UNNECESSARY}
     */
    String format(BigDecimal value, int minFraction, int maxFraction) {
        if (direct && value.movePointRight(shift).stripTrailingZeros().scale() <= maxFraction) {
            return directly(value, minFraction, maxFraction);
        }
        return byDecimalFormat(value, minFraction, maxFraction);
    }

    /** The reference: this thread's copy of the {@code DecimalFormat}, both limits set first. */
    String byDecimalFormat(BigDecimal value, int minFraction, int maxFraction) {
        DecimalFormat f = format.get();
        f.setMinimumFractionDigits(minFraction);
        f.setMaximumFractionDigits(maxFraction);
        return f.format(value);
    }

    /** For a value with at most {@code maxFraction} fraction digits (once multiplied): no rounding. */
    private String directly(BigDecimal value, int minFraction, int maxFraction) {
        BigDecimal scaled = value.movePointRight(shift).stripTrailingZeros();
        int fraction = Math.max(minFraction, Math.min(maxFraction, Math.max(0, scaled.scale())));
        String digits = scaled.abs().setScale(fraction).toPlainString();
        int point = fraction == 0 ? digits.length() : digits.length() - fraction - 1;
        boolean negative = value.signum() < 0;
        StringBuilder out = new StringBuilder(digits.length() + 8);
        out.append(negative ? negativePrefix : positivePrefix);
        for (int i = 0; i < point; i++) {
            if (i > 0 && groupingSize > 0 && (point - i) % groupingSize == 0) {
                out.append(groupingSeparator);
            }
            out.append(digits.charAt(i));
        }
        if (fraction > 0) {
            out.append(decimalSeparator).append(digits, point + 1, digits.length());
        }
        return out.append(negative ? negativeSuffix : positiveSuffix).toString();
    }
}
