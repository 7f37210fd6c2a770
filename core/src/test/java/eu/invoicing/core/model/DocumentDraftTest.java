package eu.invoicing.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request's draft cannot carry what only the library sets. */
class DocumentDraftTest {
    private static final Instant T = Instant.parse("2026-03-15T10:00:00Z");

    private static Document stored() {
        DocumentId id = DocumentId.parse("inv_6595a27b5d35015c3ef0c3fe");
        return Document.builder(DocumentType.INVOICE).id(id).entityId("ent_1").number("2026-1").draft(false)
                .note("n").item(LineItem.builder().id("item_1").documentId(id).name("x").quantity("1")
                        .price("1").createdAt(T).build())
                .payments(List.of(Payment.builder().id("pay_1").documentId(id).amount(BigDecimal.ONE).createdAt(T)
                        .deletedAt(T).build()))
                .documentRelations(List.of(new DocumentRelation(RelationType.LINKED,
                        DocumentId.parse("inv_6595a27b5d35015c3ef0c3ff"), DocumentType.INVOICE, null, T)))
                .shareableId("tok").voidedAt(T).voidReason("r").hasOriginalDocument(true).deletedAt(T).createdAt(T)
                .updatedAt(T).vies(new ViesCheck("SI1", "SI", VatCheckStatus.VALID, null, null, T))
                .furs(new FursData("PP1", "B1", "C", "7", "123", T, "zoi", "eor", "bar", FiscalStatus.SUCCESS, null))
                .eslog(new EslogValidation(EslogValidationStatus.VALID, List.of(), T)).build();
    }

    private static boolean absent(Object v) {
        return v == null || v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty();
    }

    @Test
    void from_storedDocument_keepsNoServerOwnedField() {
        Document values = DocumentDraft.from(stored()).values();
        for (DocumentField f : DocumentField.values()) {
            if (f.isServerOwned()) {
                assertThat(absent(f.get(values))).as(f.wireName()).isTrue();
            }
        }
        assertThat(values.eslog()).isNull();
        assertThat(values.note()).isEqualTo("n");
        assertThat(values.number()).isEqualTo("2026-1");
    }

    @Test
    void from_storedDocument_keepsOnlyTheRequestPartsOfLinesPaymentsAndFiscalData() {
        Document values = DocumentDraft.from(stored()).values();
        LineItem line = values.items().get(0);
        assertThat(line.id()).isNull();
        assertThat(line.documentId()).isNull();
        assertThat(line.createdAt()).isNull();
        Payment p = values.payments().get(0);
        assertThat(p.id()).isNull();
        assertThat(p.deletedAt()).isNull();
        assertThat(p.documentId()).isNull();
        assertThat(values.furs()).isEqualTo(new FursData("PP1", "B1", null, null, "123", null, null, null, null, null,
                null));
    }

    @Test
    void builder_requestValues_areKeptAsGiven() {
        FinaData fina = new FinaData("PP1", "1", null, null, "123", "card", null, null, null, null, null);
        DocumentDraft d = DocumentDraft.builder(DocumentType.ESTIMATE).draft(false).note("x").fina(fina)
                .dateValidTill(java.time.LocalDate.of(2026, 4, 1)).build();
        assertThat(d.type()).isEqualTo(DocumentType.ESTIMATE);
        assertThat(d.isDraft()).isFalse();
        assertThat(d.values().fina()).isSameAs(fina);
        assertThat(((Estimate) d.values()).dateValidTill()).isEqualTo("2026-04-01");
        assertThat(d.toBuilder().build()).isEqualTo(d);
        assertThat(d.values().id()).isNull();
    }
}
