package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON key tables come from the field catalogue and its wire mapping. */
class DocumentWireFieldsTest {
    @Test
    void wireMapping_everyCatalogueField_isMappedOnce() {
        List<DocumentField> mapped = new ArrayList<>();
        for (DocumentWireFields.Entry<?> e : DocumentWireFields.writeOrder()) {
            mapped.add(e.field);
            assertThat(e.key).isEqualTo(e.field.wireName());
        }
        assertThat(mapped).containsExactlyInAnyOrder(DocumentField.values());
        assertThat(DocumentWireFields.readOrderList()).hasSameSizeAs(mapped);
        for (DocumentField f : DocumentField.values()) {
            assertThat(DocumentWireFields.of(f)).as(f.wireName()).isNotNull();
        }
    }

    @Test
    void requestValues_areTheFieldsNotServerOwned_exceptTheEslogOutcome() {
        for (DocumentWireFields.Entry<?> e : DocumentWireFields.writeOrder()) {
            boolean expected = !e.field.isServerOwned() && e.field != DocumentField.ESLOG;
            assertThat(e.isRequestValue()).as(e.key).isEqualTo(expected);
        }
    }

    @Test
    void nullWritten_perKind_isTheReferencesKeySet() {
        Set<String> credit = keys("id", "number", "date", "date_service", "date_service_to", "issuer", "customer_id",
                "customer", "note", "total", "total_with_tax", "taxes", "currency_code", "entity_id", "date_year",
                "shareable_id", "voided_at", "deleted_at", "metadata", "exchange_rate", "total_converted",
                "total_with_tax_converted", "total_paid", "total_due", "paid_in_full", "furs", "fina", "payment_terms",
                "items", "created_at", "updated_at");
        Set<String> invoice = new LinkedHashSet<>(credit);
        invoice.addAll(List.of("date_due", "rounding_correction", "transaction_type", "vies", "tax_clause"));
        assertThat(DocumentWireFields.nullWritten(DocumentType.CREDIT_NOTE)).containsExactlyInAnyOrderElementsOf(credit);
        assertThat(DocumentWireFields.nullWritten(DocumentType.INVOICE)).containsExactlyInAnyOrderElementsOf(invoice);
        assertThat(DocumentWireFields.nullWritten(DocumentType.ESTIMATE)).containsExactlyInAnyOrderElementsOf(keys(
                "id", "entity_id", "number", "date", "currency_code", "issuer", "customer_id", "customer", "items",
                "note", "total", "total_with_tax", "total_converted", "total_with_tax_converted", "shareable_id",
                "taxes", "date_year", "metadata", "created_at", "updated_at", "voided_at", "exchange_rate",
                "rounding_correction", "transaction_type", "vies", "tax_clause", "payment_terms", "date_valid_till"));
        assertThat(DocumentWireFields.nullWritten(DocumentType.ADVANCE_INVOICE)).containsExactlyInAnyOrderElementsOf(
                keys("id", "entity_id", "number", "date", "currency_code", "issuer", "customer_id", "customer",
                        "items", "note", "total", "total_with_tax", "total_converted", "total_with_tax_converted",
                        "shareable_id", "taxes", "date_year", "metadata", "created_at", "updated_at", "voided_at",
                        "exchange_rate", "rounding_correction", "transaction_type", "vies", "tax_clause", "date_due",
                        "total_paid", "total_due", "paid_in_full", "furs"));
        assertThat(DocumentWireFields.nullWritten(DocumentType.DELIVERY_NOTE)).containsExactlyInAnyOrderElementsOf(
                keys("id", "entity_id", "number", "date", "currency_code", "issuer", "customer_id", "customer",
                        "items", "note", "total", "total_with_tax", "taxes", "date_year", "metadata", "created_at",
                        "updated_at", "voided_at", "deleted_at", "shareable_id", "transaction_type", "date_service",
                        "hide_prices"));
    }

    @Test
    void acceptedKeys_ofAKind_areTheCatalogueFieldsItCarries() {
        for (DocumentType t : DocumentType.values()) {
            List<String> carried = Arrays.stream(DocumentField.values()).filter(f -> f.carriers().contains(t))
                    .map(DocumentField::wireName).toList();
            assertThat(DocumentWireFields.acceptedKeys(t)).containsExactlyInAnyOrderElementsOf(carried);
        }
        assertThat(DocumentWireFields.acceptedKeys(DocumentType.INVOICE)).doesNotContain("date_valid_till",
                "hide_prices");
    }

    private static Set<String> keys(String... k) {
        return new LinkedHashSet<>(List.of(k));
    }
}
