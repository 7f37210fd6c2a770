package eu.invoicing.core.lifecycle;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.calc.CalculationOptions;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.rates.DocumentExchangeRate;
import eu.invoicing.core.spi.Customer;
import eu.invoicing.core.spi.StoredTax;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a request draft into a calculated document: the defaults of docs/lifecycle.md ("Decisions where the spec is silent": date today, due date
 * for payable kinds, validity for estimates, note and payment terms from the entity, issuer snapshot,
 * delivery-note price hiding), the customer from the directory or matched to it, and the calculation.
 *
 * <p>Stateless and thread-safe.
 */
final class Preparation {
    /** Days an estimate stays valid by default. */
    static final int ESTIMATE_VALID_DAYS = 30;

    private Preparation() {
    }

    /** Applies the creation defaults. Explicit values in the draft win. */
    static Document.Builder withDefaults(Scope s, Document draft) {
        EntitySettings settings = s.entity.settings();
        DocumentType type = draft.type();
        Document.Builder b = draft.toBuilder();
        LocalDate date = draft.date() == null ? s.today() : draft.date();
        b.date(date);
        if (type.isPayable() && draft.dateDue() == null) {
            b.dateDue(date.plusDays(settings.defaultDueDays()));
        }
        if (type == DocumentType.ESTIMATE && b.dateValidTill() == null) {
            b.dateValidTill(date.plusDays(ESTIMATE_VALID_DAYS));
        }
        if (type == DocumentType.DELIVERY_NOTE && b.hidePrices() == null) {
            b.hidePrices(settings.deliveryNoteHidePrices());
        }
        if (draft.note() == null) {
            b.note(settings.defaultNotes().get(type));
        }
        if (draft.paymentTerms() == null && type.isPayable()) {
            b.paymentTerms(settings.defaultPaymentTerms());
        }
        if (draft.issuer() == null) {
            b.issuer(s.entity.asIssuer());
        }
        resolveCustomer(s, b);
        return b;
    }

    /**
     * {@code customer_id} takes the directory's snapshot (an inline customer given too wins as printed);
     * an inline customer without id is matched by tax number, then by exact name.
     */
    static void resolveCustomer(Scope s, Document.Builder b) {
        if (b.customerId() != null) {
            Customer c = s.read("reading customer", () -> s.core.customers.find(s.entityId(), b.customerId()))
                    .orElseThrow(() -> ValidationException.of("customer_id", "not_found",
                            "no customer with id \"" + b.customerId() + "\""));
            if (b.customer() == null) {
                b.customer(c.details());
            }
            return;
        }
        Party p = b.customer();
        if (p == null) {
            return;
        }
        Optional<Customer> match = Optional.empty();
        if (p.taxNumber() != null && !p.taxNumber().isBlank()) {
            match = s.read("matching customer", () -> s.core.customers.findByTaxNumber(s.entityId(), p.taxNumber()));
        }
        if (match.isEmpty() && p.name() != null && !p.name().isBlank()) {
            match = s.read("matching customer", () -> s.core.customers.findByName(s.entityId(), p.name()));
        }
        match.ifPresent(c -> b.customerId(c.id()));
    }

    /** Resolves the line taxes given by {@code tax_id} alone, then calculates. */
    static Document calculate(Scope s, Document draft, BigDecimal expected) {
        Document calculated = s.core.engine.calculate(withExchangeRate(s, resolveTaxes(s, draft)), s.entity,
                CalculationOptions.expecting(expected));
        return calculated;
    }

    /** The host's exchange rate for a foreign document without one ({@link DocumentExchangeRate}). */
    static Document withExchangeRate(Scope s, Document draft) {
        if (s.core.rates == null) {
            return draft;
        }
        return s.read("fetching the exchange rate", () -> DocumentExchangeRate.apply(draft, s.entity, s.core.rates,
                LocalDate.now(s.core.clock)));
    }

    /**
     * A line tax without a rate names a stored tax of the entity: it takes the stored rate, and the name and
     * reverse-charge flag unless the line gives them. A tax with a rate keeps its {@code tax_id} as a label (the
     * reference's examples give both) and is not looked up. An id the entity has no tax for is refused at
     * {@code items[i].taxes[j].tax_id} ({@code not_found}), every one at once, before anything is written.
     */
    static Document resolveTaxes(Scope s, Document draft) {
        boolean any = false;
        for (LineItem item : draft.items()) {
            for (LineTax tax : item.taxes()) {
                any |= !tax.isResolved();
            }
        }
        if (!any) {
            return draft;
        }
        ViolationCollector problems = new ViolationCollector();
        List<LineItem> items = new ArrayList<>(draft.items().size());
        for (int i = 0; i < draft.items().size(); i++) {
            LineItem item = draft.items().get(i);
            List<LineTax> taxes = new ArrayList<>(item.taxes().size());
            for (int t = 0; t < item.taxes().size(); t++) {
                LineTax tax = item.taxes().get(t);
                if (tax.isResolved()) {
                    taxes.add(tax);
                    continue;
                }
                Optional<StoredTax> stored = s.read("reading tax", () -> s.core.taxes.find(s.entityId(), tax.taxId()));
                if (stored.isEmpty()) {
                    problems.add("items[" + i + "].taxes[" + t + "].tax_id", "not_found", "the entity has no tax "
                            + Violation.quote(tax.taxId()));
                    taxes.add(tax);
                } else {
                    taxes.add(tax.resolvedWith(stored.get().rate(), stored.get().name(),
                            stored.get().reverseCharge()));
                }
            }
            items.add(item.toBuilder().taxes(taxes).build());
        }
        problems.throwIfAny();
        return draft.toBuilder().items(items).build();
    }

    /** Ids, owner and timestamps for the lines and payments of a document about to be stored. */
    static Document.Builder stamp(Scope s, Document.Builder b, Instant now) {
        DocumentId owner = b.id();
        List<LineItem> items = new ArrayList<>(b.items().size());
        for (LineItem item : b.items()) {
            items.add(item.id() != null && owner.equals(item.documentId()) ? item : item.toBuilder()
                    .id(s.core.ids.newId(owner.type().itemIdPrefix())).documentId(owner)
                    .createdAt(item.createdAt() == null ? now : item.createdAt()).updatedAt(now).build());
        }
        b.items(items);
        List<Payment> payments = new ArrayList<>(b.payments().size());
        for (Payment p : b.payments()) {
            payments.add(p.id() != null ? p : p.toBuilder().id(s.core.ids.newId("pay_")).documentId(b.id())
                    .date(p.date() == null ? s.today() : p.date()).createdAt(now).build());
        }
        b.payments(payments);
        return b;
    }

    /** Payments given with a request must be positive and only on payable kinds. */
    static void checkPayments(Document draft) {
        ViolationCollector problems = new ViolationCollector();
        for (int i = 0; i < draft.payments().size(); i++) {
            Payment p = draft.payments().get(i);
            if (p.amount().signum() <= 0) {
                problems.add("payments[" + i + "].amount", "out_of_range", "must be > 0, was "
                        + p.amount().toPlainString());
            }
        }
        if (!draft.payments().isEmpty() && !draft.type().isPayable()) {
            problems.add("payments", "not_allowed", "a " + draft.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " takes no payments");
        }
        problems.throwIfAny();
    }
}
