package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.version.DocumentVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Concurrent updates of one document never lose an update. */
class ConcurrentVersionsTest {
    private static final int THREADS = 8;
    private static final int UPDATES_PER_THREAD = 100;

    @Test
    void update_concurrentlyOnOneDocument_everyVersionSnapshotIsTheStateTheNextUpdateStartedFrom() throws Exception {
        EntityDocuments docs = Fixtures.invoicing().entity(Fixtures.entityA());
        Document created = docs.create(Fixtures.draft(DocumentType.INVOICE));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Document>>> jobs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            jobs.add(pool.submit(() -> {
                List<Document> results = new ArrayList<>();
                for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                    // Each update writes a note unique to it; its reason names the same update.
                    results.add(docs.update(created.id(), DocumentPatch.builder().note("t" + thread + "-" + i)
                            .changeReason("r" + thread + "-" + i).build()));
                }
                return results;
            }));
        }
        List<Document> results = new ArrayList<>();
        for (Future<List<Document>> f : jobs) {
            results.addAll(f.get());
        }
        pool.shutdown();
        int total = THREADS * UPDATES_PER_THREAD;
        VersionList versions = docs.versions(created.id());
        assertThat(versions.count()).isEqualTo(total);
        List<DocumentVersion> oldestFirst = new ArrayList<>(versions.versions());
        java.util.Collections.reverse(oldestFirst);
        assertThat(oldestFirst.get(0).snapshot()).isEqualTo(created);
        Set<String> notes = new HashSet<>();
        for (int k = 0; k < total; k++) {
            DocumentVersion v = oldestFirst.get(k);
            assertThat(v.version()).isEqualTo(k + 1);
            // The state after update k is the snapshot of version k+1 (or the current document).
            Document after = k + 1 < total ? oldestFirst.get(k + 1).snapshot() : docs.get(created.id());
            assertThat(after.note()).isEqualTo(v.reason().replace('r', 't'));
            assertThat(v.changedFields()).contains("note");
            notes.add(after.note());
        }
        // Every update is visible exactly once in the history: none was lost.
        assertThat(notes).hasSize(total);
        assertThat(results).extracting(Document::note).containsExactlyInAnyOrderElementsOf(notes);
    }
}
