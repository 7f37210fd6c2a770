package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.testing.SharedFiles;
import eu.invoicing.core.version.DocumentVersion;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Behaviours of the reference API (issue 11) that the library ignored or refused: each test quotes the
 * reference's sentence or example it implements.
 */
class ReferenceFidelityTest {
    private final Invoicing invoicing = Fixtures.invoicing();
    private final EntityDocuments docs = invoicing.entity(Fixtures.entityA());

    /** The line item id prefixes one reference document shows, e.g. {@code adv_item_}. */
    private static Set<String> itemIdPrefixesIn(String referenceFile, String itemParentKey) {
        String text = SharedFiles.read("reference/" + referenceFile);
        // A line item is the object whose id is followed by its parent key or by the name of the line.
        Matcher m = Pattern.compile("\"id\": \"([a-z_]*item_)[^\"]*\",\\s*\"(" + itemParentKey
                + "|name)\"").matcher(text);
        Set<String> prefixes = new TreeSet<>();
        while (m.find()) {
            prefixes.add(m.group(1));
        }
        return prefixes;
    }

    // ------------------------------------------------------------------------------- line item ids

    @Test
    void create_lineItemIds_useTheKindsOwnPrefixAsTheReferenceShows() {
        // advance-invoices-api: "id": "adv_item_6595a27b5d35015c3ef0c402"; estimates-api:
        // "id": "est_item_6595a27b5d35015c3ef0c402"; credit-notes-api: "id": "item_abc123".
        assertThat(itemIdPrefixesIn("advance-invoices-api.txt", "advance_invoice_id")).containsExactly("adv_item_");
        assertThat(itemIdPrefixesIn("estimates-api.txt", "estimate_id")).containsExactly("est_item_");
        assertThat(itemIdPrefixesIn("credit-notes-api.txt", "credit_note_id")).containsExactly("item_");
        assertItemIds(DocumentType.ADVANCE_INVOICE, "adv_item_");
        assertItemIds(DocumentType.ESTIMATE, "est_item_");
        assertItemIds(DocumentType.CREDIT_NOTE, "item_");
        assertItemIds(DocumentType.INVOICE, "item_");
        assertItemIds(DocumentType.DELIVERY_NOTE, "del_item_");
    }

    private void assertItemIds(DocumentType type, String prefix) {
        Document d = docs.create(Fixtures.draft(type));
        assertThat(d.items()).isNotEmpty().allSatisfy(i -> assertThat(i.id()).matches(prefix + "[0-9a-f]{24}"));
    }

    @Test
    void convert_estimateToInvoice_givesTheLinesTheInvoicesPrefix() {
        Document est = docs.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
        Document inv = docs.convert(est.id(), DocumentType.INVOICE, true);
        assertThat(est.items()).allSatisfy(i -> assertThat(i.id()).startsWith("est_item_"));
        assertThat(inv.items()).allSatisfy(i -> assertThat(i.id()).matches("item_[0-9a-f]{24}"));
    }

    // ----------------------------------------------------------------------------------- changed_fields

    @Test
    void update_ofItems_listsOnlyItemsNotTheRecalculatedTotals() {
        // advance-invoices-api, versions: "reason": "Corrected prepayment breakdown" with
        // "changed_fields": ["items"] although the totals of that version follow from the new items.
        Document d = docs.create(Fixtures.draft(DocumentType.ADVANCE_INVOICE));
        docs.update(d.id(), DocumentPatch.builder().items(List.of(Fixtures.item("Deposit", "1500")))
                .changeReason("Corrected prepayment breakdown").build());
        DocumentVersion v = docs.versions(d.id()).versions().get(0);
        assertThat(v.changedFields()).containsExactly("items");
    }

    @Test
    void update_ofNoteAndItems_listsBoth_inWireOrder() {
        // advance-invoices-api: "changed_fields": ["note"] for "Added confirmation note".
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        docs.update(d.id(), DocumentPatch.builder().note("Added confirmation note").build());
        assertThat(docs.versions(d.id()).versions().get(0).changedFields()).containsExactly("note");
        docs.update(d.id(), DocumentPatch.builder().note("again").items(List.of(LineItem.builder().name("B")
                .quantity("3").price("7").tax("9.5").build())).build());
        assertThat(docs.versions(d.id()).versions().get(0).changedFields()).containsExactly("items", "note");
    }

