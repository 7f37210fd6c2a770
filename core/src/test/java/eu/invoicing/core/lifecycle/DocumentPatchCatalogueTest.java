package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.DocumentField;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** An update's fields are the field catalogue's patchable subset. */
class DocumentPatchCatalogueTest {
    @Test
    void field_constants_areTheCataloguesPatchableSubsetInOrder() {
        assertThat(Arrays.stream(DocumentPatch.Field.values()).map(DocumentPatch.Field::field).toList())
                .isEqualTo(DocumentField.patchable());
    }

    @Test
    void field_wireNameAndType_comeFromTheCatalogue() {
        for (DocumentPatch.Field f : DocumentPatch.Field.values()) {
            assertThat(f.wireName()).isEqualTo(f.field().wireName());
            assertThat(f.valueType()).isEqualTo(f.field().valueType());
            assertThat(f.name()).isEqualTo(f.field().name());
        }
    }
}
