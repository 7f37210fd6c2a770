package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.TaxSummary;
import org.junit.jupiter.api.Test;

class InvoicingJsonTest {
    @Test
    void readRequest_malformedJson_isAValidationError() {
        assertThatThrownBy(() -> InvoicingJson.readRequest("{\"items\": [", DocumentType.INVOICE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("malformed_json"));
    }

    @Test
    void readRequest_unknownAndMistypedFields_reportsEveryPath() {
        String json = "{\"itemz\":1,\"items\":[{\"name\":5,\"quantity\":\"two\",\"price\":1,\"taxes\":[{\"rat\":22}]}],"
                + "\"calculation_mode\":\"fancy\"}";
        assertThatThrownBy(() -> InvoicingJson.readRequest(json, DocumentType.INVOICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).contains("itemz", "items[0].name", "items[0].quantity",
                                "items[0].taxes[0].rate", "items[0].taxes[0].rat", "calculation_mode"));
    }

    @Test
    void writeCalculation_amountsAtCurrencyScale_plainNumbersWithTrailingZeros() {
        DocumentRequest request = InvoicingJson.readRequest(
                "{\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1E+3,\"taxes\":[{\"rate\":22}]}]}", DocumentType.INVOICE);
        Document doc = CalculationEngine.withDefaults().calculate(request.draft().values(), Entity.sampleSlovenian());
        String json = InvoicingJson.writeCalculation(doc);
        assertThat(json).contains("\"total\":1000.00", "\"total_with_tax\":1220.00").doesNotContain("E+");
    }

    @Test
    void readRequest_numbers_keepTheScaleTheyWereGiven() {
        DocumentRequest request = InvoicingJson.readRequest(
                "{\"items\":[{\"name\":\"x\",\"quantity\":2.500,\"price\":12.30,\"taxes\":[{\"rate\":9.50}]}]}",
                DocumentType.INVOICE);
        var item = request.draft().values().items().get(0);
        assertThat(item.quantity()).isEqualTo(new java.math.BigDecimal("2.500"));
        assertThat(item.price()).isEqualTo(new java.math.BigDecimal("12.30"));
        assertThat(item.taxes().get(0).rate()).isEqualTo(new java.math.BigDecimal("9.50"));
    }

    @Test
    void readDocument_vatCategoryAndExemptionReason_writtenAsCodesAndReadBackEqual() {
        DocumentRequest request = InvoicingJson.readRequest("{\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":90,"
                + "\"taxes\":[{\"rate\":0,\"category\":\"E\",\"exemption_reason\":\"Article 132\","
                + "\"exemption_reason_code\":\"VATEX-EU-132\"}]},{\"name\":\"y\",\"quantity\":1,\"price\":5,"
                + "\"taxes\":[{\"rate\":0,\"category\":\"ae\"}]}],\"tax_clause\":\"Reverse charge\"}", DocumentType.INVOICE);
        var taxes = request.draft().values().items().get(0).taxes();
        assertThat(taxes.get(0).category()).isEqualTo(TaxCategory.E);
        assertThat(taxes.get(0).exemptionReason()).isEqualTo("Article 132");
        assertThat(taxes.get(0).exemptionReasonCode()).isEqualTo("VATEX-EU-132");
        Document doc = CalculationEngine.withDefaults().calculate(request.draft().values(), Entity.sampleSlovenian());
        String json = InvoicingJson.writeDocument(doc);
        assertThat(json).contains("\"category\":\"E\"", "\"category\":\"AE\"", "\"exemption_reason_code\":\"VATEX-EU-132\"");
        Document back = InvoicingJson.readDocument(InvoicingJson.parse(json), DocumentType.INVOICE);
        assertThat(back).isEqualTo(doc);
        assertThat(back.taxes()).extracting(TaxSummary::category).containsExactly(TaxCategory.E, TaxCategory.AE);
    }

    @Test
    void readRequest_unknownVatCategory_listsTheAllowedCodes() {
        assertThatThrownBy(() -> InvoicingJson.readRequest("{\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1,"
                + "\"taxes\":[{\"rate\":0,\"category\":\"X\"}]}]}", DocumentType.INVOICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("items[0].taxes[0].category", "invalid_value")));
    }

    @Test
    void readDocument_calculatedDocument_readsBackEqualIncludingScales() {
        DocumentRequest request = InvoicingJson.readRequest(
                "{\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":90,\"taxes\":[{\"rate\":22}]}]}", DocumentType.INVOICE);
        Document doc = CalculationEngine.withDefaults().calculate(request.draft().values(), Entity.sampleSlovenian());
        Document back = InvoicingJson.readDocument(InvoicingJson.parse(InvoicingJson.writeDocument(doc)), DocumentType.INVOICE);
        assertThat(back).isEqualTo(doc);
        assertThat(back.total()).isEqualTo(new java.math.BigDecimal("90.00"));
    }

    @Test
    void readRequest_hugeExponent_isAValidationErrorNotANumberFormatException() {
        assertThatThrownBy(() -> InvoicingJson.readRequest("{\"items\":[{\"name\":\"x\",\"quantity\":1e999999999,\"price\":1}]}",
                DocumentType.INVOICE)).isInstanceOf(ValidationException.class);
    }

    @Test
    void writeDocument_draft_marksIsDraftAndRoundTrips() {
        Document draft = InvoicingJson.readRequest("{\"is_draft\":true,\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":2}]}",
                DocumentType.ESTIMATE).draft().values();
        String json = InvoicingJson.writeDocument(draft);
        assertThat(json).contains("\"is_draft\":true");
        assertThat(InvoicingJson.readDocument(InvoicingJson.parse(json), DocumentType.ESTIMATE)).isEqualTo(draft);
    }

    @Test
    void readEntity_writtenEntity_readsBackEqual() {
        Entity entity = Entity.sampleSlovenian();
        assertThat(InvoicingJson.readEntity(InvoicingJson.writeEntity(entity))).isEqualTo(entity);
    }
}
