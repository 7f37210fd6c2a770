package eu.invoicing.core.lifecycle;

import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Payment;
import java.math.BigDecimal;

/**
 * Recomputes the payment state of a payable document from its payments:
 * {@code total_paid = Σ live payments}, {@code total_due = total_with_tax − total_paid},
 * {@code paid_in_full = total_due ≤ 0}; soft-deleted payments count for nothing. Amounts stay at the
 * currency's scale (payments are validated to fit it).
 *
 * <p>Stateless and thread-safe.
 */
final class PaymentTotals {
    private PaymentTotals() {
    }

    static Document.Builder apply(Document.Builder b) {
        if (!b.type().isPayable() || b.totalWithTax() == null) {
            return b;
        }
        RoundingPolicy money = RoundingPolicy.of(java.util.Currency.getInstance(b.currencyCode()));
        BigDecimal paid = money.exact(BigDecimal.ZERO);
        for (Payment p : b.payments()) {
            if (p.isLive()) {
                paid = paid.add(money.exact(p.amount()));
            }
        }
        BigDecimal due = b.totalWithTax().subtract(paid);
        return b.totalPaid(paid).totalDue(due).paidInFull(due.signum() <= 0);
    }
}
