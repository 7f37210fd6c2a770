package eu.invoicing.export.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.export.spi.ExportSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs producing their entries on several threads write the archive a single thread writes. */
class ParallelArchiveTest {

    record Doc(int index, String id, String number) {
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-03T10:15:30Z"), ZoneOffset.UTC);
    private static final int DOCS = 240;

    @TempDir
    Path root;

    /** The entry of a document: a few hundred bytes that depend on it; every 7th skipped, every 11th throws. */
    private static EntryOutcome entry(Doc doc) {
        if (doc.index() % 7 == 3) {
            return EntryOutcome.skip("not wanted: " + doc.index());
        }
        if (doc.index() % 11 == 5) {
            throw new IllegalStateException("cannot render " + doc.index());
        }
        StringBuilder body = new StringBuilder();
        Random random = new Random(doc.index());
        for (int i = 0, n = 20 + random.nextInt(200); i < n; i++) {
            body.append(random.nextInt(1000)).append(' ');
        }
        return EntryOutcome.file(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Doc> docs() {
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < DOCS; i++) {
            // Repeated numbers and missing ones exercise the entry namer, which must see the source order.
            docs.add(new Doc(i, "inv_" + i, i % 13 == 0 ? null : "2024/" + (i % 50)));
        }
        return docs;
    }

    private record Run(byte[] archive, ExportJob job) {
    }

    private Run run(int threads, DocumentEntryProducer<Doc> producer, ExportSource<Doc> source, String dir)
            throws IOException {
        return run(ExportJobKind.PDF, threads, producer, source, dir);
    }

    private Run run(ExportJobKind kind, int threads, DocumentEntryProducer<Doc> producer, ExportSource<Doc> source,
                    String dir) throws IOException {
        List<Runnable> tasks = new ArrayList<>();
        ExportJobManager manager = ExportJobManager.builder((id, task) -> tasks.add(task),
                DirectoryBlobStore.of(root.resolve(dir))).clock(CLOCK).random(new Random(7)).renderThreads(threads).build();
        ExportJob started = manager.start(new ArchiveJobRequest<>(kind, "acme_documents.zip", source,
                Doc::id, Doc::number, producer));
        tasks.forEach(Runnable::run);
        ExportJob done = manager.find(started.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ExportJobStatus.COMPLETED);
        try (InputStream in = manager.download(started.id()).orElseThrow()) {
            return new Run(in.readAllBytes(), done);
        }
    }

    @Test
    void renderThreads_documentsFinishOutOfOrder_archiveByteIdenticalToOneThreadAndInSourceOrder() throws IOException {
        Run sequential = run(1, ParallelArchiveTest::entry, ExportSource.of(docs()), "one");

        // Each even document of the first window waits until the next one has been produced, so that the
        // entries are finished out of source order, whatever the scheduling.
        Map<Integer, CountDownLatch> released = new ConcurrentHashMap<>();
        Queue<Integer> finished = new ConcurrentLinkedQueue<>();
        DocumentEntryProducer<Doc> outOfOrder = doc -> {
            int i = doc.index();
            try {
                if (i < 8 && i % 2 == 0) {
                    boolean next = released.computeIfAbsent(i, k -> new CountDownLatch(1)).await(30, TimeUnit.SECONDS);
                    assertThat(next).as("document %d produced while %d waited", i + 1, i).isTrue();
                }
                return entry(doc);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                // Recorded before the waiting document is released: released first, the waiting one could finish
                // and be recorded before this one on a loaded machine.
                finished.add(i);
                if (i < 8 && i % 2 == 1) {
                    released.computeIfAbsent(i - 1, k -> new CountDownLatch(1)).countDown();
                }
            }
        };
        Run parallel = run(4, outOfOrder, ExportSource.of(docs()), "four");

        List<Integer> order = new ArrayList<>(finished);
        assertThat(order.indexOf(1)).isLessThan(order.indexOf(0));
        assertThat(parallel.archive()).isEqualTo(sequential.archive());
        assertThat(ExportJobManagerTest.entries(new ByteArrayInputStream(parallel.archive())).keySet())
                .containsExactlyElementsOf(ExportJobManagerTest.entries(
                        new ByteArrayInputStream(sequential.archive())).keySet());
        assertThat(parallel.job().result()).isEqualTo(sequential.job().result());
        // i % 7 == 3 or i % 11 == 5 for i < 240.
        assertThat(parallel.job().result().skipped()).isEqualTo(53);
    }

    @Test
    void renderThreads_eslogArchive_byteIdenticalToOneThread() throws IOException {
        Run sequential = run(ExportJobKind.ESLOG, 1, ParallelArchiveTest::entry, ExportSource.of(docs()), "one");
        Run parallel = run(ExportJobKind.ESLOG, 3, ParallelArchiveTest::entry, ExportSource.of(docs()), "three");

        assertThat(parallel.archive()).isEqualTo(sequential.archive());
        assertThat(parallel.job().result()).isEqualTo(sequential.job().result());
    }

    @Test
    void run_pdfEntriesStoredWithTheirCrc_eslogEntriesDeflated() throws IOException {
        for (ExportJobKind kind : ExportJobKind.values()) {
            for (int threads : new int[] {1, 2}) {
                Run run = run(kind, threads, ParallelArchiveTest::entry, ExportSource.of(docs()), kind + "-" + threads);
                int expected = kind == ExportJobKind.PDF ? ZipEntry.STORED : ZipEntry.DEFLATED;
                int entries = 0;
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(run.archive()))) {
                    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                        assertThat(e.getMethod()).as("%s %s", kind, e.getName()).isEqualTo(expected);
                        // Reading to the end checks the entry's CRC-32 (ZipException when it is wrong).
                        byte[] content = zip.readAllBytes();
                        CRC32 crc = new CRC32();
                        crc.update(content);
                        if (expected == ZipEntry.STORED) {
                            assertThat(e.getCrc()).isEqualTo(crc.getValue());
                            assertThat(e.getSize()).isEqualTo(content.length);
                        }
                        entries++;
                    }
                }
                assertThat(entries).isEqualTo(run.job().result().exported()).isEqualTo(DOCS - 53);
            }
        }
    }

    @Test
    void renderThreads_lazySource_neverMoreThanTheWindowTakenAhead() throws IOException {
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger mostAhead = new AtomicInteger();
        ExportSource<Doc> source = ExportSource.of(DOCS, () -> IntStream.range(0, DOCS).mapToObj(i -> {
            taken.incrementAndGet();
            return new Doc(i, "inv_" + i, "2024/" + i);
        }));
        DocumentEntryProducer<Doc> producer = doc -> {
            // Taken from the source but not yet written: this one and those behind it.
            mostAhead.accumulateAndGet(taken.get() - doc.index(), Math::max);
            return EntryOutcome.file(doc.number().getBytes(StandardCharsets.UTF_8));
        };
        Run run = run(3, producer, source, "lazy");

        assertThat(run.job().result().exported()).isEqualTo(DOCS);
        assertThat(mostAhead.get()).isBetween(1, ExportJobManager.windowOf(3));
        assertThat(ExportJobManager.windowOf(3)).isEqualTo(6);
        assertThat(ExportJobManager.windowOf(1)).isEqualTo(1);
    }

    @Test
    void renderThreads_producerThrowsAnError_jobFailsAndTheErrorPropagates() {
        List<Runnable> tasks = new ArrayList<>();
        ExportJobManager manager = ExportJobManager.builder((id, task) -> tasks.add(task),
                DirectoryBlobStore.of(root)).clock(CLOCK).random(new Random(7)).renderThreads(2).build();
        ExportJob started = manager.start(new ArchiveJobRequest<>(ExportJobKind.PDF, "acme_documents.zip",
                ExportSource.of(docs()), Doc::id, Doc::number, doc -> {
                    if (doc.index() == 17) {
                        throw new StackOverflowError("deep");
                    }
                    return entry(doc);
                }));

        assertThatThrownBy(() -> tasks.forEach(Runnable::run)).isInstanceOf(StackOverflowError.class).hasMessage("deep");
        ExportJob failed = manager.find(started.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ExportJobStatus.FAILED);
        assertThat(failed.error()).contains("deep");
    }

    @Test
    void renderThreads_jobThreadRendersToo_withOneWorkerFewer() throws IOException {
        Thread jobThread = Thread.currentThread();
        Set<Thread> producing = ConcurrentHashMap.newKeySet();
        CountDownLatch jobThreadProduced = new CountDownLatch(1);
        AtomicInteger workersGaveUp = new AtomicInteger();
        DocumentEntryProducer<Doc> producer = doc -> {
            producing.add(Thread.currentThread());
            if (Thread.currentThread() == jobThread) {
                jobThreadProduced.countDown();
            } else {
                // A worker's first documents wait for the job's thread: with only workers rendering they
                // would wait in vain (and then give up once, for all).
                try {
                    if (!jobThreadProduced.await(5, TimeUnit.SECONDS)) {
                        workersGaveUp.incrementAndGet();
                        jobThreadProduced.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return EntryOutcome.file(doc.id().getBytes(StandardCharsets.UTF_8));
        };
        Run run = run(2, producer, ExportSource.of(docs()), "helping");

        assertThat(run.job().result().exported()).isEqualTo(DOCS);
        assertThat(workersGaveUp.get()).isZero();
        assertThat(producing).contains(jobThread).hasSize(2);
    }

    @Test
    void renderThreads_outOfRange_rejected() {
        ExportJobManager.Builder builder = ExportJobManager.builder((id, task) -> task.run(), DirectoryBlobStore.of(root));
        assertThatThrownBy(() -> builder.renderThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("renderThreads: must be 1..256, was 0");
        assertThatThrownBy(() -> builder.renderThreads(257)).isInstanceOf(IllegalArgumentException.class);
    }
}
