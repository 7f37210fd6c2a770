package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.query.DocumentQuery;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** One test per {@code LifecycleRule} (docs/lifecycle.md, "Errors and atomicity"): each refuses, names the rule, changes nothing. */
class LifecycleRulesTest {
    private final Invoicing invoicing = Fixtures.invoicing();
    private final EntityDocuments docs = invoicing.entity(Fixtures.entityA());

    private void assertRefused(DocumentId id, String rule, ThrowingCallable call) {
        Document before = docs.get(id);
        int events = docs.timeline(id).size();
        int versions = docs.versions(id).count();
        assertThatThrownBy(call).isInstanceOfSatisfying(DocumentStateException.class,
                e -> assertThat(e.rule().wireName()).isEqualTo(rule));
        assertThat(docs.get(id)).isEqualTo(before);
        assertThat(docs.timeline(id)).hasSize(events);
        assertThat(docs.versions(id).count()).isEqualTo(versions);
    }

    @Test
    void create_withoutDraftFlag_isFinalizedAtOnceWithNumberAndYear() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertThat(d.isDraft()).isFalse();
        assertThat(d.number()).isEqualTo("2026-00001");
        assertThat(d.dateYear()).isEqualTo(2026);
    }

    @Test
    void create_draft_hasNoNumber() {
        Document d = docs.create(Fixtures.draft(DocumentType.ESTIMATE));
        assertThat(d.isDraft()).isTrue();
        assertThat(d.number()).isNull();
        assertThat(d.id().value()).matches("est_[0-9a-f]{24}");
    }

    @Test
    void create_withoutItems_isRefusedAndStoresNothing() {
        DocumentDraft empty = DocumentDraft.builder(DocumentType.INVOICE).build();
        assertThatThrownBy(() -> docs.create(empty)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("items");
        assertThat(docs.list(DocumentType.INVOICE, DocumentQuery.all()).data()).isEmpty();
    }

    @Test
    void finalize_ofFinalDocument_isRefused() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertRefused(d.id(), "finalize_draft_only", () -> docs.finalizeDocument(d.id()));
    }

    @Test
    void finalize_ofTrashedDraft_isRefused() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        docs.delete(d.id());
        assertRefused(d.id(), "document_in_trash", () -> docs.finalizeDocument(d.id()));
    }

    @Test
    void update_ofVoidedDocument_isRefused() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        docs.voidDocument(d.id(), "duplicate", null);
        assertRefused(d.id(), "update_voided_document",
                () -> docs.update(d.id(), DocumentPatch.builder().note("x").build()));
    }

    @Test
    void update_ofFiscalizedInvoice_isRefused() {
        EntityDocuments furs = FiscalizationTest.fursEntity(invoicing);
        Document d = furs.create(Fixtures.draft(DocumentType.INVOICE));
        Document fiscal = furs.finalizeDocument(d.id(), FinalizeOptions.furs("PP1", "BLAG1"));
        assertThat(fiscal.furs().zoi()).isNotNull();
        Document before = furs.get(d.id());
        assertThatThrownBy(() -> furs.update(d.id(), DocumentPatch.builder().note("x").build()))
                .isInstanceOfSatisfying(DocumentStateException.class,
                        e -> assertThat(e.rule()).isEqualTo(LifecycleRule.UPDATE_FISCALIZED_DOCUMENT));
        assertThat(furs.get(d.id())).isEqualTo(before);
    }

    @Test
    void update_ofFinalNonFiscalInvoice_isAllowedAndVersioned() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document updated = docs.update(d.id(), DocumentPatch.builder().note("n").changeReason("typo").build());
        assertThat(updated.note()).isEqualTo("n");
        assertThat(docs.versions(d.id()).versions().get(0).reason()).isEqualTo("typo");
    }

    @Test
    void update_ofTrashedDocument_isRefused() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        docs.delete(d.id());
        assertRefused(d.id(), "document_in_trash", () -> docs.update(d.id(), DocumentPatch.builder().note("x").build()));
    }

    @Test
    void void_ofDeliveryNote_isRefused() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.DELIVERY_NOTE));
        assertRefused(d.id(), "void_kind_not_voidable", () -> docs.voidDocument(d.id(), null, null));
    }

    @Test
    void void_ofDraft_isRefused() {
        Document d = docs.create(Fixtures.draft(DocumentType.CREDIT_NOTE));
        assertRefused(d.id(), "void_draft", () -> docs.voidDocument(d.id(), null, null));
    }

    @Test
    void void_twice_isRefused() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        docs.voidDocument(d.id(), "error", true);
        assertRefused(d.id(), "void_already_voided", () -> docs.voidDocument(d.id(), null, null));
    }

    @Test
    void void_ofFinalInvoice_keepsNumberAndRecordsReason() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document v = docs.voidDocument(d.id(), "duplicate", Boolean.TRUE);
        assertThat(v.number()).isEqualTo(d.number());
        assertThat(v.voidedAt()).isEqualTo(Fixtures.NOW);
        assertThat(v.voidReason()).isEqualTo("duplicate");
        assertThat(v.hasOriginalDocument()).isTrue();
    }

    @Test
    void void_softDeletesOwnPaymentsAndRestoresDue() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        docs.addPayment(d.id(), payment("50.00"));
        Document v = docs.voidDocument(d.id(), null, null);
        assertThat(v.payments()).allMatch(p -> !p.isLive());
        assertThat(v.totalPaid()).isEqualByComparingTo("0");
        assertThat(v.totalDue()).isEqualByComparingTo(v.totalWithTax());
    }

    @Test
    void delete_ofFinalDocument_isRefused() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertRefused(d.id(), "delete_draft_only", () -> docs.delete(d.id()));
    }

    @Test
    void delete_ofDraft_movesToTrashAndListsOnlyThere() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        Document trashed = docs.delete(d.id());
        assertThat(trashed.deletedAt()).isEqualTo(Fixtures.NOW);
        assertThat(docs.list(DocumentType.INVOICE, DocumentQuery.all()).data()).isEmpty();
        assertThat(docs.list(DocumentType.INVOICE, DocumentQuery.builder().deleted(true).build()).data())
                .extracting(Document::id).containsExactly(d.id());
    }

    @Test
    void delete_twice_isRefused() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        docs.delete(d.id());
        assertRefused(d.id(), "document_in_trash", () -> docs.delete(d.id()));
    }

    @Test
    void restore_ofLiveDocument_isRefused() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertRefused(d.id(), "restore_trash_only", () -> docs.restore(d.id()));
    }

    @Test
    void restore_ofTrashedDocument_bringsItBack() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        docs.delete(d.id());
        assertThat(docs.restore(d.id()).isDeleted()).isFalse();
        assertThat(docs.list(DocumentType.INVOICE, DocumentQuery.all()).data()).hasSize(1);
    }

    @Test
    void deletePermanently_outsideTrash_isRefused() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertRefused(d.id(), "permanent_delete_trash_only", () -> docs.deletePermanently(d.id()));
    }

    @Test
    void deletePermanently_ofFinalInvoice_isRefused() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertRefused(d.id(), "permanent_delete_final_document", () -> docs.deletePermanently(d.id()));
    }

    @Test
    void deletePermanently_ofTrashedDraft_removesIt() {
        Document d = docs.create(Fixtures.draft(DocumentType.CREDIT_NOTE));
        docs.delete(d.id());
        docs.deletePermanently(d.id());
        assertThatThrownBy(() -> docs.get(d.id())).isInstanceOf(eu.invoicing.core.NotFoundException.class);
    }

    @Test
    void payment_onEstimate_isRefused() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
        assertRefused(d.id(), "payment_kind_not_payable", () -> docs.addPayment(d.id(), payment("1.00")));
    }

    @Test
    void payment_onVoidedInvoice_isRefused() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        docs.voidDocument(d.id(), null, null);
        assertRefused(d.id(), "payment_voided_document", () -> docs.addPayment(d.id(), payment("1.00")));
    }

    @Test
    void payment_withTooManyDecimals_isAValidationError() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertThatThrownBy(() -> docs.addPayment(d.id(), payment("1.001"))).isInstanceOf(ValidationException.class);
        assertThat(docs.get(d.id()).payments()).isEmpty();
    }

    @Test
    void payment_addAndDelete_updatesTotalsAndRefusesSecondDelete() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document paid = docs.addPayment(d.id(), payment("122.00"));
        assertThat(paid.paidInFull()).isTrue();
        assertThat(paid.totalDue()).isEqualByComparingTo("0");
        String pid = paid.payments().get(0).id();
        Document unpaid = docs.deletePayment(d.id(), pid);
        assertThat(unpaid.paidInFull()).isFalse();
        assertThat(unpaid.totalDue()).isEqualByComparingTo("122.00");
        assertRefused(d.id(), "payment_already_deleted", () -> docs.deletePayment(d.id(), pid));
    }

    @Test
    void convert_fromInvoice_isRefused() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertRefused(d.id(), "convert_kind_not_allowed", () -> docs.convert(d.id(), DocumentType.INVOICE, true));
    }

    @Test
    void creditNote_forDraftInvoice_isRefused() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertRefused(d.id(), "target_invoice_not_final", () -> docs.createCreditNote(d.id(), null, false));
    }

    @Test
    void applyAdvance_unpaid_isRefused() {
        Document adv = docs.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertRefused(adv.id(), "advance_not_paid", () -> docs.applyAdvance(adv.id(), inv.id()));
        assertThat(docs.get(inv.id()).payments()).isEmpty();
    }

    @Test
    void applyAdvance_twice_isRefused() {
        Document adv = docs.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        docs.addPayment(adv.id(), payment("122.00"));
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document inv2 = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        docs.applyAdvance(adv.id(), inv.id());
        assertRefused(adv.id(), "advance_already_applied", () -> docs.applyAdvance(adv.id(), inv2.id()));
        assertThat(docs.get(inv2.id()).payments()).isEmpty();
    }

    @Test
    void applyAdvance_toDraftInvoice_isRefused() {
        Document adv = docs.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        docs.addPayment(adv.id(), payment("122.00"));
        Document inv = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertRefused(inv.id(), "target_invoice_not_final", () -> docs.applyAdvance(adv.id(), inv.id()));
    }

    @Test
    void retryFiscalization_ofNotFailedDocument_isRefused() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertRefused(d.id(), "fiscalize_retry_failed_only", () -> docs.retryFiscalization(d.id()));
    }

    @Test
    void share_ofTrashedDocument_isRefused() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        docs.delete(d.id());
        assertRefused(d.id(), "document_in_trash", () -> docs.share(d.id()));
    }

    @Test
    void timeline_recordsEveryChangeWithTimeUserAndNote() {
        EntityDocuments asAlice = docs.as(new eu.invoicing.core.version.User("u1", "Alice", "a@x.si"));
        Document d = asAlice.create(Fixtures.draft(DocumentType.INVOICE));
        asAlice.update(d.id(), DocumentPatch.builder().note("n").changeReason("why").build());
        asAlice.finalizeDocument(d.id());
        asAlice.share(d.id());
        asAlice.unshare(d.id());
        asAlice.addPayment(d.id(), payment("10.00"));
        asAlice.markExported(List.of(new ExportMark(d.id(), "erp", "batch 7")));
        asAlice.voidDocument(d.id(), "wrong customer", null);
        assertThat(asAlice.timeline(d.id())).extracting(e -> e.type().wireValue()).containsExactly("created",
                "updated", "finalized", "shared", "unshared", "paid", "exported", "voided");
        assertThat(asAlice.timeline(d.id())).allSatisfy(e -> {
            assertThat(e.at()).isEqualTo(Fixtures.NOW);
            assertThat(e.user().name()).isEqualTo("Alice");
        });
        assertThat(asAlice.timeline(d.id()).get(6).note()).isEqualTo("erp: batch 7");
        assertThat(asAlice.timeline(d.id()).get(7).note()).isEqualTo("wrong customer");
    }

    @Test
    void ids_ofAnotherKindOrMalformed_areValidationErrors() {
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertThatThrownBy(() -> DocumentId.parse("xyz_000000000000000000000001"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DocumentId.parse(inv.id().value(), DocumentType.ESTIMATE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("est_");
        assertThatThrownBy(() -> docs.applyAdvance(inv.id(), inv.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("adv_");
        assertThat(inv.id().type()).isEqualTo(DocumentType.INVOICE);
    }

    @Test
    void storeFailure_isWrappedAsSpiExceptionAndNothingChanges() {
        eu.invoicing.core.memory.InMemoryTransactor tx = new eu.invoicing.core.memory.InMemoryTransactor();
        ConcurrentFinalizeTest.FlakyStore store = new ConcurrentFinalizeTest.FlakyStore(
                new eu.invoicing.core.memory.InMemoryDocumentStore(tx));
        EntityDocuments flaky = Invoicing.builder().clock(Fixtures.clock()).transactor(tx).store(store)
                .sequencer(new eu.invoicing.core.memory.InMemoryNumberSequencer(tx)).build()
                .entity(Fixtures.entityA());
        Document d = flaky.create(Fixtures.draft(DocumentType.INVOICE));
        store.failing.set(true);
        store.saves.set(6);
        assertThatThrownBy(() -> flaky.finalizeDocument(d.id())).isInstanceOf(eu.invoicing.core.SpiException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        store.failing.set(false);
        assertThat(flaky.get(d.id())).isEqualTo(d);
        assertThat(flaky.timeline(d.id())).hasSize(1);
        assertThat(flaky.nextNumber(DocumentType.INVOICE, null, null, null).number()).isEqualTo("2026-00001");
    }

    static Payment payment(String amount) {
        return new Payment(null, null, new BigDecimal(amount), PaymentType.BANK_TRANSFER, null, null, null, null,
                null, null);
    }
}
