package eu.invoicing.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.DocumentField;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The query's top-level single-valued fields are the catalogue's queryable subset. */
class DocumentFieldsCatalogueTest {
    @Test
    void allowedFields_topLevelSortableOnes_areTheCataloguesQueryableSubset() {
        Set<String> topLevel = new LinkedHashSet<>();
        for (String name : DocumentFields.allowedFields()) {
            if (DocumentField.ofWireName(name) != null && DocumentFields.isSortable(name)) {
                topLevel.add(name);
            }
        }
        assertThat(topLevel).containsExactlyInAnyOrderElementsOf(
                DocumentField.queryable().stream().map(DocumentField::wireName).toList());
    }

    @Test
    void typeOf_queryableField_followsTheCataloguesValueType() {
        for (DocumentField f : DocumentField.queryable()) {
            assertThat(DocumentFields.typeOf(f.wireName())).as(f.wireName()).isEqualTo(DocumentFields.typeOf(f));
        }
        assertThat(DocumentFields.typeOf("id")).isEqualTo(FieldType.STRING);
        assertThat(DocumentFields.typeOf("total")).isEqualTo(FieldType.DECIMAL);
        assertThat(DocumentFields.typeOf("voided_at")).isEqualTo(FieldType.INSTANT);
        assertThat(DocumentFields.typeOf("paid_in_full")).isEqualTo(FieldType.BOOLEAN);
        assertThat(DocumentFields.typeOf("date_valid_till")).isEqualTo(FieldType.DATE);
    }

    @Test
    void allowedFields_referenceOrder_isKept() {
        assertThat(DocumentFields.allowedFields()).containsExactly("id", "number", "date", "customer",
                "customer.name", "customer.email", "customer.address", "customer.city", "customer.country", "total",
                "total_with_tax", "items.name", "items.description", "payments.type", "payments.date",
                "document_relations.relation_type", "document_relations.target_type", "metadata", "created_at",
                "updated_at", "paid_in_full", "voided_at", "total_paid", "date_due", "date_valid_till");
    }
}
