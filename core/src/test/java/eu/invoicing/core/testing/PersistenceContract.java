package eu.invoicing.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.SpiException;
import eu.invoicing.core.lifecycle.DocumentPatch;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.ExportMark;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.lifecycle.NotExportedRequest;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.spi.Customer;
import eu.invoicing.core.spi.CustomerStore;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.core.spi.ExportLedger;
import eu.invoicing.core.spi.NumberSequencer;
import eu.invoicing.core.spi.SequenceKey;
import eu.invoicing.core.spi.Transactor;
import eu.invoicing.core.spi.VersionStore;
import eu.invoicing.core.version.TimelineEventType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every set of persistence SPIs ({@link Transactor}, {@link DocumentStore},
 * {@link NumberSequencer}, {@link VersionStore}, {@link ExportLedger}, {@link CustomerStore}) must keep, run
 * through the library as a host would use it: stored documents come back equal, numbers are gap-free and
 * unique under concurrency and given back by a failed unit of work, versions and timelines are kept in
 * order, share tokens resolve and are revoked, and nothing of one entity is reachable through another.
 *
 * <p>One abstract suite, one subclass per implementation (the in-memory defaults in core, PostgreSQL in the
 * postgres module). A subclass answers {@link #stores()} before each test; the stores may keep data of earlier
 * tests: every test works on entities of its own (fresh random ids).
 */
public abstract class PersistenceContract {
    /** The persistence SPIs under test, sharing one unit of work. */
    public record Stores(Transactor transactor, DocumentStore documents, NumberSequencer sequencer,
            VersionStore versions, ExportLedger ledger, CustomerStore customers) {
    }

    /** Makes chosen writes of a store fail, to prove that the unit of work leaves nothing behind. */
    static final class FailingStore implements DocumentStore {
        final DocumentStore delegate;
        final AtomicBoolean failSaves = new AtomicBoolean();

        FailingStore(DocumentStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Document> find(String entityId, DocumentId id) {
            return delegate.find(entityId, id);
        }

        @Override
        public void save(Document document) {
            if (failSaves.get()) {
                throw new IllegalStateException("save failed (simulated)");
            }
            delegate.save(document);
        }

        @Override
        public boolean remove(String entityId, DocumentId id) {
            return delegate.remove(entityId, id);
        }

        @Override
        public Optional<Document> findByShareToken(String token) {
            return delegate.findByShareToken(token);
        }

        @Override
        public Page<Document> list(String entityId, DocumentType type, DocumentQuery query) {
            return delegate.list(entityId, type, query);
        }

        @Override
        public void appendEvent(String entityId, DocumentId id, eu.invoicing.core.version.TimelineEvent event) {
            delegate.appendEvent(entityId, id, event);
        }

        @Override
        public List<eu.invoicing.core.version.TimelineEvent> events(String entityId, DocumentId id) {
            return delegate.events(entityId, id);
        }
    }

    /** A fixed instant, so that documents are dated alike in every implementation. */
    protected static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    private Stores stores;
    private FailingStore failing;
    private Invoicing invoicing;

    /**
     * @return the stores under test, sharing one unit of work (called before each test)
     */
    protected abstract Stores stores();

    @BeforeEach
    final void wire() {
        stores = stores();
        failing = new FailingStore(stores.documents());
        invoicing = Invoicing.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).transactor(stores.transactor())
                .store(failing).sequencer(stores.sequencer()).versions(stores.versions())
                .exportLedger(stores.ledger()).customers(stores.customers()).build();
    }

    /** @return a new entity with an id no other test uses */
    protected static Entity newEntity() {
        StringBuilder id = new StringBuilder("ent_");
        for (int i = 0; i < 24; i++) {
            id.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return Entity.sampleSlovenian().toBuilder().id(id.toString()).build();
    }

    /** @return the library scoped to a new entity */
    protected EntityDocuments newTenant() {
        return invoicing.entity(newEntity());
    }

    /** @return the library over the stores under test */
    protected Invoicing invoicing() {
        return invoicing;
    }

    static LineItem item(String name, String price) {
        return LineItem.builder().name(name).quantity("1").price(price).tax("22").build();
    }

    static DocumentDraft draft(DocumentType type, String customer, String price) {
        return DocumentDraft.builder(type).draft(true).customer(Party.named(customer)).item(item("Item " + customer,
                price)).build();
    }

    @Test
    void create_storedDocument_comesBackEqual() {
        EntityDocuments docs = newTenant();
        Document created = docs.create(draft(DocumentType.INVOICE, "Kupec d.o.o.", "100.50"));
        assertThat(docs.get(created.id())).isEqualTo(created);
        Document fin = docs.finalizeDocument(created.id());
        assertThat(docs.get(created.id())).isEqualTo(fin);
        assertThat(stores.documents().find(docs.entity().id(), created.id())).contains(fin);
    }

    @Test
    void finalize_sequential_numbersRunFromOne() {
        EntityDocuments docs = newTenant();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Document d = docs.create(draft(DocumentType.INVOICE, "C" + i, "10"));
            numbers.add(docs.finalizeDocument(d.id()).number());
        }
        assertThat(numbers).doesNotHaveDuplicates().hasSize(5);
        assertThat(numbers).isSortedAccordingTo((a, b) -> Integer.compare(trailing(a), trailing(b)));
        assertThat(numbers.stream().map(PersistenceContract::trailing)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void finalize_concurrentThreadsTwoKinds_eachKindGetsExactlyOneToN() throws Exception {
        EntityDocuments docs = newTenant();
        int perKind = 40;
        List<DocumentId> drafts = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            drafts.add(docs.create(draft(DocumentType.INVOICE, "C" + i, "10")).id());
            drafts.add(docs.create(draft(DocumentType.ESTIMATE, "C" + i, "10")).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Document>> results = new ArrayList<>();
            for (DocumentId id : drafts) {
                results.add(pool.submit(() -> docs.finalizeDocument(id)));
            }
            List<Document> finals = new ArrayList<>();
            for (Future<Document> f : results) {
                finals.add(f.get(60, TimeUnit.SECONDS));
            }
            for (DocumentType kind : List.of(DocumentType.INVOICE, DocumentType.ESTIMATE)) {
                Set<Integer> taken = finals.stream().filter(d -> d.id().type() == kind)
                        .map(d -> trailing(d.number())).collect(Collectors.toSet());
                assertThat(taken).as(kind.name()).containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, perKind).mapToObj(n -> (int) n).toList());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void finalize_failingUnitOfWork_givesItsNumberBackAndLeavesNoTrace() {
        EntityDocuments docs = newTenant();
        Document first = docs.create(draft(DocumentType.INVOICE, "A", "10"));
        Document second = docs.create(draft(DocumentType.INVOICE, "B", "10"));
        assertThat(trailing(docs.finalizeDocument(first.id()).number())).isEqualTo(1);
        int versionsBefore = docs.versions(second.id()).count();
        int eventsBefore = docs.timeline(second.id()).size();
        failing.failSaves.set(true);
        try {
            assertThatThrownBy(() -> docs.finalizeDocument(second.id())).isInstanceOf(SpiException.class);
        } finally {
            failing.failSaves.set(false);
        }
        assertThat(docs.get(second.id())).isEqualTo(second);
        assertThat(docs.versions(second.id()).count()).isEqualTo(versionsBefore);
        assertThat(docs.timeline(second.id())).hasSize(eventsBefore);
        assertThat(trailing(docs.finalizeDocument(second.id()).number())).isEqualTo(2);
    }

    @Test
    void sequencer_floorPeekAndYears_followTheContract() {
        String entity = newEntity().id();
        SequenceKey y26 = new SequenceKey(entity, "invoice", 2026);
        SequenceKey y27 = new SequenceKey(entity, "invoice", 2027);
        NumberSequencer seq = stores.sequencer();
        long[] taken = stores.transactor().inTransaction(entity, () -> new long[] {
            seq.peek(y26, 1), seq.next(y26, 1), seq.next(y26, 1), seq.peek(y26, 1), seq.next(y26, 10),
            seq.next(y26, 1), seq.peek(y26, 100), seq.next(y27, 1)});
        assertThat(taken).containsExactly(1, 1, 2, 3, 10, 11, 100, 1);
        assertThatThrownBy(() -> stores.transactor().inTransaction(entity, () -> {
            seq.next(y26, 1);
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");
        assertThat(seq.peek(y26, 1)).isEqualTo(12);
    }

    @Test
    void update_versionsAndTimeline_keptInOrder() {
        EntityDocuments docs = newTenant();
        Document d = docs.create(draft(DocumentType.INVOICE, "A", "10"));
        d = docs.finalizeDocument(d.id());
        Document u1 = docs.update(d.id(), DocumentPatch.builder().note("first").changeReason("one").build());
        Document u2 = docs.update(d.id(), DocumentPatch.builder().note("second").changeReason("two").build());
        var versions = docs.versions(d.id());
        assertThat(versions.count()).isGreaterThanOrEqualTo(2);
        assertThat(versions.versions().get(0).version()).isEqualTo(versions.count());
        for (int i = 1; i < versions.versions().size(); i++) {
            assertThat(versions.versions().get(i).version()).isEqualTo(versions.versions().get(i - 1).version() - 1);
        }
        int last = versions.count();
        assertThat(docs.version(d.id(), last).reason()).isEqualTo("two");
        assertThat(docs.version(d.id(), last - 1).reason()).isEqualTo("one");
        assertThat(stores.versions().find(docs.entity().id(), d.id(), last)).map(v -> v.snapshot())
                .hasValueSatisfying(s -> assertThat(s.note()).isIn("first", "second"));
        assertThat(docs.get(d.id())).isEqualTo(u2);
        assertThat(u1.note()).isEqualTo("first");
        List<TimelineEventType> types = docs.timeline(d.id()).stream().map(e -> e.type()).toList();
        assertThat(types).startsWith(TimelineEventType.CREATED).contains(TimelineEventType.FINALIZED);
        assertThat(types.subList(types.size() - 2, types.size())).containsOnly(TimelineEventType.UPDATED);
    }

    @Test
    void versions_appendOutOfOrder_refused() {
        EntityDocuments docs = newTenant();
        Document d = docs.create(draft(DocumentType.INVOICE, "A", "10"));
        docs.update(d.id(), DocumentPatch.builder().note("x").build());
        var latest = docs.versions(d.id()).versions().get(0);
        var duplicate = new eu.invoicing.core.version.DocumentVersion(latest.id() + "x", latest.documentType(),
                latest.documentId(), latest.version(), latest.snapshot(), latest.changedFields(), null, null, NOW);
        assertThatThrownBy(() -> stores.transactor().inTransaction(docs.entity().id(), () -> {
            stores.versions().append(docs.entity().id(), duplicate);
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(docs.versions(d.id()).count()).isEqualTo(latest.version());
    }

    @Test
    void share_tokenResolvesUntilUnshared() {
        EntityDocuments docs = newTenant();
        Document d = docs.create(draft(DocumentType.INVOICE, "A", "10"));
        String token = docs.share(d.id());
        assertThat(invoicing.findShared(token).id()).isEqualTo(d.id());
        docs.unshare(d.id());
        assertThatThrownBy(() -> invoicing.findShared(token)).isInstanceOf(NotFoundException.class);
        String again = docs.share(d.id());
        assertThat(again).isNotEqualTo(token);
        assertThat(invoicing.findShared(again).id()).isEqualTo(d.id());
        docs.delete(d.id());
        assertThatThrownBy(() -> invoicing.findShared(again)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteRestorePurge_trashListedApartAndPurgeRemovesDocumentAndTimeline() {
        EntityDocuments docs = newTenant();
        Document a = docs.create(draft(DocumentType.INVOICE, "A", "10"));
        Document b = docs.create(draft(DocumentType.INVOICE, "B", "10"));
        docs.delete(a.id());
        assertThat(ids(docs.list(DocumentType.INVOICE, DocumentQuery.all()))).containsExactly(b.id());
        assertThat(ids(docs.list(DocumentType.INVOICE, DocumentQuery.builder().deleted(true).build())))
                .containsExactly(a.id());
        docs.restore(a.id());
        assertThat(ids(docs.list(DocumentType.INVOICE, DocumentQuery.all()))).containsExactlyInAnyOrder(a.id(), b.id());
        docs.delete(b.id());
        docs.deletePermanently(b.id());
        assertThatThrownBy(() -> docs.get(b.id())).isInstanceOf(NotFoundException.class);
        assertThat(stores.documents().events(docs.entity().id(), b.id())).isEmpty();
    }

    @Test
    void list_filterSortAndCursors_pageThroughEverything() {
        EntityDocuments docs = newTenant();
        Set<DocumentId> cheap = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            Document d = docs.create(draft(DocumentType.INVOICE, "Customer " + (i % 3), i % 2 == 0 ? "10" : "200"));
            if (i % 2 == 0) {
                cheap.add(d.id());
            }
        }
        DocumentQuery q = DocumentQuery.builder().query("{\"total\": {\"lt\": 100}}").orderBy("customer.name,-id")
                .limit(4).includeTotalCount(true).build();
        Page<Document> p1 = docs.list(DocumentType.INVOICE, q);
        assertThat(p1.total()).isEqualTo(6);
        Page<Document> p2 = docs.list(DocumentType.INVOICE, DocumentQuery.builder().query("{\"total\": {\"lt\": 100}}")
                .orderBy("customer.name,-id").limit(4).nextCursor(p1.nextCursor()).build());
        assertThat(p2.nextCursor()).isNull();
        List<DocumentId> all = new ArrayList<>(ids(p1));
        all.addAll(ids(p2));
        assertThat(all).containsExactlyInAnyOrderElementsOf(cheap);
        Page<Document> back = docs.list(DocumentType.INVOICE, DocumentQuery.builder()
                .query("{\"total\": {\"lt\": 100}}").orderBy("customer.name,-id").limit(4)
                .prevCursor(p2.prevCursor()).build());
        assertThat(ids(back)).isEqualTo(ids(p1));
        Page<Document> search = docs.list(DocumentType.INVOICE, DocumentQuery.builder().search("customer 1").build());
        assertThat(search.data()).hasSize(4).allSatisfy(d -> assertThat(d.customer().name()).isEqualTo("Customer 1"));
    }

    @Test
    void exportLedger_marksPerSystem() {
        EntityDocuments docs = newTenant();
        Document d = docs.create(draft(DocumentType.INVOICE, "A", "10"));
        d = docs.finalizeDocument(d.id());
        assertThat(docs.notExported(DocumentType.INVOICE, NotExportedRequest.of("erp"))).extracting(Document::id)
                .containsExactly(d.id());
        docs.markExported(List.of(new ExportMark(d.id(), "erp", null)));
        assertThat(docs.notExported(DocumentType.INVOICE, NotExportedRequest.of("erp"))).isEmpty();
        assertThat(docs.notExported(DocumentType.INVOICE, NotExportedRequest.of("other"))).hasSize(1);
        assertThat(stores.ledger().lastExported(docs.entity().id(), d.id(), "erp")).contains(NOW);
        assertThat(stores.ledger().lastExported(docs.entity().id(), d.id(), "other")).isEmpty();
    }

    @Test
    void customers_saveFindUpdateAndSearch() {
        EntityDocuments docs = newTenant();
        Customer c = docs.customers().create(Party.builder().name("Acme d.o.o.").taxNumber("SI 12345678")
                .city("Ljubljana").build());
        docs.customers().create(Party.builder().name("Beta GmbH").city("Wien").build());
        String entity = docs.entity().id();
        assertThat(stores.customers().find(entity, c.id())).contains(c);
        assertThat(stores.customers().findByTaxNumber(entity, "si12345678")).contains(c);
        assertThat(stores.customers().findByName(entity, "Acme d.o.o.")).contains(c);
        assertThat(stores.customers().findByName(entity, "acme d.o.o.")).isEmpty();
        Customer updated = docs.customers().update(c.id(), Party.builder().name("Acme d.d.").city("Maribor").build());
        assertThat(docs.customers().get(c.id())).isEqualTo(updated);
        assertThat(docs.customers().list(0, 10)).extracting(Customer::id).first().isEqualTo(c.id());
        assertThat(docs.customers().search("WIEN", 0, 10)).extracting(x -> x.details().name()).containsExactly("Beta GmbH");
        assertThat(docs.customers().list(1, 10)).hasSize(1);
    }

    @Test
    void isolation_everyOperationAcrossTwoEntities_seesNothingOfTheOther() {
        Entity ea = newEntity();
        Entity eb = newEntity();
        EntityDocuments a = invoicing.entity(ea);
        EntityDocuments b = invoicing.entity(eb);
        Document doc = a.finalizeDocument(a.create(draft(DocumentType.INVOICE, "A", "10")).id());
        Customer customer = a.customers().create(Party.named("Secret customer"));
        a.markExported(List.of(new ExportMark(doc.id(), "erp", null)));
        a.update(doc.id(), DocumentPatch.builder().note("v2").build());

        assertThatThrownBy(() -> b.get(doc.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.update(doc.id(), DocumentPatch.builder().note("x").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.finalizeDocument(doc.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.delete(doc.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.deletePermanently(doc.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.share(doc.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.versions(doc.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.timeline(doc.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.customers().get(customer.id())).isInstanceOf(NotFoundException.class);
        assertThat(b.list(DocumentType.INVOICE, DocumentQuery.all()).data()).isEmpty();
        assertThat(b.customers().list(0, 10)).isEmpty();
        assertThat(b.customers().search("Secret", 0, 10)).isEmpty();

        assertThat(stores.documents().find(eb.id(), doc.id())).isEmpty();
        assertThat(stores.documents().events(eb.id(), doc.id())).isEmpty();
        assertThat(stores.documents().remove(eb.id(), doc.id())).isFalse();
        assertThat(stores.versions().list(eb.id(), doc.id())).isEmpty();
        assertThat(stores.versions().count(eb.id(), doc.id())).isZero();
        assertThat(stores.versions().find(eb.id(), doc.id(), 1)).isEmpty();
        assertThat(stores.ledger().lastExported(eb.id(), doc.id(), "erp")).isEmpty();
        assertThat(stores.customers().find(eb.id(), customer.id())).isEmpty();
        assertThat(stores.customers().findByName(eb.id(), "Secret customer")).isEmpty();
        assertThat(stores.sequencer().peek(new SequenceKey(eb.id(), "invoice", 2026), 1)).isEqualTo(1);

        Document other = b.finalizeDocument(b.create(draft(DocumentType.INVOICE, "B", "10")).id());
        assertThat(trailing(other.number())).isEqualTo(1);
        assertThat(a.get(doc.id()).note()).isEqualTo("v2");
        assertThat(a.versions(doc.id()).count()).isGreaterThanOrEqualTo(1);
        assertThat(stores.ledger().lastExported(ea.id(), doc.id(), "erp")).isPresent();
    }

    /** @return the number's trailing digits, e.g. 7 for {@code 2026-00007} */
    protected static int trailing(String number) {
        int end = number.length();
        int start = end;
        while (start > 0 && Character.isDigit(number.charAt(start - 1))) {
            start--;
        }
        return Integer.parseInt(number.substring(start, end));
    }

    private static List<DocumentId> ids(Page<Document> page) {
        return page.data().stream().map(Document::id).toList();
    }
}
