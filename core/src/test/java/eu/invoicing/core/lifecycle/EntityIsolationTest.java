package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.memory.InMemoryCustomerDirectory;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.query.DocumentQuery;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Nothing of one entity can be read, listed, changed, shared or numbered through another. */
class EntityIsolationTest {
    private final Invoicing invoicing = Fixtures.invoicing();
    private final EntityDocuments a = invoicing.entity(Fixtures.entityA());
    private final EntityDocuments b = invoicing.entity(Fixtures.entityB());

    /** One operation applied to a document id through some entity's API. */
    interface Call {
        void apply(EntityDocuments docs, DocumentId id);
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of("get", (Call) (o, id) -> o.get(id)),
                Arguments.of("update", (Call) (o, id) -> o.update(id, DocumentPatch.builder().note("x").build())),
                Arguments.of("finalize", (Call) (o, id) -> o.finalizeDocument(id)),
                Arguments.of("void", (Call) (o, id) -> o.voidDocument(id, null, null)),
                Arguments.of("delete", (Call) (o, id) -> o.delete(id)),
                Arguments.of("restore", (Call) (o, id) -> o.restore(id)),
                Arguments.of("deletePermanently", (Call) (o, id) -> o.deletePermanently(id)),
                Arguments.of("share", (Call) (o, id) -> o.share(id)),
                Arguments.of("unshare", (Call) (o, id) -> o.unshare(id)),
                Arguments.of("shareToken", (Call) (o, id) -> o.shareToken(id)),
                Arguments.of("versions", (Call) (o, id) -> o.versions(id)),
                Arguments.of("version", (Call) (o, id) -> o.version(id, 1)),
                Arguments.of("timeline", (Call) (o, id) -> o.timeline(id)),
                Arguments.of("addPayment", (Call) (o, id) -> o.addPayment(id, LifecycleRulesTest.payment("1.00"))),
                Arguments.of("deletePayment", (Call) (o, id) -> o.deletePayment(id, "pay_x")),
                Arguments.of("createCreditNote", (Call) (o, id) -> o.createCreditNote(id, null, false)),
                Arguments.of("createDeliveryNote", (Call) (o, id) -> o.createDeliveryNote(id, false)),
                Arguments.of("retryFiscalization", (Call) (o, id) -> o.retryFiscalization(id)),
                Arguments.of("markExported", (Call) (o, id) -> o.markExported(List.of(new ExportMark(id, "erp",
                        null)))),
                Arguments.of("linkedDocuments", (Call) (o, id) -> o.create(new DocumentRequest(
                        Fixtures.draft(DocumentType.INVOICE), null, List.of(id.value()), null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void operation_onAnotherEntitysDocument_isNotFoundAndChangesNothing(String name, Call call) {
        Document mine = a.create(Fixtures.finalDoc(DocumentType.INVOICE));
        a.addPayment(mine.id(), LifecycleRulesTest.payment("1.00"));
        a.update(mine.id(), DocumentPatch.builder().note("v").build());
        Document before = a.get(mine.id());
        int events = a.timeline(mine.id()).size();
        assertThatThrownBy(() -> call.apply(b, mine.id())).isInstanceOf(NotFoundException.class)
                .hasMessageNotContaining(Fixtures.entityA().id());
        assertThat(a.get(mine.id())).isEqualTo(before);
        assertThat(a.timeline(mine.id())).hasSize(events);
        assertThat(b.list(DocumentType.INVOICE, DocumentQuery.all()).data()).isEmpty();
        assertThat(b.list(DocumentType.CREDIT_NOTE, DocumentQuery.all()).data()).isEmpty();
        assertThat(b.list(DocumentType.DELIVERY_NOTE, DocumentQuery.all()).data()).isEmpty();
    }

    @Test
    void convert_anotherEntitysEstimate_isNotFound() {
        Document est = a.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
        assertThatThrownBy(() -> b.convert(est.id(), DocumentType.INVOICE, true)).isInstanceOf(NotFoundException.class);
        assertThat(a.get(est.id()).documentRelations()).isEmpty();
    }

    @Test
    void applyAdvance_acrossEntities_isNotFound() {
        Document adv = a.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
        a.addPayment(adv.id(), LifecycleRulesTest.payment("122.00"));
        Document inv = b.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertThatThrownBy(() -> b.applyAdvance(adv.id(), inv.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> a.applyAdvance(adv.id(), inv.id())).isInstanceOf(NotFoundException.class);
        assertThat(b.get(inv.id()).payments()).isEmpty();
    }

    @Test
    void numbering_isPerEntity() {
        assertThat(a.create(Fixtures.finalDoc(DocumentType.INVOICE)).number()).isEqualTo("2026-00001");
        assertThat(a.create(Fixtures.finalDoc(DocumentType.INVOICE)).number()).isEqualTo("2026-00002");
        assertThat(b.nextNumber(DocumentType.INVOICE, null, null, null).number()).isEqualTo("2026-00001");
        assertThat(b.create(Fixtures.finalDoc(DocumentType.INVOICE)).number()).isEqualTo("2026-00001");
        assertThat(a.nextNumber(DocumentType.INVOICE, null, null, null).number()).isEqualTo("2026-00003");
    }

    @Test
    void list_searchAndTrash_seeOnlyTheirEntity() {
        a.create(Fixtures.draftFor(DocumentType.INVOICE, "Acme", "10"));
        Document trashed = a.create(Fixtures.draftFor(DocumentType.INVOICE, "Acme", "10"));
        a.delete(trashed.id());
        assertThat(b.list(DocumentType.INVOICE, DocumentQuery.builder().search("acme").build()).total()).isZero();
        assertThat(b.list(DocumentType.INVOICE, DocumentQuery.builder().deleted(true).build()).total()).isZero();
        assertThat(a.list(DocumentType.INVOICE, DocumentQuery.builder().search("acme").build()).total()).isEqualTo(1);
    }

    @Test
    void notExported_listsOnlyTheEntitysDocuments() {
        a.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertThat(b.notExported(DocumentType.INVOICE, NotExportedRequest.of("erp"))).isEmpty();
        assertThat(a.notExported(DocumentType.INVOICE, NotExportedRequest.of("erp"))).hasSize(1);
    }

    @Test
    void customerId_ofAnotherEntity_isUnknown() {
        InMemoryCustomerDirectory dir = (InMemoryCustomerDirectory) invoicing.customers();
        String theirs = dir.add(Fixtures.entityA().id(), Party.named("Acme")).id();
        DocumentDraft draft = DocumentDraft.builder(DocumentType.INVOICE).customerId(theirs)
                .item(Fixtures.item("x", "1")).build();
        assertThatThrownBy(() -> b.create(draft)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("customer_id");
        assertThat(a.create(draft).customer().name()).isEqualTo("Acme");
    }

    @Test
    void sharedDocument_isFoundByTokenButStaysUnchangeableByOthers() {
        Document d = a.create(Fixtures.finalDoc(DocumentType.INVOICE));
        String token = a.share(d.id());
        assertThat(invoicing.findShared(token).entityId()).isEqualTo(Fixtures.entityA().id());
        assertThatThrownBy(() -> b.unshare(d.id())).isInstanceOf(NotFoundException.class);
        assertThat(invoicing.findShared(token).id()).isEqualTo(d.id());
    }
}
