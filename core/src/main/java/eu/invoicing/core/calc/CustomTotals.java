package eu.invoicing.core.calc;

import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.AllowancesCharges;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-calculated totals ({@code creation_source: "custom"}, docs/calculation.md, "Custom totals"): without a calculation
 * mode the supplied totals are accepted as given; with one, each supplied total is compared with the
 * recalculation and a difference larger than one minor unit per line is refused, naming the total. When
 * accepted, the supplied values are kept and missing ones are filled from the recalculation.
 *
 * <p>Stateless and thread-safe.
 */
final class CustomTotals {
    private CustomTotals() {
    }

    /** Reports missing required totals (document total and total with tax; line totals in pass-through). */
    static void checkSupplied(Document draft, ViolationCollector out) {
        if (draft.total() == null) {
            out.add("total", "required", "is required for pre-calculated totals");
        }
        if (draft.totalWithTax() == null) {
            out.add("total_with_tax", "required", "is required for pre-calculated totals");
        }
        if (draft.calculationMode() == null) {
            for (int i = 0; i < draft.items().size(); i++) {
                LineItem item = draft.items().get(i);
                if (item.isSeparator()) {
                    continue;
                }
                if (item.total() == null) {
                    out.add("items[" + i + "].total", "required", "is required for pre-calculated totals");
                }
                if (item.totalWithTax() == null) {
                    out.add("items[" + i + "].total_with_tax", "required", "is required for pre-calculated totals");
                }
            }
        }
    }

    /** Pass-through: the supplied totals, brought to the currency's scale (more decimals are refused). */
    static CalculationEngine.Totals accept(Document draft, RoundingPolicy money) {
        ViolationCollector out = new ViolationCollector();
        List<LineItem> items = new ArrayList<>();
        BigDecimal discount = BigDecimal.ZERO;
        for (int i = 0; i < draft.items().size(); i++) {
            LineItem item = draft.items().get(i);
            if (item.isSeparator()) {
                items.add(item);
                continue;
            }
            BigDecimal lineDiscount = item.totalDiscount() == null ? BigDecimal.ZERO : item.totalDiscount();
            discount = discount.add(lineDiscount);
            items.add(item.toBuilder()
                    .total(scaled(item.total(), "items[" + i + "].total", money, out))
                    .totalWithTax(scaled(item.totalWithTax(), "items[" + i + "].total_with_tax", money, out))
                    .totalDiscount(scaled(lineDiscount, "items[" + i + "].total_discount", money, out)).build());
        }
        List<TaxSummary> taxes = scaledTaxes(draft.taxes(), money, out);
        BigDecimal total = scaled(draft.total(), "total", money, out);
        BigDecimal totalWithTax = scaled(draft.totalWithTax(), "total_with_tax", money, out);
        BigDecimal totalDiscount = scaled(draft.totalDiscount() == null ? discount : draft.totalDiscount(),
                "total_discount", money, out);
        out.throwIfAny();
        return new CalculationEngine.Totals(items, taxes, total, totalWithTax, totalDiscount,
                asGiven(draft, money));
    }

    /**
     * Pre-calculated document allowances and charges are kept as given; their sums are their amounts'. A percent
     * entry must state its amount, as a line states its total.
     */
    private static AllowancesCharges asGiven(Document draft, RoundingPolicy money) {
        if (draft.allowances().isEmpty() && draft.charges().isEmpty()) {
            return AllowancesCharges.EMPTY;
        }
        ViolationCollector out = new ViolationCollector();
        BigDecimal allowances = sumGiven("allowances", draft.allowances(), money, out);
        BigDecimal charges = sumGiven("charges", draft.charges(), money, out);
        out.throwIfAny();
        return AllowancesCharges.of(draft.allowances(), draft.charges(), allowances, charges);
    }

