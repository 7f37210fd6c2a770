package eu.invoicing.einvoice.internal;

import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.Period;
import eu.invoicing.einvoice.Format;
import eu.invoicing.einvoice.internal.EnInvoice.EnLine;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The line rules of the Peppol BIS Billing 3.0 CIUS (2025.11) that EN 16931 itself does not state, checked on
 * the lines as they will be written so that the writer refuses what the validator would fail:
 * <ul>
 * <li>PEPPOL-EN16931-R110 / R111 (fatal in Peppol BIS, and in XRechnung 3.0.2, which adopts them for UBL and
 *     CII): when the invoice period (BG-14) has a start (end) date, a line period's (BG-26) start (end) date
 *     must not be before (after) it. A line date is compared only with the invoice date of its own kind, as
 *     the rules do; EN 16931 (BR-CO-19, BR-CO-20, BR-29, BR-30) only asks each period for a date and order.</li>
 * <li>PEPPOL-EN16931-R120 (fatal in Peppol BIS only; XRechnung keeps it as a warning): the line net amount
 *     (BT-131) within 0.02 of quantity × (net price / base quantity) + Σ line charges − Σ line allowances.
 *     The writer's line allowance makes that exact except where a price base quantity meets a currency
 *     without cents: BT-131 is then rounded to whole units while quantity × price / base is not.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class CiusLineRules {

    /** PEPPOL-EN16931-R120's slack. */
    private static final BigDecimal R120_SLACK = new BigDecimal("0.02");

    private CiusLineRules() {
    }

    /**
     * @param format the target format
     * @param lines the lines as they will be written
     * @param paths each line's path in the document ({@code items[i]})
     * @param periodStart BT-73 as written, nullable
     * @param periodEnd BT-74 as written, nullable
     * @param v where each refusal goes
     */
    static void check(Format format, List<EnLine> lines, List<String> paths, LocalDate periodStart, LocalDate periodEnd,
            ViolationCollector v) {
        boolean periods = format == Format.PEPPOL || format.isXRechnung();
        for (int i = 0; i < lines.size(); i++) {
            EnLine l = lines.get(i);
            String path = paths.get(i);
            Period p = l.details().period();
            if (periods && p != null) {
                String spec = format == Format.PEPPOL ? "Peppol BIS" : "XRechnung";
                if (periodStart != null && p.start() != null && p.start().isBefore(periodStart)) {
                    v.add(path + ".period.start", "out_of_range", spec + " needs a line period within the invoice"
                            + " period (PEPPOL-EN16931-R110): the line starts " + p.start() + ", the invoice period "
                            + periodStart);
                }
                if (periodEnd != null && p.end() != null && p.end().isAfter(periodEnd)) {
                    v.add(path + ".period.end", "out_of_range", spec + " needs a line period within the invoice"
                            + " period (PEPPOL-EN16931-R111): the line ends " + p.end() + ", the invoice period "
                            + periodEnd);
                }
            }
            if (format == Format.PEPPOL && l.netAmount() != null && l.netPrice() != null) {
                BigDecimal expected = r120(l);
                if (l.netAmount().subtract(expected).abs().compareTo(R120_SLACK) > 0) {
                    boolean based = l.details().priceBaseQuantity() != null
                            && l.details().priceBaseQuantity().compareTo(BigDecimal.ONE) != 0;
                    v.add(path + (based ? ".price_base_quantity" : ".total"), "inexact", "Peppol BIS needs the line"
                            + " net amount within 0.02 of quantity × (price / base quantity) + charges − allowances"
                            + " (PEPPOL-EN16931-R120): " + l.netAmount().toPlainString() + " against "
                            + expected.round(new MathContext(20, RoundingMode.HALF_UP)).stripTrailingZeros()
                                    .toPlainString()
                            + (based ? "; in a currency without cents the base quantity must divide quantity × price"
                                    + " into whole units" : ""));
                }
            }
        }
    }

    /** @return quantity × (price / base) + charges − allowance, as R120 computes it (34 digits) */
    private static BigDecimal r120(EnLine l) {
        BigDecimal base = l.details().priceBaseQuantity();
        BigDecimal unit = base == null || base.signum() == 0 ? l.netPrice()
                : l.netPrice().divide(base, MathContext.DECIMAL128);
        BigDecimal charges = BigDecimal.ZERO;
        for (EnAllowanceCharge c : l.charges()) {
            charges = charges.add(c.amount());
        }
        BigDecimal allowance = l.allowance() == null ? BigDecimal.ZERO : l.allowance();
        return l.quantity().multiply(unit).add(charges).subtract(allowance);
    }
}
