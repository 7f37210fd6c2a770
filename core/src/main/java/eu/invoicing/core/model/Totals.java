package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A value of the calculated totals of a document: net total, gross total, total discount, tax summary and
 * the rounding correction; part of a {@link Document}, which keeps its flat accessors.
 *
 * <p>Immutable and thread-safe; {@code equals} is scale-sensitive on amounts, like {@link Document}'s.
 *
 * @param total nullable
 * @param totalWithTax nullable
 * @param totalDiscount nullable
 * @param taxes nullable (null or absent: empty; copied)
 * @param roundingCorrection nullable
 */
public record Totals(
        BigDecimal total,
        BigDecimal totalWithTax,
        BigDecimal totalDiscount,
        List<TaxSummary> taxes,
        BigDecimal roundingCorrection) {
    /** Every component absent: shared, so that a document without these values allocates no group. */
    public static final Totals EMPTY = new Totals(null, null, null, List.of(), null);

    /**
     * Copies the list (no copy when it is already an unmodifiable copy).
     *
     * @param total the net total, nullable
     * @param totalWithTax the gross total, nullable
     * @param totalDiscount the sum of the shown discounts, nullable
     * @param taxes the tax summary, nullable (read as empty; copied)
     * @param roundingCorrection the correction to an expected total, nullable
     */
    public Totals {
        taxes = Copies.list(taxes);
    }

    /** @return whether every component is absent */
    public boolean isEmpty() {
        return total == null
                && totalWithTax == null
                && totalDiscount == null
                && taxes.isEmpty()
                && roundingCorrection == null;
    }

    /**
     * The value of the components, {@link #EMPTY} (not a new instance) when every one is absent.
     *
     * @param total nullable
     * @param totalWithTax nullable
     * @param totalDiscount nullable
     * @param taxes nullable (null or absent: empty; copied)
     * @param roundingCorrection nullable
     * @return the group
     */
    public static Totals of(BigDecimal total,
            BigDecimal totalWithTax,
            BigDecimal totalDiscount,
            List<TaxSummary> taxes,
            BigDecimal roundingCorrection) {
        if (total == null
                && totalWithTax == null
                && totalDiscount == null
                && (taxes == null || taxes.isEmpty())
                && roundingCorrection == null) {
            return EMPTY;
        }
        return new Totals(total, totalWithTax, totalDiscount, taxes, roundingCorrection);
    }
}
