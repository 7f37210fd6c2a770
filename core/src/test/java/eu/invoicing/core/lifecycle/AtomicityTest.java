package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.SpiException;
import eu.invoicing.core.lifecycle.WriteFailingStore.World;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.DocumentQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every multi-write operation is one unit of work: whichever single store write fails, the operation throws a
 * {@link SpiException} and leaves no trace (documents of every kind, live and trashed, their timelines and
 * versions, the next numbers and the export ledger are as before).
 */
class AtomicityTest {
    /** Prepares a world and returns the operation under test. */
    interface Scenario extends Function<EntityDocuments, Runnable> {
    }

    static Stream<Arguments> operations() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("update with new items", (Scenario) docs -> {
            Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            return () -> docs.update(d.id(), DocumentPatch.builder().items(List.of(Fixtures.item("New", "5")))
                    .changeReason("r").build());
        }));
        all.add(Arguments.of("add payment", (Scenario) docs -> {
            Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            return () -> docs.addPayment(d.id(), LifecycleRulesTest.payment("10.00"));
        }));
        all.add(Arguments.of("delete payment", (Scenario) docs -> {
            Document d = docs.addPayment(docs.create(Fixtures.finalDoc(DocumentType.INVOICE)).id(),
                    LifecycleRulesTest.payment("10.00"));
            return () -> docs.deletePayment(d.id(), d.payments().get(0).id());
        }));
        all.add(Arguments.of("final credit note", (Scenario) docs -> {
            Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            return () -> docs.createCreditNote(inv.id(), null, false);
        }));
        all.add(Arguments.of("finalize a draft credit note", (Scenario) docs -> {
            Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            Document cn = docs.createCreditNote(inv.id(), null, true);
            return () -> docs.finalizeDocument(cn.id());
        }));
        all.add(Arguments.of("convert an estimate", (Scenario) docs -> {
            Document est = docs.create(Fixtures.finalDoc(DocumentType.ESTIMATE));
            return () -> docs.convert(est.id(), DocumentType.INVOICE, false);
        }));
        all.add(Arguments.of("delivery note", (Scenario) docs -> {
            Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            return () -> docs.createDeliveryNote(inv.id(), false);
        }));
        all.add(Arguments.of("apply an advance", (Scenario) docs -> {
            Document adv = docs.create(Fixtures.finalDoc(DocumentType.ADVANCE_INVOICE));
            docs.addPayment(adv.id(), LifecycleRulesTest.payment("122.00"));
            Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            return () -> docs.applyAdvance(adv.id(), inv.id());
        }));
        all.add(Arguments.of("void a credit note", (Scenario) docs -> {
            Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            Document cn = docs.createCreditNote(inv.id(), null, false);
            return () -> docs.voidDocument(cn.id(), "mistake", true);
        }));
        all.add(Arguments.of("permanent delete of a linked draft", (Scenario) docs -> {
            Document inv = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            Document dn = docs.createDeliveryNote(inv.id(), true);
            docs.delete(dn.id());
            return () -> docs.deletePermanently(dn.id());
        }));
        all.add(Arguments.of("mark exported", (Scenario) docs -> {
            Document a = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            Document b = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            return () -> docs.markExported(List.of(new ExportMark(a.id(), "erp", "one"),
                    new ExportMark(b.id(), "erp", "two")));
        }));
        all.add(Arguments.of("share", (Scenario) docs -> {
            Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
            return () -> docs.share(d.id());
        }));
        return all.stream();
    }

    /** Everything an operation could have touched. */
    private static List<Object> snapshot(EntityDocuments docs) {
        List<Object> state = new ArrayList<>();
        for (DocumentType type : DocumentType.values()) {
            for (boolean trash : new boolean[] {false, true}) {
                List<Document> page = new ArrayList<>(docs.list(type, DocumentQuery.builder().limit(100)
                        .deleted(trash).include(List.of("payments", "document_relations")).build()).data());
                page.sort(Comparator.comparing(d -> d.id().value()));
                for (Document d : page) {
                    state.add(d);
                    state.add(docs.timeline(d.id()));
                    state.add(docs.versions(d.id()));
                }
                state.add(docs.notExported(type, new NotExportedRequest("erp", null, true, null)));
            }
            state.add(docs.nextNumber(type, null, null, null));
        }
        return state;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void operation_whenAnySingleStoreWriteFails_leavesNoTrace(String name, Scenario scenario) {
        int failures = 0;
        for (int k = 1; ; k++) {
            World w = new World();
            EntityDocuments docs = w.invoicing.entity(Fixtures.entityA());
            Runnable op = scenario.apply(docs);
            List<Object> before = snapshot(docs);
            w.store.failWrite(k);
            try {
                op.run();
            } catch (SpiException e) {
                w.store.disarm();
                failures++;
                assertThat(snapshot(docs)).as("%s with write %d failing", name, k).isEqualTo(before);
                continue;
            }
            w.store.disarm();
            assertThat(k).isGreaterThan(w.store.writes());
            break;
        }
        assertThat(failures).as("writes of %s", name).isGreaterThanOrEqualTo(2);
    }
}
