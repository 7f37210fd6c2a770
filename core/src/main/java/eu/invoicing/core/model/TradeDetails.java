package eu.invoicing.core.model;

import java.util.List;

/**
 * A value of the trade details of a document that EN 16931 names and the reference API has no field for:
 * invoicing period, delivery, payee, tax representative, payment means, preceding invoices and subject notes;
 * part of a {@link Document} (docs/wire-format.md, "EN 16931 trade details").
 *
 * <p>Immutable and thread-safe: lists are copied on the way in (null reads as empty).
 *
 * @param invoicePeriod BG-14, nullable
 * @param delivery BG-13, nullable
 * @param payee BG-10, nullable
 * @param taxRepresentative BG-11, nullable
 * @param paymentMeans BG-16, in order, not null
 * @param precedingInvoices BG-3, in order, not null
 * @param notes BG-1 notes with a subject, in order, not null
 */
public record TradeDetails(Period invoicePeriod, DeliveryInformation delivery, Payee payee,
        TaxRepresentative taxRepresentative, List<PaymentMeans> paymentMeans, List<PrecedingInvoice> precedingInvoices,
        List<DocumentNote> notes) {
    /** Nothing given: shared, so that a document without trade details allocates no group. */
    public static final TradeDetails EMPTY = new TradeDetails(null, null, null, null, List.of(), List.of(), List.of());

    /**
     * Copies the lists.
     *
     * @param invoicePeriod nullable
     * @param delivery nullable
     * @param payee nullable
     * @param taxRepresentative nullable
     * @param paymentMeans nullable (empty)
     * @param precedingInvoices nullable (empty)
     * @param notes nullable (empty)
     */
    public TradeDetails {
        paymentMeans = Copies.list(paymentMeans);
        precedingInvoices = Copies.list(precedingInvoices);
        notes = Copies.list(notes);
    }

    /** @return whether nothing is given */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /**
     * @param v nullable
     * @return a copy with BG-14 changed; this instance is unaffected
     */
    public TradeDetails withInvoicePeriod(Period v) {
        return new TradeDetails(v, delivery, payee, taxRepresentative, paymentMeans, precedingInvoices, notes);
    }

    /**
     * @param v nullable
     * @return a copy with BG-13 changed; this instance is unaffected
     */
    public TradeDetails withDelivery(DeliveryInformation v) {
        return new TradeDetails(invoicePeriod, v, payee, taxRepresentative, paymentMeans, precedingInvoices, notes);
    }

    /**
     * @param v nullable
     * @return a copy with BG-10 changed; this instance is unaffected
     */
    public TradeDetails withPayee(Payee v) {
        return new TradeDetails(invoicePeriod, delivery, v, taxRepresentative, paymentMeans, precedingInvoices, notes);
    }

    /**
     * @param v nullable
     * @return a copy with BG-11 changed; this instance is unaffected
     */
    public TradeDetails withTaxRepresentative(TaxRepresentative v) {
        return new TradeDetails(invoicePeriod, delivery, payee, v, paymentMeans, precedingInvoices, notes);
    }

    /**
     * @param v nullable (empty)
     * @return a copy with BG-16 changed; this instance is unaffected
     */
    public TradeDetails withPaymentMeans(List<PaymentMeans> v) {
        return new TradeDetails(invoicePeriod, delivery, payee, taxRepresentative, v, precedingInvoices, notes);
    }

    /**
     * @param v nullable (empty)
     * @return a copy with BG-3 changed; this instance is unaffected
     */
    public TradeDetails withPrecedingInvoices(List<PrecedingInvoice> v) {
        return new TradeDetails(invoicePeriod, delivery, payee, taxRepresentative, paymentMeans, v, notes);
    }

    /**
     * @param v nullable (empty)
     * @return a copy with the subject notes changed; this instance is unaffected
     */
    public TradeDetails withNotes(List<DocumentNote> v) {
        return new TradeDetails(invoicePeriod, delivery, payee, taxRepresentative, paymentMeans, precedingInvoices, v);
    }

    /**
     * @param v nullable
     * @return {@link #EMPTY} for null or an empty value, else {@code v}
     */
    static TradeDetails orEmpty(TradeDetails v) {
        return v == null || v.isEmpty() ? EMPTY : v;
    }
}
