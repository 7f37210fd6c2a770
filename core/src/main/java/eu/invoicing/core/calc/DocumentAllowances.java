package eu.invoicing.core.calc;

import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.AllowancesCharges;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Document allowances and charges applied to the tax groups of one calculation (docs/calculation.md,
 * "Allowances and charges"): each amount rounded once (rounding point A1), then summed exactly into the base of
 * the group of its rate and VAT category (BR-S-08 and its siblings) and into the document totals (BR-CO-11..13).
 *
 * <p>Mutable while the engine applies it, confined to one calculation.
 */
final class DocumentAllowances {
    private final List<AllowanceCharge> allowances;
    private final List<AllowanceCharge> charges;
    private final BigDecimal totalAllowances;
    private final BigDecimal totalCharges;

    private DocumentAllowances(List<AllowanceCharge> allowances, List<AllowanceCharge> charges,
            BigDecimal totalAllowances, BigDecimal totalCharges) {
        this.allowances = allowances;
        this.charges = charges;
        this.totalAllowances = totalAllowances;
        this.totalCharges = totalCharges;
    }

    /** @return the entries without their VAT (an export whose taxes are removed, as its lines') */
    static List<AllowanceCharge> withoutTaxes(List<AllowanceCharge> entries) {
        List<AllowanceCharge> out = new ArrayList<>(entries.size());
        for (AllowanceCharge e : entries) {
            out.add(e.taxRate() == null && e.taxCategory() == null ? e : e.withTax(null, null));
        }
        return out;
    }

    /**
     * Rounds every entry and adds it to its group, creating a group for a rate and category no line has.
     *
     * @param lineTotals the sum of the line totals (BT-106), the default base of an entry without a rate
     * @throws eu.invoicing.core.ValidationException when a percent entry has no base to be taken from
     */
    static DocumentAllowances apply(List<AllowanceCharge> allowances, List<AllowanceCharge> charges,
            List<CalculationEngine.Group> groups, BigDecimal lineTotals, RoundingPolicy money) {
        ViolationCollector problems = new ViolationCollector();
        List<AllowanceCharge> doneAllowances = new ArrayList<>(allowances.size());
        List<AllowanceCharge> doneCharges = new ArrayList<>(charges.size());
        BigDecimal sumAllowances = apply("allowances", allowances, true, groups, lineTotals, money, doneAllowances,
                problems);
        BigDecimal sumCharges = apply("charges", charges, false, groups, lineTotals, money, doneCharges, problems);
        problems.throwIfAny();
        return new DocumentAllowances(doneAllowances, doneCharges, money.exact(sumAllowances), money.exact(sumCharges));
    }

    private static BigDecimal apply(String path, List<AllowanceCharge> entries, boolean allowance,
            List<CalculationEngine.Group> groups, BigDecimal lineTotals, RoundingPolicy money,
            List<AllowanceCharge> done, ViolationCollector problems) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < entries.size(); i++) {
            AllowanceCharge e = entries.get(i);
            CalculationEngine.Group group = null;
            BigDecimal defaultBase = lineTotals;
            if (e.taxRate() != null) {
                group = CalculationEngine.Group.find(groups, e.taxRate(), e.taxCategory());
                if (group == null) {
                    group = CalculationEngine.Group.forAllowanceOrCharge(e.taxRate(), e.taxCategory());
                    groups.add(group);
                    if (e.percent() != null && e.baseAmount() == null) {
                        problems.add(path + "[" + i + "].base_amount", "required", "no line is in the VAT group of rate "
                                + e.taxRate().toPlainString() + (e.taxCategory() == null ? ""
                                        : " and category " + e.taxCategory().name())
                                + ", so the percent has no base: give base_amount");
                        continue;
                    }
                }
                defaultBase = group.netSum();
            }
            if (e.percent() != null && e.baseAmount() == null && defaultBase.signum() < 0) {
                // A given base may not be negative either: the entry is refused here, not when it is read back.
                problems.add(path + "[" + i + "].base_amount", "out_of_range", "the net amount the percent would be "
                        + "taken of is negative (" + defaultBase.toPlainString() + "): give an amount instead");
                continue;
            }
            // Rounding point A1: an allowance or charge is an amount of the invoice (BT-92 / BT-99) and is summed
            // exactly from here on.
            BigDecimal amount = money.round(AllowanceCharges.exact(e, defaultBase));
            BigDecimal base = e.percent() == null ? null
                    : e.baseAmount() != null ? e.baseAmount() : money.round(defaultBase);
            done.add(e.withCalculated(amount, base));
            sum = sum.add(amount);
            if (group != null) {
                group.adjust(allowance ? amount.negate() : amount);
            }
        }
        return sum;
    }

    /** @param lineTotals BT-106 @return BT-109 before the gross groups' differences: lines − allowances + charges */
    BigDecimal adjust(BigDecimal lineTotals) {
        return lineTotals.subtract(totalAllowances).add(totalCharges);
    }

    /** @return the calculated entries and their sums (BT-107, BT-108) */
    AllowancesCharges result() {
        return AllowancesCharges.of(allowances, charges, totalAllowances, totalCharges);
    }
}
