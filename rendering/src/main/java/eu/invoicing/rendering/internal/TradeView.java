package eu.invoicing.rendering.internal;

import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentNote;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import eu.invoicing.rendering.i18n.Label;
import eu.invoicing.rendering.i18n.Labels;
import eu.invoicing.rendering.i18n.LocaleFormat;
import eu.invoicing.rendering.internal.DocumentView.Field;
import eu.invoicing.rendering.internal.DocumentView.TextBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * The document's EN 16931 references and trade details as parts of the {@link DocumentView}: references, the
 * invoicing period, the delivery date and the preceding invoices in the header's fields; delivery, payee and
 * tax representative as text blocks beside the note; each payment means in the payment details. A document
 * without them gets nothing, so its view is what it was. Stateless and thread-safe.
 */
final class TradeView {
    private TradeView() {
    }

    /** Header fields, after the document's own reference. */
    static void meta(Document d, Labels labels, LocaleFormat format, List<Field> out) {
        DocumentReferences r = d.references();
        add(out, labels.get(Label.TRADE_BUYER_REFERENCE), r.buyerReference());
        add(out, labels.get(Label.TRADE_ORDER_REFERENCE), r.orderReference());
        add(out, labels.get(Label.TRADE_SALES_ORDER_REFERENCE), r.salesOrderReference());
        add(out, labels.get(Label.TRADE_CONTRACT_REFERENCE), r.contractReference());
        add(out, labels.get(Label.TRADE_PROJECT_REFERENCE), r.projectReference());
        add(out, labels.get(Label.TRADE_DESPATCH_ADVICE_REFERENCE), r.despatchAdviceReference());
        add(out, labels.get(Label.TRADE_RECEIVING_ADVICE_REFERENCE), r.receivingAdviceReference());
        add(out, labels.get(Label.TRADE_ACCOUNTING_REFERENCE), r.accountingReference());
        TradeDetails t = d.tradeDetails();
        Period p = t.invoicePeriod();
        if (p != null) {
            add(out, labels.get(Label.TRADE_INVOICE_PERIOD), (p.start() == null ? "" : format.date(p.start()))
                    + " \u2013 " + (p.end() == null ? "" : format.date(p.end())));
        }
        if (t.delivery() != null && t.delivery().date() != null) {
            add(out, labels.get(Label.TRADE_DELIVERY_DATE), format.date(t.delivery().date()));
        }
        for (PrecedingInvoice pi : t.precedingInvoices()) {
            add(out, labels.get(Label.TRADE_PRECEDING_INVOICE), pi.date() == null ? pi.number()
                    : pi.number() + " (" + format.date(pi.date()) + ")");
        }
    }

    /** Text blocks, after the note: the subject notes, delivery, payee, tax representative. */
    static void texts(Document d, Labels labels, List<TextBlock> out) {
        TradeDetails t = d.tradeDetails();
        for (DocumentNote n : t.notes()) {
            if (ViewBuilder.blankToNull(n.text()) != null) {
                out.add(new TextBlock(labels.get(Label.TEXT_NOTE), n.text()));
            }
        }
        DeliveryInformation del = t.delivery();
        if (del != null) {
            block(out, labels.get(Label.TRADE_DELIVERY), lines(del.name(), del.locationId(), del.address(), null));
        }
        Payee payee = t.payee();
        if (payee != null) {
            block(out, labels.get(Label.TRADE_PAYEE), lines(payee.name(), payee.identifier(), null,
                    payee.legalRegistrationId()));
        }
        TaxRepresentative rep = t.taxRepresentative();
        if (rep != null) {
            block(out, labels.get(Label.TRADE_TAX_REPRESENTATIVE), lines(rep.name(), null, rep.address(), rep.vatId()));
        }
    }

    /** Payment details: each payment means, after the entity's bank account fields. */
    static List<Field> bank(Document d, Labels labels, List<Field> bank) {
        List<PaymentMeans> means = d.tradeDetails().paymentMeans();
        if (means.isEmpty()) {
            return bank;
        }
        List<Field> out = new ArrayList<>(bank);
        for (PaymentMeans m : means) {
            add(out, labels.get(Label.TRADE_PAYMENT_MEANS), ViewBuilder.blankToNull(m.information()) != null
                    ? m.information() : m.code());
            if (ViewBuilder.blankToNull(m.iban()) != null) {
                add(out, labels.get(Label.PAY_IBAN), ViewBuilder.groupIban(m.iban()));
            }
            add(out, labels.get(Label.PAY_BIC), m.bic());
            if (ViewBuilder.blankToNull(m.cardLastDigits()) != null) {
                add(out, labels.get(Label.TRADE_CARD), ViewBuilder.blankToNull(m.cardHolder()) == null
                        ? "**** " + m.cardLastDigits()
                        : "**** " + m.cardLastDigits() + ", " + m.cardHolder());
            }
            add(out, labels.get(Label.TRADE_MANDATE_REFERENCE), m.mandateReference());
            add(out, labels.get(Label.TRADE_CREDITOR_ID), m.creditorId());
            if (ViewBuilder.blankToNull(m.debitedAccount()) != null) {
                add(out, labels.get(Label.TRADE_DEBITED_ACCOUNT), ViewBuilder.groupIban(m.debitedAccount()));
            }
            add(out, labels.get(Label.PAY_REFERENCE), m.remittance());
        }
        return List.copyOf(out);
    }

    private static String lines(String name, String id, PostalAddress a, String registration) {
        List<String> lines = new ArrayList<>();
        addLine(lines, name);
        addLine(lines, id);
        if (a != null) {
            addLine(lines, a.address());
            addLine(lines, a.address2());
            addLine(lines, join(a.postCode(), a.city()));
            addLine(lines, a.state());
            addLine(lines, a.countryCode());
        }
        addLine(lines, registration);
        return String.join("\n", lines);
    }

    private static String join(String a, String b) {
        String x = ViewBuilder.blankToNull(a);
        String y = ViewBuilder.blankToNull(b);
        return x == null ? y : y == null ? x : x + " " + y;
    }

    private static void addLine(List<String> lines, String s) {
        if (ViewBuilder.blankToNull(s) != null) {
            lines.add(s);
        }
    }

    private static void block(List<TextBlock> out, String heading, String text) {
        if (!text.isEmpty()) {
            out.add(new TextBlock(heading, text));
        }
    }

    private static void add(List<Field> out, String label, String value) {
        if (ViewBuilder.blankToNull(value) != null) {
            out.add(Field.of(label, value));
        }
    }
}
