package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.version.DocumentVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line's owning document id, a version's document id: typed {@link DocumentId}s, parsed where read. */
class LineItemDocumentIdTest {
    private static final String ID = "inv_6595a27b5d35015c3ef0c3fe";

    private static String stored(String parent) {
        return "{\"id\":\"" + ID + "\",\"items\":[{\"id\":\"item_1\",\"invoice_id\":" + parent
                + ",\"name\":\"x\",\"quantity\":1,\"price\":1}]}";
    }

    @Test
    void readDocument_lineParentId_isTheTypedIdAndWrittenBackAsItsText() {
        Document d = InvoicingJson.readDocument(stored("\"" + ID + "\""));
        assertThat(d.items().get(0).documentId()).isEqualTo(DocumentId.parse(ID));
        assertThat(InvoicingJson.writeDocument(d)).contains("\"invoice_id\":\"" + ID + "\"");
    }

    @Test
    void readDocument_malformedLineParentId_isAnInvalidIdAtItsPath() {
        assertThatThrownBy(() -> InvoicingJson.readDocument(stored("\"inv_\"")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(tuple("items[0].invoice_id", "invalid_id")));
    }

    @Test
    void readDocument_lineParentIdOfAnotherKind_isAWrongDocumentType() {
        assertThatThrownBy(() -> InvoicingJson.readDocument(stored("\"est_6595a27b5d35015c3ef0c3fe\"")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(tuple("items[0].invoice_id", "wrong_document_type")));
    }

    @Test
    void documentVersion_idOfAnotherKindThanItsType_isRefused() {
        Document snapshot = Document.builder(DocumentType.INVOICE).build();
        assertThatThrownBy(() -> new DocumentVersion("ver_1", DocumentType.ESTIMATE, DocumentId.parse(ID), 1,
                snapshot, List.of(), null, null, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DocumentVersion("ver_1", DocumentType.INVOICE, DocumentId.parse(ID), 1, snapshot, List.of(),
                null, null, Instant.EPOCH).documentId().value()).isEqualTo(ID);
    }
}
