package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input to lifecycle calls is a validation error naming the field, never a NullPointerException. */
class BadInputTest {
    private final EntityDocuments docs = Fixtures.invoicing().entity(Fixtures.entityA());

    @Test
    void createCreditNote_withANullItem_isValidationErrorNamingTheItem() {
        Document invoice = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertThatThrownBy(() -> docs.createCreditNote(invoice.id(), Arrays.asList(Fixtures.item("a", "1"),
                (LineItem) null), false)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).path()).isEqualTo("items[1]"));
        assertThat(docs.get(invoice.id())).isEqualTo(invoice);
    }

    @Test
    void markExported_withANullMark_isValidationErrorNamingIt() {
        Document invoice = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertThatThrownBy(() -> docs.markExported(Arrays.asList(new ExportMark(invoice.id(), "erp", null), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.path()).contains("invoices[1].document_id"));
        assertThat(docs.timeline(invoice.id())).hasSize(2);
        assertThat(docs.markExported(List.of(new ExportMark(invoice.id(), "erp", null)))).hasSize(1);
    }
}
