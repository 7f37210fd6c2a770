package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.SpiException;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.memory.InMemoryTransactor;
import eu.invoicing.core.memory.InMemoryNumberSequencer;
import eu.invoicing.core.memory.InMemoryVersionStore;
import eu.invoicing.core.memory.InMemoryExportLedger;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.spi.DocumentStore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Gap-free, duplicate-free numbering under concurrency: 16 threads finalize 100,000 drafts of two kinds;
 * then the same with a store that fails every 7th write.
 */
class ConcurrentFinalizeTest {
    private static final int THREADS = 16;
    private static final int DRAFTS = 100_000;
    private static final DocumentType[] KINDS = {DocumentType.INVOICE, DocumentType.CREDIT_NOTE};

    /** A store that can be told to fail every 7th save. */
    static final class FlakyStore extends ForwardingStore {
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicLong saves = new AtomicLong();

        FlakyStore(DocumentStore delegate) {
            super(delegate);
        }

        @Override
        public void save(Document document) {
            if (failing.get() && saves.incrementAndGet() % 7 == 0) {
                throw new IllegalStateException("disk full (simulated)");
            }
            super.save(document);
        }
    }

    private static EntityDocuments plainNumbers(Invoicing invoicing) {
        // "{n}" only: no year, no padding, so the number is the sequence itself.
        EntitySettings settings = EntitySettings.builder().numberFormat(DocumentType.INVOICE, "{n}")
                .numberFormat(DocumentType.CREDIT_NOTE, "{n}").build();
        return invoicing.entity(Fixtures.entityA().withSettings(settings));
    }

    private static List<DocumentId> createDrafts(EntityDocuments docs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<DocumentId>>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    List<DocumentId> ids = new ArrayList<>();
                    for (int i = thread; i < DRAFTS; i += THREADS) {
                        ids.add(docs.create(Fixtures.draft(KINDS[i % 2])).id());
                    }
                    return ids;
                }));
            }
            List<DocumentId> all = new ArrayList<>(DRAFTS);
            for (Future<List<DocumentId>> f : parts) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    /** Finalizes every draft from 16 threads; returns the numbers taken per kind and the failures. */
    private static Map<DocumentType, BitSet> finalizeAll(EntityDocuments docs, List<DocumentId> ids,
            List<DocumentId> failed) throws Exception {
        Map<DocumentType, BitSet> numbers = new ConcurrentHashMap<>();
        for (DocumentType k : KINDS) {
            numbers.put(k, new BitSet(DRAFTS));
        }
        AtomicLong duplicates = new AtomicLong();
        List<DocumentId> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    for (int i = thread; i < ids.size(); i += THREADS) {
                        DocumentId id = ids.get(i);
                        try {
                            Document d = docs.finalizeDocument(id);
                            BitSet seen = numbers.get(d.type());
                            int n = Integer.parseInt(d.number());
                            synchronized (seen) {
                                if (seen.get(n)) {
                                    duplicates.incrementAndGet();
                                }
                                seen.set(n);
                            }
                        } catch (SpiException e) {
                            failures.add(id);
                        }
                    }
                }));
            }
            for (Future<?> j : jobs) {
                j.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(duplicates.get()).isZero();
        failed.addAll(failures);
        return numbers;
    }

    private static void assertGapFree(BitSet numbers, long expectedCount) {
        assertThat(numbers.cardinality()).isEqualTo(expectedCount);
        assertThat(numbers.get(0)).isFalse();
        // 1..N all set, nothing above N.
        assertThat(numbers.nextClearBit(1)).isEqualTo((int) expectedCount + 1);
    }

    @Test
    void finalize_16ThreadsOver100000DraftsOfTwoKinds_numbersEachKindOneToNWithoutGapOrDuplicate()
            throws Exception {
        EntityDocuments docs = plainNumbers(Fixtures.invoicing());
        List<DocumentId> ids = createDrafts(docs);
        List<DocumentId> failed = new ArrayList<>();
        Map<DocumentType, BitSet> numbers = finalizeAll(docs, ids, failed);
        assertThat(failed).isEmpty();
        assertGapFree(numbers.get(DocumentType.INVOICE), DRAFTS / 2);
        assertGapFree(numbers.get(DocumentType.CREDIT_NOTE), DRAFTS / 2);
    }

    @Test
    void finalize_storeFailingEvery7thWrite_failedDraftsGetNoNumberAndLeaveNoGap() throws Exception {
        InMemoryTransactor tx = new InMemoryTransactor();
        FlakyStore store = new FlakyStore(new InMemoryDocumentStore(tx));
        Invoicing invoicing = Invoicing.builder().clock(Fixtures.clock()).transactor(tx).store(store)
                .sequencer(new InMemoryNumberSequencer(tx)).versions(new InMemoryVersionStore(tx))
                .exportLedger(new InMemoryExportLedger(tx)).build();
        EntityDocuments docs = plainNumbers(invoicing);
        List<DocumentId> ids = createDrafts(docs);
        store.failing.set(true);
        List<DocumentId> failed = new ArrayList<>();
        Map<DocumentType, BitSet> numbers = finalizeAll(docs, ids, failed);
        store.failing.set(false);
        assertThat(failed).hasSizeGreaterThan(DRAFTS / 8);
        long failedInvoices = failed.stream().filter(id -> id.type() == DocumentType.INVOICE).count();
        long failedCredit = failed.size() - failedInvoices;
        assertGapFree(numbers.get(DocumentType.INVOICE), DRAFTS / 2 - failedInvoices);
        assertGapFree(numbers.get(DocumentType.CREDIT_NOTE), DRAFTS / 2 - failedCredit);
        for (DocumentId id : failed) {
            Document d = docs.get(id);
            assertThat(d.isDraft()).isTrue();
            assertThat(d.number()).isNull();
            assertThat(docs.timeline(id)).hasSize(1);
        }
        // The failed drafts can still be finalized and continue the sequence.
        Document late = docs.finalizeDocument(failed.get(0));
        assertThat(Long.parseLong(late.number())).isEqualTo(
                (late.type() == DocumentType.INVOICE ? DRAFTS / 2 - failedInvoices : DRAFTS / 2 - failedCredit) + 1);
    }
}
