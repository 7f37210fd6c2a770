package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.TaxCategory;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The wire names of document allowances and charges and of line charges, both ways (docs/wire-format.md). */
class AllowanceChargeJsonTest {
    private static final String REQUEST = """
            {"items": [{"name": "Item", "quantity": 2, "price": 100, "taxes": [{"rate": 22}],
                        "charges": [{"amount": 5, "reason": "Packing", "reason_code": "ABL"}]}],
             "allowances": [{"percent": 10, "reason": "Loyalty", "reason_code": "95", "tax_rate": 22,
                             "tax_category": "S"}],
             "charges": [{"amount": 7.5, "reason": "Freight", "reason_code": "FC", "tax_rate": 22}]}""";

    @Test
    void readRequest_everyField_isKept() {
        DocumentRequest r = InvoicingJson.readRequest(REQUEST, DocumentType.INVOICE);
        Document d = r.draft().values();
        assertThat(d.allowances()).containsExactly(new AllowanceCharge(null, new BigDecimal("10"), null, "Loyalty",
                "95", new BigDecimal("22"), TaxCategory.S));
        assertThat(d.charges()).containsExactly(new AllowanceCharge(new BigDecimal("7.5"), null, null, "Freight", "FC",
                new BigDecimal("22"), null));
        assertThat(d.items().get(0).charges()).containsExactly(new AllowanceCharge(new BigDecimal("5"), null, null,
                "Packing", "ABL", null, null));
    }

    @Test
    void writeDocument_calculated_writesTheFieldsAndTotalsAndReadsBackEqual() {
        Document draft = InvoicingJson.readRequest(REQUEST, DocumentType.INVOICE).draft().values();
        Document doc = CalculationEngine.withDefaults().calculate(draft, Entity.sampleSlovenian()).toBuilder()
                .id(DocumentId.parse("inv_1")).build();
        String json = InvoicingJson.writeDocument(doc);
        assertThat(json).contains("\"allowances\":[{\"amount\":20.50,\"percent\":10,\"base_amount\":205.00,"
                + "\"reason\":\"Loyalty\",\"reason_code\":\"95\",\"tax_rate\":22,\"tax_category\":\"S\"}]");
        assertThat(json).contains("\"charges\":[{\"amount\":7.50,\"reason\":\"Freight\"");
        assertThat(json).contains("\"total_allowances\":20.50,\"total_charges\":7.50");
        assertThat(json).contains("\"charges\":[{\"amount\":5.00,\"reason\":\"Packing\",\"reason_code\":\"ABL\"}]");
        Document back = InvoicingJson.readDocument(json);
        assertThat(back.allowances()).isEqualTo(doc.allowances());
        assertThat(back.charges()).isEqualTo(doc.charges());
        assertThat(back.totalAllowances()).isEqualTo(doc.totalAllowances());
        assertThat(back.totalCharges()).isEqualTo(doc.totalCharges());
        assertThat(back.items().get(0).charges()).isEqualTo(doc.items().get(0).charges());
        assertThat(InvoicingJson.writeCalculation(doc)).contains("\"total_allowances\":20.50");
    }

    @Test
    void writeDocument_withoutAllowances_writesNoneOfTheKeys() {
        Document doc = CalculationEngine.withDefaults().calculate(InvoicingJson.readRequest(
                "{\"items\": [{\"name\": \"Item\", \"quantity\": 1, \"price\": 1, \"taxes\": [{\"rate\": 22}]}]}",
                DocumentType.INVOICE).draft().values(), Entity.sampleSlovenian());
        assertThat(InvoicingJson.writeDocument(doc)).doesNotContain("allowances").doesNotContain("charges");
    }

    @Test
    void readRequest_badValues_nameEveryPath() {
        assertThatThrownBy(() -> InvoicingJson.readRequest("""
                {"items": [{"name": "I", "quantity": 1, "price": 1, "charges": [{"amount": "x", "colour": 1}]}],
                 "allowances": [{"tax_category": "Q"}], "charges": 3}""", DocumentType.INVOICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).contains("items[0].charges[0].amount",
                                "items[0].charges[0].colour", "allowances[0].tax_category", "charges"));
    }
}
