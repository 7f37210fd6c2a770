package eu.invoicing.export.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.export.local.ExecutorJobRunner;
import eu.invoicing.export.spi.BlobStore;
import eu.invoicing.export.spi.ExportSource;
import eu.invoicing.export.spi.JobRunner;
import eu.invoicing.export.spi.PendingBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportJobManagerTest {

    record FakeDoc(String id, String number, String body) {
    }

    @TempDir
    Path root;

    private final List<Runnable> queuedTasks = new ArrayList<>();
    private final JobRunner manualRunner = (id, task) -> queuedTasks.add(task);

    private ExportJobManager manager(JobRunner runner) {
        return ExportJobManager.of(runner, DirectoryBlobStore.of(root), new Random(42));
    }

    private static ArchiveJobRequest<FakeDoc> request(ExportJobKind kind, ExportSource<FakeDoc> source,
                                                      DocumentEntryProducer<FakeDoc> producer) {
        return new ArchiveJobRequest<>(kind, "acme_documents_2024-06-01_2024-06-30.zip", source,
                FakeDoc::id, FakeDoc::number, producer);
    }

    private static EntryOutcome bodyBytes(FakeDoc doc) {
        return EntryOutcome.file(doc.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void start_beforeRunnerRuns_isQueuedWithTotals() {
        ExportJobManager manager = manager(manualRunner);
        ExportJob job = manager.start(request(ExportJobKind.PDF,
                ExportSource.of(List.of(new FakeDoc("inv_1", "1", "a"))), ExportJobManagerTest::bodyBytes));
        assertThat(job.id()).matches("expjob_[0-9a-f]{24}");
        assertThat(job.status()).isEqualTo(ExportJobStatus.QUEUED);
        assertThat(job.totalDocs()).isEqualTo(1);
        assertThat(job.progress()).isZero();
        assertThat(job.fileName()).isEqualTo("acme_documents_2024-06-01_2024-06-30.zip");
        assertThat(job.fileUrl()).isNull();
        assertThat(manager.find(job.id())).contains(job);
    }

    @Test
    void run_allDocumentsProduced_completedWithArchiveAtUrl() throws IOException {
        ExportJobManager manager = manager(manualRunner);
        List<FakeDoc> docs = List.of(new FakeDoc("inv_1", "2024/001", "first"),
                new FakeDoc("inv_2", "../../evil", "second"), new FakeDoc("inv_3", null, "third"),
                new FakeDoc("inv_4", "2024/001", "fourth"));
        ExportJob job = manager.start(request(ExportJobKind.PDF, ExportSource.of(docs), ExportJobManagerTest::bodyBytes));
        queuedTasks.forEach(Runnable::run);

        ExportJob done = manager.find(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ExportJobStatus.COMPLETED);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.error()).isNull();
        assertThat(done.result()).isEqualTo(ExportJobResult.of(4, List.of()));
        Path archive = Path.of(URI.create(done.fileUrl()));
        assertThat(archive).isEqualTo(root.resolve(job.id()).resolve(job.fileName()));
        assertThat(entries(Files.newInputStream(archive))).containsExactly(
                Map.entry("2024_001.pdf", "first"), Map.entry("____evil.pdf", "second"),
                Map.entry("inv_3.pdf", "third"), Map.entry("2024_001_2.pdf", "fourth"));
        try (InputStream in = manager.download(job.id()).orElseThrow()) {
            assertThat(entries(in)).hasSize(4);
        }
    }

    @Test
    void run_producerThrowsForOneDocument_listedAsSkippedAndJobGoesOn() throws IOException {
        ExportJobManager manager = manager(manualRunner);
        List<FakeDoc> docs = List.of(new FakeDoc("inv_1", "1", "ok"), new FakeDoc("inv_2", "2", "boom"),
                new FakeDoc("inv_3", "3", "ok"));
        ExportJob job = manager.start(request(ExportJobKind.PDF, ExportSource.of(docs), doc -> {
            if (doc.body().equals("boom")) {
                throw new IllegalStateException("font missing");
            }
            return bodyBytes(doc);
        }));
        queuedTasks.forEach(Runnable::run);

        ExportJob done = manager.find(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ExportJobStatus.COMPLETED);
        assertThat(done.result().exported()).isEqualTo(2);
        assertThat(done.result().skippedDocuments()).containsExactly(new SkippedDocument("inv_2", "2",
                "could not be produced: IllegalStateException: font missing"));
        assertThat(entries(manager.download(job.id()).orElseThrow()).keySet()).containsExactly("1.pdf", "3.pdf");
    }

    @Test
    void run_producerSkipsInvalid_listedWithReason() {
        ExportJobManager manager = manager(manualRunner);
        List<FakeDoc> docs = List.of(new FakeDoc("inv_1", "1", "valid"), new FakeDoc("inv_2", "2", "invalid"));
        ExportJob job = manager.start(request(ExportJobKind.ESLOG, ExportSource.of(docs),
                doc -> doc.body().equals("invalid") ? EntryOutcome.skip("issuer.tax_number: required") : bodyBytes(doc)));
        queuedTasks.forEach(Runnable::run);

        ExportJob done = manager.find(job.id()).orElseThrow();
        assertThat(done.kind()).isEqualTo(ExportJobKind.ESLOG);
        assertThat(done.result().skippedDocuments())
                .containsExactly(new SkippedDocument("inv_2", "2", "issuer.tax_number: required"));
        assertThat(done.result().exported()).isEqualTo(1);
    }

    @Test
    void run_sourceFailsMidway_failedAndNoArchiveLeft() throws IOException {
        ExportJobManager manager = manager(manualRunner);
        ExportSource<FakeDoc> failing = new ExportSource<>() {
            @Override
            public int size() {
                return 3;
            }

            @Override
            public Stream<FakeDoc> stream() {
                return IntStream.range(0, 3).mapToObj(i -> {
                    if (i == 2) {
                        throw new IllegalStateException("store went away");
                    }
                    return new FakeDoc("inv_" + i, "N" + i, "x".repeat(10_000));
                });
            }
        };
        ExportJob job = manager.start(request(ExportJobKind.PDF, failing, ExportJobManagerTest::bodyBytes));
        queuedTasks.forEach(Runnable::run);

        ExportJob failed = manager.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ExportJobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("IllegalStateException: store went away");
        assertThat(failed.fileUrl()).isNull();
        assertThat(failed.result().exported()).isEqualTo(2);
        assertThat(manager.download(job.id())).isEmpty();
        assertThat(regularFilesUnder(root)).isEmpty();
    }

    @Test
    void run_blobStoreFailsOnCommit_failedAndNothingPublished() throws IOException {
        DirectoryBlobStore directory = DirectoryBlobStore.of(root);
        BlobStore failingCommit = new BlobStore() {
            @Override
            public PendingBlob begin(String key) throws IOException {
                PendingBlob real = directory.begin(key);
                return new PendingBlob() {
                    @Override
                    public OutputStream output() {
                        return real.output();
                    }

                    @Override
                    public eu.invoicing.export.spi.StoredBlob commit() throws IOException {
                        real.abort();
                        throw new IOException("disk full");
                    }

                    @Override
                    public void abort() {
                        real.abort();
                    }

                    @Override
                    public void close() {
                        real.close();
                    }
                };
            }

            @Override
            public Optional<InputStream> open(String key) throws IOException {
                return directory.open(key);
            }

            @Override
            public boolean delete(String key) throws IOException {
                return directory.delete(key);
            }
        };
        ExportJobManager manager = ExportJobManager.of(manualRunner, failingCommit);
        ExportJob job = manager.start(request(ExportJobKind.PDF,
                ExportSource.of(List.of(new FakeDoc("inv_1", "1", "a"))), ExportJobManagerTest::bodyBytes));
        queuedTasks.forEach(Runnable::run);

        ExportJob failed = manager.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ExportJobStatus.FAILED);
        assertThat(failed.error()).isEqualTo("IOException: disk full");
        assertThat(regularFilesUnder(root)).isEmpty();
    }

    @Test
    void start_runnerRejects_failedAtOnce() {
        ExportJobManager manager = manager((id, task) -> {
            throw new RejectedExecutionException("queue full");
        });
        ExportJob job = manager.start(request(ExportJobKind.PDF, ExportSource.of(List.of()), ExportJobManagerTest::bodyBytes));
        assertThat(job.status()).isEqualTo(ExportJobStatus.FAILED);
        assertThat(job.error()).isEqualTo("job runner rejected the job: RejectedExecutionException: queue full");
    }

    @Test
    void run_noDocuments_completedWithEmptyArchive() throws IOException {
        ExportJobManager manager = manager(manualRunner);
        ExportJob job = manager.start(request(ExportJobKind.PDF, ExportSource.of(List.of()), ExportJobManagerTest::bodyBytes));
        queuedTasks.forEach(Runnable::run);
        ExportJob done = manager.find(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ExportJobStatus.COMPLETED);
        assertThat(done.totalDocs()).isZero();
        assertThat(entries(manager.download(job.id()).orElseThrow())).isEmpty();
    }

    @Test
    void find_pollFromAnotherThread_seesProcessingThenCompleted() throws InterruptedException {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<FakeDoc> docs = IntStream.range(0, 10).mapToObj(i -> new FakeDoc("inv_" + i, "N" + i, "b")).toList();
        try (ExecutorJobRunner runner = ExecutorJobRunner.withThreads(1)) {
            ExportJobManager manager = manager(runner);
            ExportJob job = manager.start(request(ExportJobKind.PDF, ExportSource.of(docs), doc -> {
                if (doc.id().equals("inv_5")) {
                    halfway.countDown();
                    await(release);
                }
                return bodyBytes(doc);
            }));
            assertThat(halfway.await(10, TimeUnit.SECONDS)).isTrue();
            ExportJob midway = manager.find(job.id()).orElseThrow();
            assertThat(midway.status()).isEqualTo(ExportJobStatus.PROCESSING);
            assertThat(midway.progress()).isEqualTo(50);
            assertThat(midway.result().exported()).isEqualTo(5);
            assertThat(manager.forget(job.id())).as("running jobs are kept").isFalse();
            release.countDown();
            ExportJob done = awaitFinal(manager, job.id());
            assertThat(done.status()).isEqualTo(ExportJobStatus.COMPLETED);
            assertThat(done.result().exported()).isEqualTo(10);
            assertThat(manager.forget(job.id())).isTrue();
            assertThat(manager.find(job.id())).isEmpty();
        }
    }

    @Test
    void start_manyJobsOnAPool_eachCompletesWithItsOwnArchive() throws Exception {
        try (ExecutorJobRunner runner = ExecutorJobRunner.withThreads(3)) {
            ExportJobManager manager = manager(runner);
            List<ExportJob> started = new ArrayList<>();
            for (int j = 0; j < 6; j++) {
                int job = j;
                List<FakeDoc> docs = IntStream.range(0, 50)
                        .mapToObj(i -> new FakeDoc("inv_" + job + "_" + i, "J" + job + "-" + i, "job " + job + " doc " + i))
                        .toList();
                started.add(manager.start(request(ExportJobKind.PDF, ExportSource.of(docs), ExportJobManagerTest::bodyBytes)));
            }
            assertThat(started).extracting(ExportJob::id).doesNotHaveDuplicates();
            for (int j = 0; j < started.size(); j++) {
                ExportJob done = awaitFinal(manager, started.get(j).id());
                assertThat(done.status()).isEqualTo(ExportJobStatus.COMPLETED);
                Map<String, String> entries = entries(manager.download(done.id()).orElseThrow());
                assertThat(entries).hasSize(50).containsEntry("J" + j + "-7.pdf", "job " + j + " doc 7");
            }
        }
    }

    @Test
    void find_unknownId_empty() throws IOException {
        ExportJobManager manager = manager(manualRunner);
        assertThat(manager.find("expjob_nope")).isEmpty();
        assertThat(manager.download("expjob_nope")).isEmpty();
        assertThatThrownBy(() -> manager.find(null)).isInstanceOf(NullPointerException.class).hasMessage("jobId");
    }

    @Test
    void run_sourceYieldsFewerThanItsSize_completedTotalIsWhatWasProcessed() {
        // A store's count is taken when the job starts; a document deleted before the job runs is not yielded.
        List<FakeDoc> docs = List.of(new FakeDoc("inv_1", "1", "a"), new FakeDoc("inv_2", "2", "b"));
        ExportJobManager manager = manager(manualRunner);
        ExportJob job = manager.start(request(ExportJobKind.PDF, ExportSource.of(3, docs::stream), ExportJobManagerTest::bodyBytes));
        assertThat(job.totalDocs()).isEqualTo(3);
        queuedTasks.forEach(Runnable::run);

        ExportJob done = manager.find(job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ExportJobStatus.COMPLETED);
        assertThat(done.totalDocs()).isEqualTo(2).isEqualTo(done.result().exported() + done.result().skipped());
    }

    @Test
    void run_sourceYieldsMoreThanItsSize_completedTotalIsWhatWasProcessed() {
        List<FakeDoc> docs = List.of(new FakeDoc("inv_1", "1", "a"), new FakeDoc("inv_2", "2", "b"),
                new FakeDoc("inv_3", "3", "c"));
        ExportJobManager manager = manager(manualRunner);
        ExportJob job = manager.start(request(ExportJobKind.PDF, ExportSource.of(1, docs::stream), doc ->
                doc.id().equals("inv_2") ? EntryOutcome.skip("not wanted") : bodyBytes(doc)));
        queuedTasks.forEach(Runnable::run);

        ExportJob done = manager.find(job.id()).orElseThrow();
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.totalDocs()).isEqualTo(3).isEqualTo(done.result().exported() + done.result().skipped());
    }

    @Test
    void run_fixedClock_entriesCarryTheClocksTimeInItsZone() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2024-07-03T10:15:30Z"), ZoneId.of("Europe/Ljubljana"));
        ExportJobManager manager = ExportJobManager.builder(manualRunner, DirectoryBlobStore.of(root)).clock(clock).build();
        ExportJob job = manager.start(request(ExportJobKind.PDF, ExportSource.of(List.of(new FakeDoc("inv_1", "1", "a"),
                new FakeDoc("inv_2", "2", "b"))), ExportJobManagerTest::bodyBytes));
        queuedTasks.forEach(Runnable::run);

        List<LocalDateTime> times = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(manager.download(job.id()).orElseThrow())) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                times.add(entry.getTimeLocal());
            }
        }
        // ZIP times are local (DOS) times: the clock's instant in the clock's zone (CEST, +02:00).
        assertThat(times).containsExactly(LocalDateTime.of(2024, 7, 3, 12, 15, 30), LocalDateTime.of(2024, 7, 3, 12, 15, 30));
    }

    @Test
    void run_sameFixedClockTwice_byteIdenticalArchives() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2024-07-03T10:15:30Z"), ZoneOffset.UTC);
        assertThat(archiveBytes(clock, root.resolve("first"))).isEqualTo(archiveBytes(clock, root.resolve("second")));
    }

    @Test
    void builder_nullArguments_throwNamingThem() {
        BlobStore store = DirectoryBlobStore.of(root);
        assertThatThrownBy(() -> ExportJobManager.builder(manualRunner, store).clock(null))
                .isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> ExportJobManager.builder(manualRunner, store).random(null))
                .isInstanceOf(NullPointerException.class).hasMessage("random");
        assertThatThrownBy(() -> ExportJobManager.builder(null, store))
                .isInstanceOf(NullPointerException.class).hasMessage("runner");
    }

    private byte[] archiveBytes(Clock clock, Path dir) throws IOException {
        List<Runnable> tasks = new ArrayList<>();
        ExportJobManager manager = ExportJobManager.builder((id, task) -> tasks.add(task), DirectoryBlobStore.of(dir))
                .clock(clock).random(new Random(7)).build();
        List<FakeDoc> docs = List.of(new FakeDoc("inv_1", "2024/001", "first"), new FakeDoc("inv_2", "2024/002", "second"));
        ExportJob job = manager.start(request(ExportJobKind.PDF, ExportSource.of(docs), ExportJobManagerTest::bodyBytes));
        tasks.forEach(Runnable::run);
        try (InputStream in = manager.download(job.id()).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    static ExportJob awaitFinal(ExportJobManager manager, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ExportJob job = manager.find(id).orElseThrow();
            if (job.status().isFinal()) {
                return job;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("job did not finish: " + manager.find(id));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> entries(InputStream in) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static List<Path> regularFilesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