    private static BigDecimal sumGiven(String path, List<AllowanceCharge> entries, RoundingPolicy money,
            ViolationCollector out) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < entries.size(); i++) {
            BigDecimal amount = entries.get(i).amount();
            if (amount == null) {
                out.add(path + "[" + i + "].amount", "required", "is required for pre-calculated totals");
            } else if (!money.fits(amount)) {
                out.add(path + "[" + i + "].amount", "scale", "must have at most " + money.minorUnits()
                        + " decimals, was " + amount.toPlainString());
            } else {
                sum = sum.add(amount);
            }
        }
        return out.isEmpty() ? money.exact(sum) : null;
    }

    /** Validation against a recalculation; supplied values win when within tolerance. */
    static CalculationEngine.Totals validateAgainst(Document draft, CalculationEngine.Totals computed,
            RoundingPolicy money) {
        ViolationCollector out = new ViolationCollector();
        int lines = 0;
        for (LineItem item : draft.items()) {
            lines += item.isSeparator() ? 0 : 1;
        }
        BigDecimal tolerance = money.minorUnit().multiply(BigDecimal.valueOf(Math.max(1, lines)));
        BigDecimal total = compare("total", draft.total(), computed.total(), tolerance, money, out);
        BigDecimal totalWithTax = compare("total_with_tax", draft.totalWithTax(), computed.totalWithTax(), tolerance,
                money, out);
        BigDecimal totalDiscount = compare("total_discount", draft.totalDiscount(), computed.totalDiscount(),
                tolerance, money, out);
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < draft.items().size(); i++) {
            LineItem supplied = draft.items().get(i);
            LineItem calc = computed.items().get(i);
            if (supplied.isSeparator()) {
                items.add(calc);
                continue;
            }
            items.add(calc.toBuilder()
                    .total(compare("items[" + i + "].total", supplied.total(), calc.total(), tolerance, money, out))
                    .totalWithTax(compare("items[" + i + "].total_with_tax", supplied.totalWithTax(),
                            calc.totalWithTax(), tolerance, money, out))
                    .build());
        }
        List<TaxSummary> taxes = computed.taxes();
        if (!draft.taxes().isEmpty()) {
            for (int i = 0; i < draft.taxes().size(); i++) {
                TaxSummary s = draft.taxes().get(i);
                // A supplied group is matched by the engine's group key (rate by value, reverse charge), so that a
                // reverse-charged and a taxed group of the same rate are each compared with their own.
                TaxSummary c = computed.taxes().stream().filter(t -> t.rate().compareTo(s.rate()) == 0
                        && t.isReverseCharge() == s.isReverseCharge()).findFirst().orElse(null);
                if (c == null) {
                    out.add("taxes[" + i + "].rate", "mismatch", "no line carries the rate " + s.rate().toPlainString()
                            + (s.isReverseCharge() ? " under reverse charge" : " without reverse charge"));
                    continue;
                }
                compare("taxes[" + i + "].base", s.base(), c.base(), tolerance, money, out);
                compare("taxes[" + i + "].amount", s.taxAmount(), c.amount(), tolerance, money, out);
            }
            taxes = scaledTaxes(draft.taxes(), money, out);
        }
        out.throwIfAny();
        return new CalculationEngine.Totals(items, taxes, total, totalWithTax, totalDiscount,
                computed.allowancesCharges());
    }

    private static BigDecimal compare(String path, BigDecimal supplied, BigDecimal computed, BigDecimal tolerance,
            RoundingPolicy money, ViolationCollector out) {
        if (supplied == null) {
            return computed;
        }
        if (supplied.subtract(computed).abs().compareTo(tolerance) > 0) {
            out.add(path, "mismatch", "supplied " + supplied.toPlainString() + " but the calculation gives "
                    + computed.toPlainString() + " (tolerance " + tolerance.toPlainString() + ")");
            return computed;
        }
        return scaled(supplied, path, money, out);
    }

    private static List<TaxSummary> scaledTaxes(List<TaxSummary> taxes, RoundingPolicy money, ViolationCollector out) {
        List<TaxSummary> result = new ArrayList<>(taxes.size());
        for (int i = 0; i < taxes.size(); i++) {
            TaxSummary t = taxes.get(i);
            if (t.base() == null) {
                out.add("taxes[" + i + "].base", "required", "is required for pre-calculated totals");
                continue;
            }
            result.add(TaxSummary.of(t.name() == null ? CalculationEngine.DEFAULT_TAX_NAME : t.name(), t.rate(),
                    t.taxId(), scaled(t.base(), "taxes[" + i + "].base", money, out),
                    scaled(t.taxAmount(), "taxes[" + i + "].amount", money, out), t.isReverseCharge()));
        }
        return result;
    }

    private static BigDecimal scaled(BigDecimal value, String path, RoundingPolicy money, ViolationCollector out) {
        if (!money.fits(value)) {
            out.add(path, "scale", "must have at most " + money.minorUnits() + " decimals, was " + value.toPlainString());
            return value;
        }
        return money.exact(value);
    }
}
