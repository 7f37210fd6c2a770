package eu.invoicing.core.lifecycle;

import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.calc.PaymentState;
import eu.invoicing.core.calc.RoundingPolicy;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.version.TimelineEventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Payment entries on payable documents, inside a unit of work: recording one (with its timeline entry),
 * soft-deleting, and reversing the payments a voided credit note or advance invoice made on another
 * document (docs/lifecycle.md, "Decisions where the spec is silent": credit note, advance, void).
 *
 * <p>Stateless and thread-safe.
 */
final class PaymentEntries {
    private PaymentEntries() {
    }

    /** Records a payment on a payable document and stores it. */
    static Document add(Scope s, Document d, PaymentType type, BigDecimal amount, LocalDate date, String reference,
            String note, DocumentId source, String timelineNote) {
        checkPayable(d);
        RoundingPolicy money = RoundingPolicy.of(d.currency());
        if (!money.fits(amount)) {
            throw ValidationException.of("amount", "scale", "at most " + money.minorUnits() + " decimals for "
                    + d.currencyCode() + ", was " + amount.toPlainString());
        }
        Instant now = s.now();
        List<Payment> payments = new ArrayList<>(d.payments());
        String paymentId = s.core.ids.newId("pay_");
        payments.add(Payment.builder().id(paymentId).documentId(d.id()).amount(amount).type(type)
                .date(date == null ? s.today() : date).reference(reference).note(note).sourceDocumentId(source)
                .createdAt(now).build());
        Document result = PaymentState.applyTo(d.toBuilder().payments(payments)).updatedAt(now).build();
        s.save(result);
        s.event(result, TimelineEventType.PAID, timelineNote + " " + amount.toPlainString() + " "
                + type.name().toLowerCase(Locale.ROOT) + " (" + paymentId + ")");
        return result;
    }

    /** Soft-deletes the live payments that {@code source} made on the target, restoring its totals. */
    static void reverseFrom(Scope s, Document source, DocumentId targetId, Instant now) {
        Document target = s.core.store.find(s.entityId(), targetId).orElse(null);
        if (target == null || target.payments().stream()
                .noneMatch(p -> p.isLive() && source.id().equals(p.sourceDocumentId()))) {
            return;
        }
        List<Payment> payments = new ArrayList<>();
        for (Payment p : target.payments()) {
            payments.add(p.isLive() && source.id().equals(p.sourceDocumentId()) ? p.deleted(now) : p);
        }
        Document result = PaymentState.applyTo(target.toBuilder().payments(payments)).updatedAt(now).build();
        s.save(result);
        s.event(result, TimelineEventType.PAID, "payments from " + source.id() + " reversed: it was voided");
    }

    /** Whether the target holds a live payment made by {@code source}. */
    static boolean liveFrom(Scope s, DocumentId targetId, DocumentId source) {
        return s.core.store.find(s.entityId(), targetId)
                .map(t -> t.payments().stream().anyMatch(p -> p.isLive()
                        && source.equals(p.sourceDocumentId())))
                .orElse(false);
    }

    /** The payments with every live one (or only {@code onlyId}) soft-deleted at {@code now}. */
    static List<Payment> softDelete(List<Payment> payments, String onlyId, Instant now) {
        List<Payment> out = new ArrayList<>(payments.size());
        for (Payment p : payments) {
            out.add(p.isLive() && (onlyId == null || onlyId.equals(p.id())) ? p.deleted(now) : p);
        }
        return out;
    }

    static void checkPayable(Document d) {
        Rules.notInTrash(d);
        if (!d.type().isPayable()) {
            throw Rules.refuse(LifecycleRule.PAYMENT_KIND_NOT_PAYABLE, "a " + d.type().name().toLowerCase(Locale.ROOT)
                    + " takes no payments");
        }
        Rules.notVoided(d, LifecycleRule.PAYMENT_VOIDED_DOCUMENT, "pay");
    }
}
