package eu.invoicing.core.model;

import java.math.BigDecimal;

/**
 * A value of the payment state of a document: what its live payments add up to, what remains due, and whether
 * it is paid in full; part of a {@link Document}, which keeps its flat accessors. The library computes it
 * ({@code calc.PaymentState}) for the payable kinds (invoice, advance invoice, credit note) once they have a
 * gross total; for the other kinds, and before a calculation, it is {@link #EMPTY}. The payments themselves
 * stay on the document ({@link Document#payments()}): they are its input, this is what follows from them.
 *
 * <p>Immutable and thread-safe; {@code equals} is scale-sensitive on amounts, like {@link Document}'s.
 *
 * @param totalPaid the sum of the live payments at the currency's scale, nullable
 * @param totalDue {@code total_with_tax − total_paid} (negative when overpaid), nullable
 * @param paidInFull whether nothing is due any more ({@code total_due ≤ 0}), nullable
 */
public record PaymentSummary(
        BigDecimal totalPaid,
        BigDecimal totalDue,
        Boolean paidInFull) {
    /** Every component absent: shared, so that a document without these values allocates no group. */
    public static final PaymentSummary EMPTY = new PaymentSummary(null, null, null);

    /** @return whether every component is absent */
    public boolean isEmpty() {
        return totalPaid == null
                && totalDue == null
                && paidInFull == null;
    }

    /**
     * @return true when something is paid but not everything ({@code total_paid > 0} and not paid in full);
     *     false when the state is absent
     */
    public boolean isPartlyPaid() {
        return totalPaid != null && totalPaid.signum() > 0 && !Boolean.TRUE.equals(paidInFull);
    }

    /**
     * The value of the components, {@link #EMPTY} (not a new instance) when every one is absent.
     *
     * @param totalPaid nullable
     * @param totalDue nullable
     * @param paidInFull nullable
     * @return the group
     */
    public static PaymentSummary of(BigDecimal totalPaid,
            BigDecimal totalDue,
            Boolean paidInFull) {
        if (totalPaid == null
                && totalDue == null
                && paidInFull == null) {
            return EMPTY;
        }
        return new PaymentSummary(totalPaid, totalDue, paidInFull);
    }
}
