package eu.invoicing.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentNote;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The wire mapping of the EN 16931 references ({@link DocumentReferences}, flat top-level strings) and trade
 * details ({@link TradeDetails}: objects and arrays), registered into {@link DocumentWireFields}' table after
 * {@code reference}. Absent values are not written, so documents without them serialize as before.
 *
 * <p>Stateless and thread-safe.
 */
final class TradeWireFields {
    private static final Set<eu.invoicing.core.model.DocumentType> NONE =
            EnumSet.noneOf(eu.invoicing.core.model.DocumentType.class);

    /** Writes one value as JSON. */
    private interface ValueWriter<T> {
        void write(JsonGenerator g, T v) throws IOException;
    }

    private TradeWireFields() {
    }

    /** Adds the entries, in wire order; called once from {@link DocumentWireFields}' static initializer. */
    static void register() {
        reference(DocumentField.BUYER_REFERENCE, DocumentReferences::buyerReference,
                DocumentReferences::withBuyerReference);
        reference(DocumentField.ORDER_REFERENCE, DocumentReferences::orderReference,
                DocumentReferences::withOrderReference);
        reference(DocumentField.SALES_ORDER_REFERENCE, DocumentReferences::salesOrderReference,
                DocumentReferences::withSalesOrderReference);
        reference(DocumentField.CONTRACT_REFERENCE, DocumentReferences::contractReference,
                DocumentReferences::withContractReference);
        reference(DocumentField.PROJECT_REFERENCE, DocumentReferences::projectReference,
                DocumentReferences::withProjectReference);
        reference(DocumentField.DESPATCH_ADVICE_REFERENCE, DocumentReferences::despatchAdviceReference,
                DocumentReferences::withDespatchAdviceReference);
        reference(DocumentField.RECEIVING_ADVICE_REFERENCE, DocumentReferences::receivingAdviceReference,
                DocumentReferences::withReceivingAdviceReference);
        reference(DocumentField.ACCOUNTING_REFERENCE, DocumentReferences::accountingReference,
                DocumentReferences::withAccountingReference);
        trade(DocumentField.INVOICE_PERIOD, (r, k, s, t) -> period(r.object(k)), TradeDetails::invoicePeriod,
                TradeDetails::withInvoicePeriod, TradeWireFields::period);
        trade(DocumentField.DELIVERY, (r, k, s, t) -> delivery(r.object(k)), TradeDetails::delivery,
                TradeDetails::withDelivery, TradeWireFields::delivery);
        trade(DocumentField.PAYEE, (r, k, s, t) -> payee(r.object(k)), TradeDetails::payee, TradeDetails::withPayee,
                TradeWireFields::payee);
        trade(DocumentField.TAX_REPRESENTATIVE, (r, k, s, t) -> taxRepresentative(r.object(k)),
                TradeDetails::taxRepresentative, TradeDetails::withTaxRepresentative, TradeWireFields::taxRepresentative);
        trade(DocumentField.PAYMENT_MEANS, (r, k, s, t) -> r.objects(k, (mr, i) -> paymentMeans(mr)),
                TradeDetails::paymentMeans, TradeDetails::withPaymentMeans, array(TradeWireFields::paymentMeans));
        trade(DocumentField.PRECEDING_INVOICES, (r, k, s, t) -> r.objects(k, (pr, i) -> precedingInvoice(pr)),
                TradeDetails::precedingInvoices, TradeDetails::withPrecedingInvoices,
                array(TradeWireFields::precedingInvoice));
        trade(DocumentField.NOTES, (r, k, s, t) -> r.objects(k, (nr, i) -> note(nr)), TradeDetails::notes,
                TradeDetails::withNotes, array(TradeWireFields::note));
    }

    private static void reference(DocumentField field, Function<DocumentReferences, String> get,
            BiFunction<DocumentReferences, String, DocumentReferences> with) {
        DocumentWireFields.add(field, (r, k, s, t) -> r.string(k),
                (b, v) -> b.references(with.apply(b.references(), v)),
                (b, v) -> b.references(with.apply(b.references(), v)),
                (k, d, w, g) -> w.string(k, get.apply(d.references())), NONE);
    }

    private static <T> void trade(DocumentField field, DocumentWireFields.Read<T> read, Function<TradeDetails, T> get,
            BiFunction<TradeDetails, T, TradeDetails> with, ValueWriter<T> value) {
        DocumentWireFields.add(field, read, (b, v) -> b.tradeDetails(with.apply(b.tradeDetails(), v)),
                (b, v) -> b.tradeDetails(with.apply(b.tradeDetails(), v)), (k, d, w, g) -> {
                    T v = get.apply(d.tradeDetails());
                    if (w.wants(k, v)) {
                        value.write(g, v);
                    }
                }, NONE);
    }

