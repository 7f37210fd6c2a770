package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.FursData;
import org.junit.jupiter.api.Test;

/** Create and update requests cannot carry what only the library sets (fiscal outcome, trash, payment ids). */
class RequestServerOwnedFieldsTest {
    private static final String ITEMS = "\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1}]";

    @Test
    void readRequest_serverOwnedFields_refusedAsReadOnlyEveryOneAtOnce() {
        String json = "{" + ITEMS + ",\"furs\":{\"business_premise_name\":\"PP1\",\"electronic_device_name\":\"B1\","
                + "\"zoi\":\"0123456789abcdef0123456789abcdef\",\"eor\":\"forged\",\"status\":\"success\"},"
                + "\"fina\":{\"jir\":\"x\"},\"vies\":{\"vat_number\":\"DE1\",\"status\":\"valid\"},"
                + "\"eslog\":{\"validation_status\":\"valid\"},\"deleted_at\":\"2026-01-01\","
                + "\"has_original_document\":true,\"number\":\"2026-00001\",\"voided_at\":\"2026-01-01\","
                + "\"shareable_id\":\"tok\",\"document_relations\":[],\"id\":\"inv_6595a27b5d35015c3ef0c3fe\","
                + "\"payments\":[{\"id\":\"pay_1\",\"amount\":1,\"deleted_at\":\"2026-01-01\","
                + "\"source_document_id\":\"cre_6595a27b5d35015c3ef0c3fe\"}]}";
        assertThatThrownBy(() -> InvoicingJson.readRequest(json, DocumentType.INVOICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder("furs.zoi",
                            "furs.eor", "furs.status", "fina.jir", "vies", "eslog.validation_status", "deleted_at",
                            "has_original_document", "voided_at", "shareable_id", "document_relations",
                            "id", "payments[0].id", "payments[0].deleted_at", "payments[0].source_document_id");
                    assertThat(e.violations()).extracting(Violation::code).containsOnly("read_only");
                });
    }

    @Test
    void readRequest_fieldsTheLibraryAssignsOrRecalculates_areReadForPreviews() {
        DocumentRequest r = InvoicingJson.readRequest("{" + ITEMS + ",\"number\":\"2026-00001\","
                + "\"transaction_type\":\"domestic\",\"total_paid\":5}", DocumentType.INVOICE);
        assertThat(r.draft().values().number()).isEqualTo("2026-00001");
    }

    @Test
    void readRequest_fursAndFinaRequestOptions_areKept() {
        DocumentRequest r = InvoicingJson.readRequest("{" + ITEMS + ",\"furs\":{\"business_premise_name\":\"PP1\","
                + "\"electronic_device_name\":\"B1\",\"operator_tax_number\":\"12345678\"}}", DocumentType.INVOICE);
        FursData furs = r.draft().values().furs();
        assertThat(furs.businessPremiseName()).isEqualTo("PP1");
        assertThat(furs.electronicDeviceName()).isEqualTo("B1");
        assertThat(furs.operatorTaxNumber()).isEqualTo("12345678");
        assertThat(furs.status()).isNull();
        assertThat(furs.zoi()).isNull();
        var fina = InvoicingJson.readRequest("{" + ITEMS + ",\"fina\":{\"business_premise_name\":\"PP1\","
                + "\"electronic_device_name\":\"1\",\"payment_type\":\"card\"}}", DocumentType.INVOICE).draft().values().fina();
        assertThat(fina.paymentMethod()).isEqualTo("card");
    }

    @Test
    void readRequest_serverOwnedFieldsExplicitlyNull_areAccepted() {
        DocumentRequest r = InvoicingJson.readRequest("{" + ITEMS + ",\"furs\":null,\"fina\":null,\"vies\":null,"
                + "\"deleted_at\":null,\"number\":null}", DocumentType.INVOICE);
        assertThat(r.draft().values().furs()).isNull();
    }

    @Test
    void readRequest_paymentWithoutServerFields_isKept() {
        DocumentRequest r = InvoicingJson.readRequest("{" + ITEMS + ",\"payments\":[{\"amount\":1,\"type\":\"cash\","
                + "\"date\":\"2026-01-02\",\"reference\":\"r\",\"note\":\"n\"}]}", DocumentType.INVOICE);
        assertThat(r.draft().values().payments()).hasSize(1);
        assertThat(r.draft().values().payments().get(0).id()).isNull();
    }

    @Test
    void readDocument_storedDocumentWithServerFields_readsThem() {
        var d = InvoicingJson.readDocument("{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"number\":\"1\","
                + "\"furs\":{\"zoi\":\"z\",\"status\":\"success\"},\"deleted_at\":\"2026-01-01\"}");
        assertThat(d.furs().zoi()).isEqualTo("z");
        assertThat(d.isDeleted()).isTrue();
    }
}
