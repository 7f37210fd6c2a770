package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentNote;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TradeDetails;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the writer maps the document's references and trade details, and what each syntax or CIUS refuses. */
class TradeDetailsWriterTest {
    private static final EInvoiceWriter WRITER = new EInvoiceWriter();
    private static final EInvoiceReader READER = new EInvoiceReader();

    private static Document.Builder invoice(DocumentType type) {
        return Document.builder(type).number("T-1").date(Samples.DAY).dateDue(Samples.DAY.plusDays(8))
                .customer(Samples.domestic()).item(Samples.line("Svetovanje", "2", "50", "HUR", "22"));
    }

    @Test
    void write_correctiveInvoiceWithTwoPrecedingInvoices_ublCarriesBoth_ciiRefuses() {
        Document doc = Samples.calculate(invoice(DocumentType.CREDIT_NOTE).tradeDetails(TradeDetails.EMPTY
                .withPrecedingInvoices(List.of(new PrecedingInvoice("2026-00001", Samples.DAY.minusDays(20)),
                        new PrecedingInvoice("2026-00002", null)))));
        byte[] ubl = WRITER.write(doc, Samples.entity(), Format.UBL, EInvoiceOptions.none());
        assertThat(SharedValidator.get().validate(ubl, Profile.EN16931).fatal()).isEmpty();
        assertThat(READER.read(ubl).document().tradeDetails().precedingInvoices())
                .isEqualTo(doc.tradeDetails().precedingInvoices());
        assertThatThrownBy(() -> WRITER.write(doc, Samples.entity(), Format.CII, EInvoiceOptions.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("preceding_invoices"));
    }

    @Test
    void write_optionsGiveBuyerReferenceAndPrecedingInvoice_optionsWinOverTheDocument() {
        Document doc = Samples.calculate(invoice(DocumentType.CREDIT_NOTE).reference("old")
                .references(DocumentReferences.EMPTY.withBuyerReference("doc-ref").withOrderReference("PO-1"))
                .tradeDetails(TradeDetails.EMPTY.withPrecedingInvoices(List.of(new PrecedingInvoice("2026-00001", null)))));
        EInvoiceOptions options = EInvoiceOptions.none().withBuyerReference("opt-ref")
                .withPrecedingInvoice("2026-00009", Samples.DAY.minusDays(3));
        Document back = READER.read(WRITER.write(doc, Samples.entity(), Format.UBL, options)).document();
        assertThat(back.references().buyerReference()).isEqualTo("opt-ref");
        assertThat(back.references().orderReference()).isEqualTo("PO-1");
        assertThat(back.tradeDetails().precedingInvoices()).containsExactly(
                new PrecedingInvoice("2026-00009", Samples.DAY.minusDays(3)));
        // Without options the document's own fields are written.
        Document own = READER.read(WRITER.write(doc, Samples.entity(), Format.CII, EInvoiceOptions.none())).document();
        assertThat(own.references().buyerReference()).isEqualTo("doc-ref");
        assertThat(own.tradeDetails().precedingInvoices()).containsExactly(new PrecedingInvoice("2026-00001", null));
    }

    @Test
    void write_invoicePeriodWinsOverServiceDates_andAServiceDateAloneIsTheDeliveryDate() {
        Document doc = Samples.calculate(invoice(DocumentType.INVOICE).dateService(Samples.DAY.minusDays(2))
                .tradeDetails(TradeDetails.EMPTY.withInvoicePeriod(new Period(Samples.DAY.minusDays(30), Samples.DAY))));
        for (Format f : List.of(Format.UBL, Format.CII)) {
            Document back = READER.read(WRITER.write(doc, Samples.entity(), f, EInvoiceOptions.none())).document();
            assertThat(back.tradeDetails().invoicePeriod()).as(f.name()).isEqualTo(doc.tradeDetails().invoicePeriod());
            assertThat(back.tradeDetails().delivery().date()).as(f.name()).isEqualTo(Samples.DAY.minusDays(2));
        }
        // date_service + date_service_to without invoice_period: still the period, as before.
        Document old = Samples.domesticInvoice();
        Document back = READER.read(WRITER.write(old, Samples.entity(), Format.UBL, EInvoiceOptions.none())).document();
        assertThat(back.tradeDetails().invoicePeriod()).isEqualTo(new Period(old.dateService(), old.dateServiceTo()));
    }

    @Test
    void read_payableRoundingAmount_carriedAsRoundingCorrection() {
        Document draft = invoice(DocumentType.INVOICE).build();
        Document plain = Samples.ENGINE.calculate(draft, Samples.entity());
        Document rounded = Samples.ENGINE.calculate(draft, Samples.entity(),
                new eu.invoicing.core.calc.CalculationOptions(plain.totalWithTax().add(new java.math.BigDecimal("0.01"))));
        for (Format f : List.of(Format.UBL, Format.CII)) {
            ImportResult r = READER.read(WRITER.write(rounded, Samples.entity(), f, EInvoiceOptions.none()));
            assertThat(r.document().roundingCorrection()).as(f.name()).isEqualByComparingTo("0.01");
            assertThat(r.recalculated().roundingCorrection()).as(f.name()).isEqualByComparingTo("0.01");
            assertThat(r.recalculated().totalWithTax()).as(f.name()).isEqualByComparingTo(rounded.totalWithTax());
            assertThat(r.differences()).as(f.name()).isEmpty();
            assertThat(r.notCarried()).extracting(ImportNote::term).doesNotContain("BT-114");
        }
    }

    @Test
    void write_peppolWithNoteAndSubjectNote_refusedNamingNotes() {
        Document doc = Samples.calculate(invoice(DocumentType.INVOICE).reference("R").note("Hvala.")
                .tradeDetails(TradeDetails.EMPTY.withNotes(List.of(new DocumentNote("AAI", "Info")))));
        assertThatThrownBy(() -> WRITER.write(doc, Samples.entity(), Format.PEPPOL, EInvoiceOptions.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("notes"));
        String ubl = new String(WRITER.write(doc, Samples.entity(), Format.UBL, EInvoiceOptions.none()), StandardCharsets.UTF_8);
        assertThat(ubl).contains("<cbc:Note>Hvala.</cbc:Note>", "<cbc:Note>#AAI#Info</cbc:Note>");
        assertThat(READER.read(ubl.getBytes(StandardCharsets.UTF_8)).document().tradeDetails().notes())
                .containsExactly(new DocumentNote("AAI", "Info"));
    }

    @Test
    void write_paymentMeansMissingWhatTheRulesNeed_everyPathAtOnce() {
        Entity noAccount = Samples.entity().toBuilder().bankAccounts(List.of()).phone("+386 1 111 11 11").build();
        Document doc = Samples.ENGINE.calculate(invoice(DocumentType.INVOICE).reference("04011000-1")
                .tradeDetails(TradeDetails.EMPTY.withPaymentMeans(List.of(PaymentMeans.ofCode("58"),
                        PaymentMeans.ofCode("54"), PaymentMeans.ofCode("59")))).build(), noAccount);
        EInvoiceOptions options = EInvoiceOptions.none().withSellerContact("Ana");
        assertThatThrownBy(() -> WRITER.write(doc, noAccount, Format.XRECHNUNG_UBL, options))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).contains("payment_means[0].iban", "payment_means[1].card_last_digits",
                                "payment_means[2].mandate_reference", "payment_means[2].creditor_id",
                                "payment_means[2].debited_account"));
    }
}
