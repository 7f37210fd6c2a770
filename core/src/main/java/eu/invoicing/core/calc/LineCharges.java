package eu.invoicing.core.calc;

import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.LineItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Line charges (EN 16931 BG-28) inside a line's rounding point L1 (docs/calculation.md, "Allowances and
 * charges"): {@code total = round(subtotal − discounts + charges)}, each charge exact (a fixed amount, or a
 * percent of its base, by default of the line's subtotal); a charge moves a negative (correction) line away
 * from zero, as a discount moves it towards zero. The shown amounts keep
 * {@code round(subtotal) − shown discount + Σ shown charges = total} exact.
 *
 * <p>Stateless and thread-safe.
 *
 * @param total the line total at L1 (net lines) or total with tax (gross lines)
 * @param shownDiscount the shown discount
 * @param item the line with its charges' calculated amounts
 */
record LineCharges(BigDecimal total, BigDecimal shownDiscount, LineItem item) {

    /**
     * @param subtotal price × quantity (gross price for gross lines), exact
     * @param discounted the subtotal after the line's discounts, exact
     * @param item the line, its charges validated and not empty
     * @param money the currency's rounding
     * @return the rounded line total, the shown discount and the line with its charges' amounts
     */
    static LineCharges apply(BigDecimal subtotal, BigDecimal discounted, LineItem item, RoundingPolicy money) {
        BigDecimal magnitude = subtotal.abs();
        boolean negative = subtotal.signum() < 0;
        List<AllowanceCharge> charges = item.charges();
        BigDecimal exactSum = BigDecimal.ZERO;
        BigDecimal[] shown = new BigDecimal[charges.size()];
        BigDecimal shownSum = BigDecimal.ZERO;
        for (int i = 0; i < shown.length; i++) {
            BigDecimal exact = AllowanceCharges.exact(charges.get(i), magnitude);
            exactSum = exactSum.add(exact);
            shown[i] = money.round(exact);
            shownSum = shownSum.add(shown[i]);
        }
        BigDecimal total = money.round(discounted.add(negative ? exactSum.negate() : exactSum));
        BigDecimal roundedSubtotal = money.round(subtotal);
        // What the charges add to the rounded subtotal, as a magnitude.
        BigDecimal added = negative ? roundedSubtotal.subtract(total) : total.subtract(roundedSubtotal);
        BigDecimal shownDiscount;
        BigDecimal last = added.subtract(shownSum.subtract(shown[shown.length - 1]));
        if (item.discounts().isEmpty() && last.signum() >= 0) {
            // No discount to show: the last charge takes the rounding difference, so no discount appears.
            shown[shown.length - 1] = last;
            shownDiscount = money.zero();
        } else {
            BigDecimal signedCharges = negative ? shownSum.negate() : shownSum;
            shownDiscount = roundedSubtotal.add(signedCharges).subtract(total);
        }
        List<AllowanceCharge> done = new ArrayList<>(shown.length);
        for (int i = 0; i < shown.length; i++) {
            AllowanceCharge c = charges.get(i);
            BigDecimal base = c.percent() == null ? null : c.baseAmount() != null ? c.baseAmount()
                    : money.round(magnitude);
            done.add(c.withCalculated(shown[i], base));
        }
        return new LineCharges(total, shownDiscount, item.toBuilder().charges(done).build());
    }
}
