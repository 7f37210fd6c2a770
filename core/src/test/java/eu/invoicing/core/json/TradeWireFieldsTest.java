package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentNote;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EN 16931 references and trade details on the wire: snake_case keys, both ways, bad values by path. */
class TradeWireFieldsTest {
    static final String JSON = "{\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":100,\"taxes\":[{\"rate\":22}]}],"
            + "\"buyer_reference\":\"04011000-12345-03\",\"order_reference\":\"PO-7\",\"sales_order_reference\":\"SO-9\","
            + "\"contract_reference\":\"CT-1\",\"project_reference\":\"PR-2\",\"despatch_advice_reference\":\"DA-3\","
            + "\"receiving_advice_reference\":\"RA-4\",\"accounting_reference\":\"4711\","
            + "\"invoice_period\":{\"start\":\"2026-01-01\",\"end\":\"2026-01-31\"},"
            + "\"delivery\":{\"name\":\"Warehouse\",\"location_id\":\"5790000435975\",\"address\":\"Dock 4\","
            + "\"post_code\":\"1000\",\"city\":\"Ljubljana\",\"country_code\":\"SI\",\"date\":\"2026-01-15\"},"
            + "\"payee\":{\"name\":\"Factor d.o.o.\",\"identifier\":\"PAY-1\",\"legal_registration_id\":\"123\"},"
            + "\"tax_representative\":{\"name\":\"Rep GmbH\",\"vat_id\":\"DE123456789\",\"city\":\"Berlin\","
            + "\"country_code\":\"DE\"},"
            + "\"payment_means\":[{\"code\":\"58\",\"iban\":\"SI56192001234567892\",\"bic\":\"BAKOSI2X\","
            + "\"remittance\":\"SI00 2026-1\"},{\"code\":\"54\",\"card_last_digits\":\"1234\",\"card_holder\":\"A. Buyer\"},"
            + "{\"code\":\"59\",\"mandate_reference\":\"MD-1\",\"creditor_id\":\"SI12ZZZ123\","
            + "\"debited_account\":\"SI56020100012345678\"}],"
            + "\"preceding_invoices\":[{\"number\":\"2025-00012\",\"date\":\"2025-12-01\"},{\"number\":\"2025-00013\"}],"
            + "\"notes\":[{\"subject\":\"AAI\",\"text\":\"General\"},{\"text\":\"No subject\"}]}";

    static TradeDetails expectedTrade() {
        return new TradeDetails(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
                new DeliveryInformation("Warehouse", "5790000435975",
                        new PostalAddress("Dock 4", null, "1000", "Ljubljana", null, "SI"), LocalDate.of(2026, 1, 15)),
                new Payee("Factor d.o.o.", "PAY-1", "123"),
                new TaxRepresentative("Rep GmbH", "DE123456789", new PostalAddress(null, null, null, "Berlin", null, "DE")),
                List.of(new PaymentMeans("58", null, "SI56192001234567892", "BAKOSI2X", null, null, null, null, null,
                                "SI00 2026-1"),
                        new PaymentMeans("54", null, null, null, "1234", "A. Buyer", null, null, null, null),
                        new PaymentMeans("59", null, null, null, null, null, "MD-1", "SI12ZZZ123", "SI56020100012345678",
                                null)),
                List.of(new PrecedingInvoice("2025-00012", LocalDate.of(2025, 12, 1)), new PrecedingInvoice("2025-00013", null)),
                List.of(new DocumentNote("AAI", "General"), new DocumentNote(null, "No subject")));
    }

    @Test
    void readRequest_everyTradeField_isCarriedIntoTheDraft() {
        Document d = InvoicingJson.readRequest(JSON, DocumentType.INVOICE).draft().values();
        assertThat(d.references()).isEqualTo(new DocumentReferences("04011000-12345-03", "PO-7", "SO-9", "CT-1", "PR-2",
                "DA-3", "RA-4", "4711"));
        assertThat(d.tradeDetails()).isEqualTo(expectedTrade());
    }

