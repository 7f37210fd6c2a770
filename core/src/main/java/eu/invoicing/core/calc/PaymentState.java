package eu.invoicing.core.calc;

import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The payment state of a payable document (docs/calculation.md, "Payments"):
 * {@code total_paid = Σ live payments}, {@code total_due = total_with_tax − total_paid},
 * {@code paid_in_full = total_due ≤ 0}, at the currency's scale; soft-deleted payments count for nothing.
 *
 * <p>The one place this is computed: {@link CalculationEngine} and the lifecycle (a payment added or
 * deleted, a credit note or advance applied or reversed, a document voided) both call
 * {@link #applyTo(Document.Builder)}, so a document's state never depends on which of them wrote it last.
 *
 * <p>Immutable and thread-safe.
 *
 * @param totalPaid the sum of the live payments, at the currency's scale, not null
 * @param totalDue {@code total_with_tax − total_paid}, negative when overpaid, not null
 * @param paidInFull {@code total_due ≤ 0}
 */
public record PaymentState(BigDecimal totalPaid, BigDecimal totalDue, boolean paidInFull) {
    /**
     * Rejects null amounts.
     *
     * @param totalPaid the sum of the live payments, not null
     * @param totalDue {@code total_with_tax − total_paid}, not null
     * @param paidInFull {@code total_due ≤ 0}
     * @throws NullPointerException if an amount is null
     */
    public PaymentState {
        Objects.requireNonNull(totalPaid, "totalPaid");
        Objects.requireNonNull(totalDue, "totalDue");
    }

    /**
     * @param totalWithTax the gross total, at the currency's scale, not null
     * @param payments the payments, live and soft-deleted, not null
     * @param currency the document's currency, not null
     * @return the state
     * @throws ArithmeticException when a live payment has more decimals than the currency (the engine and the
     *     lifecycle refuse such payments before they get here)
     */
    public static PaymentState of(BigDecimal totalWithTax, List<Payment> payments, CurrencyCode currency) {
        Objects.requireNonNull(totalWithTax, "totalWithTax");
        Objects.requireNonNull(payments, "payments");
        RoundingPolicy money = RoundingPolicy.of(currency);
        BigDecimal paid = money.exact(BigDecimal.ZERO);
        for (Payment p : payments) {
            if (p.isLive()) {
                paid = paid.add(money.exact(p.amount()));
            }
        }
        BigDecimal due = totalWithTax.subtract(paid);
        return new PaymentState(paid, due, due.signum() <= 0);
    }

    /** @return the state as the document's value group */
    public PaymentSummary summary() {
        return new PaymentSummary(totalPaid, totalDue, paidInFull);
    }

    /**
     * Sets {@code total_paid}, {@code total_due} and {@code paid_in_full} on a document being built, from its
     * kind, {@code total_with_tax}, currency and payments: computed for a payable kind (invoice, advance
     * invoice, credit note) with a gross total; cleared ({@code null}) for the other kinds and for a document
     * not calculated yet (no gross total).
     *
     * @param b the builder, not null; a payable kind with a gross total must carry its currency code (every
     *     calculated document does)
     * @return {@code b}
     */
    public static Document.Builder applyTo(Document.Builder b) {
        if (!b.type().isPayable() || b.totalWithTax() == null) {
            return b.paymentSummary(PaymentSummary.EMPTY);
        }
        PaymentState state = of(b.totalWithTax(), b.payments(), Objects.requireNonNull(b.currency(), "currency"));
        // The flat setters, not summary(): the document builds its group itself, so no value is allocated twice.
        return b.totalPaid(state.totalPaid()).totalDue(state.totalDue()).paidInFull(state.paidInFull());
    }
}
