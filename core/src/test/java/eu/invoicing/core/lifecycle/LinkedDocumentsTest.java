package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.model.RelationType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code linked_documents} on create and update. Reference (advance-invoices-api): "When payment is received,
 * the advance can be linked to a final invoice to apply the prepaid amount." Spec (lifecycle.md): "a paid advance
 * invoice → final invoice ({@code advance_applied} / {@code applied_to}), applied as a payment of type
 * {@code advance}"; "a credit note applies to its invoice as a payment of type {@code credit_note}".
 */
class LinkedDocumentsTest {
    private final Invoicing invoicing = Fixtures.invoicing();
    private final EntityDocuments docs = invoicing.entity(Fixtures.entityA());

    private static DocumentRequest linking(DocumentDraft draft, Document... targets) {
        return new DocumentRequest(draft, null, java.util.Arrays.stream(targets).map(t -> t.id().value()).toList(),
                null);
    }

    private Document paidAdvance() {
        Document adv = docs.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        return docs.addPayment(adv.id(), LifecycleRulesTest.payment("122.00"));
    }

    private static DocumentRelation only(Document d) {
        assertThat(d.documentRelations()).hasSize(1);
        return d.documentRelations().get(0);
    }

    @Test
    void create_finalInvoiceLinkingPaidAdvance_appliesItAsAdvancePayment() {
        Document adv = paidAdvance();
        Document inv = docs.create(linking(DocumentDraft.builder(DocumentType.INVOICE).draft(false)
                .item(Fixtures.item("Project", "300")).build(), adv));
        Payment p = inv.payments().get(0);
        assertThat(p.type()).isEqualTo(PaymentType.ADVANCE);
        assertThat(p.amount()).isEqualByComparingTo("122.00");
        assertThat(p.sourceDocumentId()).isEqualTo(adv.id());
        assertThat(inv.totalDue()).isEqualByComparingTo("244.00");
        assertThat(only(inv).relationType()).isEqualTo(RelationType.ADVANCE_APPLIED);
        assertThat(only(docs.get(adv.id())).relationType()).isEqualTo(RelationType.APPLIED_TO);
        assertThat(docs.get(inv.id()).payments()).hasSize(1);
    }

    @Test
    void create_draftInvoiceLinkingPaidAdvance_appliesItWhenFinalized() {
        Document adv = paidAdvance();
        Document draft = docs.create(linking(Fixtures.draft(DocumentType.INVOICE), adv));
        assertThat(draft.payments()).isEmpty();
        assertThat(only(draft).relationType()).isEqualTo(RelationType.ADVANCE_APPLIED);
        Document done = docs.finalizeDocument(draft.id());
        assertThat(done.payments()).singleElement().extracting(Payment::type).isEqualTo(PaymentType.ADVANCE);
        assertThat(done.paidInFull()).isTrue();
        assertThat(only(docs.get(adv.id())).targetNumber()).isEqualTo(done.number());
    }

    @Test
    void create_creditNoteLinkingFinalInvoice_appliesItAsCreditNotePayment() {
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document cre = docs.create(linking(Fixtures.finalDoc(DocumentType.CREDIT_NOTE), inv));
        assertThat(only(cre).relationType()).isEqualTo(RelationType.CREDIT_FOR);
        Document credited = docs.get(inv.id());
        assertThat(only(credited).relationType()).isEqualTo(RelationType.HAS_CREDIT);
        assertThat(credited.payments()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(PaymentType.CREDIT_NOTE);
            assertThat(p.amount()).isEqualByComparingTo("122.00");
        });
        assertThat(credited.paidInFull()).isTrue();
    }

    @Test
    void create_linkingUnpaidAdvance_isRefusedWithTheReason() {
        Document adv = docs.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        assertThatThrownBy(() -> docs.create(linking(Fixtures.finalDoc(DocumentType.INVOICE), adv)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo("linked_documents[0]");
                            assertThat(v.code()).isEqualTo("advance_not_paid");
                            assertThat(v.message()).contains("not paid in full");
                        }));
        assertThat(docs.get(adv.id()).documentRelations()).isEmpty();
    }

    @Test
    void create_linkingDraftAndVoidedAdvances_refusesEachWithItsReason() {
        Document draftAdvance = docs.create(Fixtures.draft(DocumentType.ADVANCE_INVOICE));
        Document voided = paidAdvance();
        docs.voidDocument(voided.id(), "mistake", null);
        assertThatThrownBy(() -> docs.create(linking(Fixtures.finalDoc(DocumentType.INVOICE), draftAdvance, voided)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("linked_documents[0]", "advance_not_paid"),
                            org.assertj.core.groups.Tuple.tuple("linked_documents[1]", "advance_not_paid"));
                    assertThat(e.violations().get(0).message()).contains("is a draft");
                    assertThat(e.violations().get(1).message()).contains("is voided");
                });
    }

    @Test
    void create_linkingAnotherEntitysAdvance_isNotFoundAndChangesNothing() {
        Document foreign = invoicing.entity(Fixtures.entityB()).create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        assertThatThrownBy(() -> docs.create(linking(Fixtures.finalDoc(DocumentType.INVOICE), foreign)))
                .isInstanceOf(eu.invoicing.core.NotFoundException.class).hasMessageContaining(foreign.id().value());
        assertThat(docs.list(DocumentType.INVOICE, eu.invoicing.core.query.DocumentQuery.all()).data()).isEmpty();
    }

    @Test
    void create_creditNoteLinkingDraftInvoice_isRefused() {
        Document inv = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertThatThrownBy(() -> docs.create(linking(Fixtures.finalDoc(DocumentType.CREDIT_NOTE), inv)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo("linked_documents[0]");
                            assertThat(v.code()).isEqualTo("target_invoice_not_final");
                        }));
    }

    @Test
    void create_linkingAdvanceAlreadyApplied_isRefused() {
        Document adv = paidAdvance();
        docs.create(linking(Fixtures.finalDoc(DocumentType.INVOICE), adv));
        assertThatThrownBy(() -> docs.create(linking(Fixtures.finalDoc(DocumentType.INVOICE), adv)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly("advance_already_applied"));
    }

    @Test
    void create_estimateLinkingInvoice_recordsPlainLink() {
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document est = docs.create(linking(Fixtures.finalDoc(DocumentType.ESTIMATE), inv));
        assertThat(only(est).relationType()).isEqualTo(RelationType.LINKED);
        assertThat(docs.get(inv.id()).payments()).isEmpty();
    }

    @Test
    void update_linkedDocumentsOnFinalInvoice_appliesThePaidAdvance() {
        Document adv = paidAdvance();
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document after = docs.update(inv.id(), DocumentPatch.builder().linkedDocuments(List.of(adv.id().value()))
                .changeReason("advance received").build());
        assertThat(only(after).relationType()).isEqualTo(RelationType.ADVANCE_APPLIED);
        assertThat(after.payments()).singleElement().extracting(Payment::type).isEqualTo(PaymentType.ADVANCE);
        assertThat(after.paidInFull()).isTrue();
        assertThat(docs.versions(inv.id()).versions()).singleElement()
                .satisfies(v -> assertThat(v.changedFields()).containsExactly("linked_documents"));
    }

    @Test
    void update_linkedDocumentsAlreadyLinked_changesNothing() {
        Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document est = docs.create(linking(Fixtures.draft(DocumentType.ESTIMATE), inv));
        Document after = docs.update(est.id(), DocumentPatch.builder().linkedDocuments(List.of(inv.id().value()))
                .build());
        assertThat(after.documentRelations()).hasSize(1);
        assertThat(docs.versions(est.id()).versions()).isEmpty();
    }
}