    @Test
    void writeDocument_thenRead_givesTheSameDocument() {
        Document d = CalculationEngine.withDefaults().calculate(
                InvoicingJson.readRequest(JSON, DocumentType.INVOICE).draft().values(), Entity.sampleSlovenian());
        String json = InvoicingJson.writeDocument(d);
        assertThat(json).contains("\"buyer_reference\":\"04011000-12345-03\"", "\"invoice_period\":{\"start\":\"2026-01-01\"",
                "\"location_id\":\"5790000435975\"", "\"legal_registration_id\":\"123\"", "\"card_last_digits\":\"1234\"",
                "\"preceding_invoices\":[{\"number\":\"2025-00012\",\"date\":\"2025-12-01\"}");
        Document back = InvoicingJson.readDocument(InvoicingJson.parse(json), DocumentType.INVOICE);
        assertThat(back.references()).isEqualTo(d.references());
        assertThat(back.tradeDetails()).isEqualTo(d.tradeDetails());
    }

    @Test
    void writeDocument_withoutTradeFields_writesNoneOfTheirKeys() {
        Document d = CalculationEngine.withDefaults().calculate(InvoicingJson.readRequest(
                "{\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1,\"taxes\":[{\"rate\":22}]}]}", DocumentType.INVOICE)
                .draft().values(), Entity.sampleSlovenian());
        assertThat(InvoicingJson.writeDocument(d)).doesNotContain("buyer_reference", "invoice_period", "delivery",
                "payee", "tax_representative", "payment_means", "preceding_invoices", "\"notes\"");
    }

    @Test
    void readRequest_badTradeValues_reportsEveryPath() {
        String json = "{\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1,\"taxes\":[{\"rate\":22}]}],"
                + "\"invoice_period\":{\"start\":\"2026-13-01\",\"until\":\"x\"},\"payee\":{\"nme\":\"a\"},"
                + "\"payment_means\":[{\"code\":30,\"cvv\":\"123\"}],\"notes\":\"text\"}";
        assertThatThrownBy(() -> InvoicingJson.readRequest(json, DocumentType.INVOICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).contains("invoice_period.start", "invoice_period.until",
                                "payee.nme", "payment_means[0].code", "payment_means[0].cvv", "notes"));
    }

    @Test
    void calculate_tradeDetailsBreakingTheNormsRules_reportsEveryPathAtOnce() {
        String json = "{\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1,\"taxes\":[{\"rate\":22}]}],"
                + "\"invoice_period\":{\"start\":\"2026-02-01\",\"end\":\"2026-01-01\"},"
                + "\"delivery\":{\"city\":\"Ljubljana\"},\"payee\":{\"identifier\":\"x\"},"
                + "\"tax_representative\":{\"vat_id\":\"123\",\"country_code\":\"Deutschland\"},"
                + "\"payment_means\":[{\"information\":\"cash\"},{\"code\":\"54\",\"card_last_digits\":\"4111111111111111\"},"
                + "{\"code\":\"30\",\"mandate_reference\":\"M\"}],"
                + "\"preceding_invoices\":[{\"date\":\"2025-01-01\"}],\"notes\":[{\"subject\":\"general\",\"text\":\" \"}]}";
        Document draft = InvoicingJson.readRequest(json, DocumentType.INVOICE).draft().values();
        assertThatThrownBy(() -> CalculationEngine.withDefaults().calculate(draft, Entity.sampleSlovenian()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                            "invoice_period.end", "delivery.country_code", "payee.name", "tax_representative.name",
                            "tax_representative.vat_id", "tax_representative.country_code", "payment_means[0].code",
                            "payment_means[1].card_last_digits", "payment_means[2].mandate_reference",
                            "preceding_invoices[0].number", "notes[0].text", "notes[0].subject");
                    assertThat(e.getMessage()).doesNotContain("4111111111111111");
                });
    }
}
