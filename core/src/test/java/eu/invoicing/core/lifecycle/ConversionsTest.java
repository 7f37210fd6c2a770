package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.model.RelationType;
import eu.invoicing.core.query.DocumentQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conversions and links, with both sides' relations and the payments they make. */
class ConversionsTest {
    private final EntityDocuments docs = Fixtures.invoicing().entity(Fixtures.entityA());

    private static DocumentRelation only(Document d) {
        assertThat(d.documentRelations()).hasSize(1);
        return d.documentRelations().get(0);
    }

    @Test
    void convert_estimateToInvoice_linksBothSidesAndCopiesItems() {
        Document est = docs.create(Fixtures.draftFor(DocumentType.ESTIMATE, "Acme", "250"));
        Document inv = docs.convert(est.id(), DocumentType.INVOICE, false);
        assertThat(inv.type()).isEqualTo(DocumentType.INVOICE);
        assertThat(inv.number()).isEqualTo("2026-00001");
        assertThat(inv.customer().name()).isEqualTo("Acme");
        assertThat(inv.totalWithTax()).isEqualByComparingTo("305.00");
        assertThat(inv.items().get(0).id()).isNotEqualTo(est.items().get(0).id());
        DocumentRelation forward = only(inv);
        assertThat(forward.relationType()).isEqualTo(RelationType.CONVERTED_FROM);
        assertThat(forward.targetId()).isEqualTo(est.id());
        DocumentRelation back = only(docs.get(est.id()));
        assertThat(back.relationType()).isEqualTo(RelationType.CONVERTED_TO);
        assertThat(back.targetId()).isEqualTo(inv.id());
        assertThat(back.targetNumber()).isEqualTo("2026-00001");
        assertThat(back.targetType()).isEqualTo(DocumentType.INVOICE);
    }

    @Test
    void convert_estimateToAdvanceDraft_thenFinalize_updatesTheNumberOnTheEstimate() {
        Document est = docs.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
        Document adv = docs.convert(est.id(), DocumentType.ADVANCE_INVOICE, true);
        assertThat(only(docs.get(est.id())).targetNumber()).isNull();
        Document fin = docs.finalizeDocument(adv.id());
        assertThat(only(docs.get(est.id())).targetNumber()).isEqualTo(fin.number());
    }

    @Test
    void creditNote_forFinalInvoice_isAppliedAsCreditNotePayment() {
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document cn = docs.createCreditNote(inv.id(), null, false);
        assertThat(cn.reference()).isEqualTo(inv.number());
        assertThat(only(cn).relationType()).isEqualTo(RelationType.CREDIT_FOR);
        Document after = docs.get(inv.id());
        assertThat(only(after).relationType()).isEqualTo(RelationType.HAS_CREDIT);
        Payment p = after.payments().get(0);
        assertThat(p.type()).isEqualTo(PaymentType.CREDIT_NOTE);
        assertThat(p.sourceDocumentId()).isEqualTo(cn.id());
        assertThat(p.amount()).isEqualByComparingTo("122.00");
        assertThat(after.paidInFull()).isTrue();
        assertThat(after.totalDue()).isEqualByComparingTo("0");
    }

    @Test
    void creditNote_draft_isAppliedOnlyWhenFinalized() {
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document cn = docs.createCreditNote(inv.id(), List.of(Fixtures.item("Partial", "50")), true);
        assertThat(docs.get(inv.id()).payments()).isEmpty();
        docs.finalizeDocument(cn.id());
        Document after = docs.get(inv.id());
        assertThat(after.totalPaid()).isEqualByComparingTo("61.00");
        assertThat(after.totalDue()).isEqualByComparingTo("61.00");
    }

    @Test
    void void_ofAppliedCreditNote_softDeletesItsPaymentAndRestoresInvoiceDue() {
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document cn = docs.createCreditNote(inv.id(), null, false);
        docs.voidDocument(cn.id(), "wrong", null);
        Document after = docs.get(inv.id());
        assertThat(after.payments()).hasSize(1).allMatch(p -> !p.isLive());
        assertThat(after.totalPaid()).isEqualByComparingTo("0");
        assertThat(after.totalDue()).isEqualByComparingTo("122.00");
        assertThat(after.paidInFull()).isFalse();
        assertThat(docs.timeline(inv.id()).get(docs.timeline(inv.id()).size() - 1).note()).contains("reversed");
    }

    @Test
    void applyAdvance_paidAdvance_isAdvancePaymentOnTheInvoiceWithRelations() {
        Document adv = docs.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        docs.addPayment(adv.id(), LifecycleRulesTest.payment("122.00"));
        Document inv = docs.create(DocumentDraft.builder(DocumentType.INVOICE).draft(false)
                .item(Fixtures.item("Project", "300")).build());
        Document after = docs.applyAdvance(adv.id(), inv.id());
        Payment p = after.payments().get(0);
        assertThat(p.type()).isEqualTo(PaymentType.ADVANCE);
        assertThat(p.amount()).isEqualByComparingTo("122.00");
        assertThat(after.totalDue()).isEqualByComparingTo("244.00");
        assertThat(only(after).relationType()).isEqualTo(RelationType.ADVANCE_APPLIED);
        assertThat(only(docs.get(adv.id())).relationType()).isEqualTo(RelationType.APPLIED_TO);
        assertThat(only(docs.get(adv.id())).targetNumber()).isEqualTo(inv.number());
    }

    @Test
    void void_ofAppliedAdvance_reversesTheAdvancePayment() {
        Document adv = docs.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        docs.addPayment(adv.id(), LifecycleRulesTest.payment("122.00"));
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        docs.applyAdvance(adv.id(), inv.id());
        docs.voidDocument(adv.id(), null, null);
        assertThat(docs.get(inv.id()).totalPaid()).isEqualByComparingTo("0");
    }

    @Test
    void deliveryNote_forInvoice_linksBothSidesAndHidesPricesByEntityDefault() {
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document del = docs.createDeliveryNote(inv.id(), false);
        assertThat(del.type()).isEqualTo(DocumentType.DELIVERY_NOTE);
        assertThat(((eu.invoicing.core.model.DeliveryNote) del).hidePrices()).isFalse();
        assertThat(only(del).relationType()).isEqualTo(RelationType.DELIVERED_FOR);
        assertThat(only(docs.get(inv.id())).relationType()).isEqualTo(RelationType.HAS_DELIVERY);
    }

    @Test
    void deletePermanently_ofLinkedDraft_removesTheOtherSidesRelation() {
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document del = docs.createDeliveryNote(inv.id(), true);
        docs.delete(del.id());
        docs.deletePermanently(del.id());
        assertThat(docs.get(inv.id()).documentRelations()).isEmpty();
    }

    @Test
    void list_filtersOnRelationsWhenIncluded() {
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        docs.createCreditNote(inv.id(), null, false);
        docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        var page = docs.list(DocumentType.INVOICE, DocumentQuery.builder()
                .query("{\"document_relations.relation_type\": \"has_credit\"}").include(List.of("payments"))
                .build());
        assertThat(page.data()).extracting(Document::id).containsExactly(inv.id());
        assertThat(page.data().get(0).payments()).hasSize(1);
        assertThat(page.data().get(0).documentRelations()).isEmpty();
    }
}