    private static <T> ValueWriter<List<T>> array(ValueWriter<T> element) {
        return (g, list) -> {
            g.writeStartArray();
            for (T e : list) {
                element.write(g, e);
            }
            g.writeEndArray();
        };
    }

    // ------------------------------------------------------------------ readers

    private static Period period(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        Period p = new Period(r.date("start"), r.date("end"));
        r.rejectUnknown();
        return p;
    }

    private static PostalAddress address(JsonObjectReader r) {
        PostalAddress a = new PostalAddress(r.string("address"), r.string("address_2"), r.string("post_code"),
                r.string("city"), r.string("state"), r.string("country_code"));
        return a.isEmpty() ? null : a;
    }

    private static DeliveryInformation delivery(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        DeliveryInformation d = new DeliveryInformation(r.string("name"), r.string("location_id"), address(r),
                r.date("date"));
        r.rejectUnknown();
        return d;
    }

    private static Payee payee(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        Payee p = new Payee(r.string("name"), r.string("identifier"), r.string("legal_registration_id"));
        r.rejectUnknown();
        return p;
    }

    private static TaxRepresentative taxRepresentative(JsonObjectReader r) {
        if (r == null) {
            return null;
        }
        TaxRepresentative t = new TaxRepresentative(r.string("name"), r.string("vat_id"), address(r));
        r.rejectUnknown();
        return t;
    }

    private static PaymentMeans paymentMeans(JsonObjectReader r) {
        return new PaymentMeans(r.string("code"), r.string("information"), r.string("iban"), r.string("bic"),
                r.string("card_last_digits"), r.string("card_holder"), r.string("mandate_reference"),
                r.string("creditor_id"), r.string("debited_account"), r.string("remittance"));
    }

    private static PrecedingInvoice precedingInvoice(JsonObjectReader r) {
        return new PrecedingInvoice(r.string("number"), r.date("date"));
    }

    private static DocumentNote note(JsonObjectReader r) {
        return new DocumentNote(r.string("subject"), r.string("text"));
    }

    // ------------------------------------------------------------------ writers

    private static DocumentJsonWriter.FieldWriter start(JsonGenerator g) throws IOException {
        g.writeStartObject();
        return new DocumentJsonWriter.FieldWriter(g, Set.of());
    }

    private static void period(JsonGenerator g, Period p) throws IOException {
        DocumentJsonWriter.FieldWriter w = start(g);
        w.plainDate("start", p.start());
        w.plainDate("end", p.end());
        g.writeEndObject();
    }

    private static void address(DocumentJsonWriter.FieldWriter w, PostalAddress a) throws IOException {
        if (a != null) {
            w.string("address", a.address());
            w.string("address_2", a.address2());
            w.string("post_code", a.postCode());
            w.string("city", a.city());
            w.string("state", a.state());
            w.string("country_code", a.countryCode());
        }
    }

    private static void delivery(JsonGenerator g, DeliveryInformation d) throws IOException {
        DocumentJsonWriter.FieldWriter w = start(g);
        w.string("name", d.name());
        w.string("location_id", d.locationId());
        address(w, d.address());
        w.plainDate("date", d.date());
        g.writeEndObject();
    }

    private static void payee(JsonGenerator g, Payee p) throws IOException {
        DocumentJsonWriter.FieldWriter w = start(g);
        w.string("name", p.name());
        w.string("identifier", p.identifier());
        w.string("legal_registration_id", p.legalRegistrationId());
        g.writeEndObject();
    }

    private static void taxRepresentative(JsonGenerator g, TaxRepresentative t) throws IOException {
        DocumentJsonWriter.FieldWriter w = start(g);
        w.string("name", t.name());
        w.string("vat_id", t.vatId());
        address(w, t.address());
        g.writeEndObject();
    }

    private static void paymentMeans(JsonGenerator g, PaymentMeans m) throws IOException {
        DocumentJsonWriter.FieldWriter w = start(g);
        w.string("code", m.code());
        w.string("information", m.information());
        w.string("iban", m.iban());
        w.string("bic", m.bic());
        w.string("card_last_digits", m.cardLastDigits());
        w.string("card_holder", m.cardHolder());
        w.string("mandate_reference", m.mandateReference());
        w.string("creditor_id", m.creditorId());
        w.string("debited_account", m.debitedAccount());
        w.string("remittance", m.remittance());
        g.writeEndObject();
    }

    private static void precedingInvoice(JsonGenerator g, PrecedingInvoice p) throws IOException {
        DocumentJsonWriter.FieldWriter w = start(g);
        w.string("number", p.number());
        w.plainDate("date", p.date());
        g.writeEndObject();
    }

    private static void note(JsonGenerator g, DocumentNote n) throws IOException {
        DocumentJsonWriter.FieldWriter w = start(g);
        w.string("subject", n.subject());
        w.string("text", n.text());
        g.writeEndObject();
    }
}