    // ------------------------------------------------------------------------------------- estimates

    @Test
    void void_ofFinalEstimate_isAllowed_andAVoidedEstimateCannotBeUpdated() {
        // estimates-api: "Cannot update voided estimates."
        Document est = docs.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
        Document voided = docs.voidDocument(est.id(), "customer declined", null);
        assertThat(voided.voidedAt()).isEqualTo(Fixtures.NOW);
        assertThat(voided.number()).isEqualTo(est.number());
        assertThatThrownBy(() -> docs.update(est.id(), DocumentPatch.builder().note("x").build()))
                .isInstanceOfSatisfying(DocumentStateException.class,
                        e -> assertThat(e.rule()).isEqualTo(LifecycleRule.UPDATE_VOIDED_DOCUMENT));
        assertThatThrownBy(() -> docs.voidDocument(est.id(), null, null))
                .isInstanceOfSatisfying(DocumentStateException.class,
                        e -> assertThat(e.rule()).isEqualTo(LifecycleRule.VOID_ALREADY_VOIDED));
    }

    @Test
    void convert_ofVoidedEstimate_isRefused() {
        Document est = docs.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
        docs.voidDocument(est.id(), null, null);
        assertThatThrownBy(() -> docs.convert(est.id(), DocumentType.INVOICE, true))
                .isInstanceOfSatisfying(DocumentStateException.class,
                        e -> assertThat(e.rule()).isEqualTo(LifecycleRule.SOURCE_DOCUMENT_VOIDED));
        assertThat(docs.list(DocumentType.INVOICE, DocumentQuery.all()).data()).isEmpty();
    }

    @Test
    void void_ofDraftEstimate_isRefusedLikeAnyDraft() {
        Document est = docs.create(Fixtures.draft(DocumentType.ESTIMATE));
        assertThatThrownBy(() -> docs.voidDocument(est.id(), null, null))
                .isInstanceOfSatisfying(DocumentStateException.class,
                        e -> assertThat(e.rule()).isEqualTo(LifecycleRule.VOID_DRAFT));
    }

    @Test
    void deletePermanently_ofFinalEstimate_isReachableThroughTheTrash() {
        // credit-notes-api, DELETE /documents/{id}/permanent: "Only documents in the trash can be permanently
        // deleted. Only draft documents and estimates can be permanently deleted."
        Document est = docs.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
        assertThatThrownBy(() -> docs.deletePermanently(est.id()))
                .isInstanceOfSatisfying(DocumentStateException.class,
                        e -> assertThat(e.rule()).isEqualTo(LifecycleRule.PERMANENT_DELETE_TRASH_ONLY));
        Document trashed = docs.delete(est.id());
        assertThat(trashed.deletedAt()).isEqualTo(Fixtures.NOW);
        assertThat(docs.list(DocumentType.ESTIMATE, DocumentQuery.builder().deleted(true).build()).data())
                .extracting(Document::id).containsExactly(est.id());
        docs.deletePermanently(est.id());
        assertThatThrownBy(() -> docs.get(est.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void delete_ofVoidedEstimate_andRestore_work() {
        Document est = docs.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
        docs.voidDocument(est.id(), null, null);
        docs.delete(est.id());
        Document restored = docs.restore(est.id());
        assertThat(restored.isDeleted()).isFalse();
        assertThat(restored.isVoided()).isTrue();
    }

    @Test
    void delete_ofFinalInvoice_isStillRefused() {
        // "Finalized documents cannot be deleted - use void instead." (every kind but estimates)
        for (DocumentType type : List.of(DocumentType.INVOICE, DocumentType.ADVANCE_INVOICE,
                DocumentType.CREDIT_NOTE, DocumentType.DELIVERY_NOTE)) {
            Document d = docs.create(Fixtures.finalDoc(type));
            assertThatThrownBy(() -> docs.delete(d.id())).as(type.name())
                    .isInstanceOfSatisfying(DocumentStateException.class,
                            e -> assertThat(e.rule()).isEqualTo(LifecycleRule.DELETE_DRAFT_ONLY));
        }
    }
}
