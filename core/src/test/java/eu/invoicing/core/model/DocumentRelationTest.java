package eu.invoicing.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentRelationTest {
    @Test
    void new_targetIdOfAnotherKindThanTargetType_isRefused() {
        assertThatThrownBy(() -> new DocumentRelation(RelationType.HAS_CREDIT, DocumentId.parse("inv_1"),
                DocumentType.CREDIT_NOTE, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inv_1");
    }

    @Test
    void new_targetIdOfTheTargetType_keepsTheTypedId() {
        DocumentRelation r = new DocumentRelation(RelationType.HAS_CREDIT, DocumentId.parse("cre_1"),
                DocumentType.CREDIT_NOTE, null, null);
        assertThat(r.targetId()).isEqualTo(new DocumentId(DocumentType.CREDIT_NOTE, "cre_1"));
    }
}
