package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An update's fields are the field catalogue's patchable subset, taken directly as {@link DocumentField}s. */
class DocumentPatchCatalogueTest {
    @Test
    void builderSet_everyPatchableCatalogueField_isAcceptedAndListed() {
        DocumentPatch.Builder b = DocumentPatch.builder();
        for (DocumentField f : DocumentField.patchable()) {
            b.set(f, null);
        }
        assertThat(new ArrayList<>(b.build().fields())).isEqualTo(DocumentField.patchable());
    }

    @Test
    void builderSet_everyFieldNotPatchable_isNotUpdatable() {
        List<DocumentField> fixed = Arrays.stream(DocumentField.values()).filter(f -> !f.isPatchable()).toList();
        assertThat(fixed).isNotEmpty();
        for (DocumentField f : fixed) {
            assertThatThrownBy(() -> DocumentPatch.builder().set(f, null))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo(f.wireName());
                            assertThat(v.code()).isEqualTo("not_updatable");
                        });
                    });
        }
    }

    @Test
    void of_everyPatchableWireName_isAcceptedAndEveryOtherNameRefused() {
        List<String> patchable = DocumentField.patchable().stream().map(DocumentField::wireName).toList();
        DocumentPatch p = DocumentPatch.of(Fixtures.draft(DocumentType.INVOICE), patchable, null);
        assertThat(new ArrayList<>(p.fields())).isEqualTo(DocumentField.patchable());
        List<String> others = Arrays.stream(DocumentField.values()).filter(f -> !f.isPatchable())
                .map(DocumentField::wireName).toList();
        assertThatThrownBy(() -> DocumentPatch.of(Fixtures.draft(DocumentType.INVOICE), others, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path()).containsExactlyElementsOf(others));
    }

    @Test
    void set_listOfAnotherElementType_isRefusedAtEachElement() {
        // A line where a payment means belongs (found by PatchFuzzProperties as a ClassCastException on update).
        Object line = eu.invoicing.core.model.LineItem.builder().name("x").quantity("1").price("1").build();
        for (DocumentField f : List.of(DocumentField.PAYMENT_MEANS, DocumentField.PRECEDING_INVOICES,
                DocumentField.NOTES, DocumentField.ALLOWANCES, DocumentField.CHARGES)) {
            assertThatThrownBy(() -> DocumentPatch.builder().set(f, List.of(line)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.path() + " " + v.code())
                            .containsExactly(f.wireName() + "[0] invalid_type"));
        }
        assertThatThrownBy(() -> DocumentPatch.builder().set(DocumentField.ITEMS, List.of("text")))
                .isInstanceOf(ValidationException.class);
    }
}
