package eu.invoicing.benchmarks.export;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.export.BulkExports;
import eu.invoicing.export.job.ArchiveJobRequest;
import eu.invoicing.export.job.DocumentEntryProducer;
import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobKind;
import eu.invoicing.export.job.ExportJobManager;
import eu.invoicing.export.job.ExportJobStatus;
import eu.invoicing.export.spi.BlobStore;
import eu.invoicing.export.spi.ExportSource;
import eu.invoicing.export.spi.PendingBlob;
import eu.invoicing.export.spi.StoredBlob;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.rendering.RenderOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A bulk PDF export job of {@value #DOCUMENTS} calculated invoices (cycled from a pool of 200)
 * rendered with the rendering module's {@link PdfRenderer} and zipped by the job manager into a
 * discarding blob store: the archive is written on the calling thread, the PDFs are rendered on it
 * ({@code renderThreads = 1}) or on that many worker threads. Documents per second =
 * {@value #DOCUMENTS} ÷ the time per operation.
 *
 * <p>Two controls run in the same JVM so that the one- and two-thread ratio of the job can be read
 * against what the machine gives at the moment: {@link #renderOnly1000()} renders the same documents
 * on that many plain threads with no archive (the most the job could gain), and {@link #cpuControl()}
 * splits a fixed amount of SHA-256 hashing over that many threads (the cores actually free; on a
 * machine shared with other processes it is well below 2).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class PdfZipBenchmark {

    /** Documents per archive. */
    public static final int DOCUMENTS = 1_000;

    /** Threads rendering the PDFs ({@link ExportJobManager.Builder#renderThreads(int)}). */
    @Param({"1", "2"})
    public int renderThreads;

    /** SHA-256 blocks of 64 kB that {@link #cpuControl()} hashes in all, split over the threads. */
    static final int CONTROL_BLOCKS = 4_096;

    private SampleInvoices invoices;
    private Entity entity;
    private ExportJobManager jobs;
    private ExecutorService controlThreads;
    private final byte[] controlBlock = new byte[64 * 1024];

    /** Builds the document pool, a job manager that runs jobs inline and the controls' threads. */
    @Setup(Level.Trial)
    public void setUp() {
        invoices = SampleInvoices.generate(200, 7L);
        entity = Entity.sampleSlovenian();
        jobs = ExportJobManager.builder((id, task) -> task.run(), new DiscardingBlobStore())
                .renderThreads(renderThreads).build();
        controlThreads = Executors.newFixedThreadPool(renderThreads);
    }

    /** Stops the controls' threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        controlThreads.shutdownNow();
    }

    /**
     * Control: the same {@value #DOCUMENTS} PDFs rendered on {@code renderThreads} plain threads that
     * take the next document from a shared counter, with no archive, no window and no ordering.
     *
     * @return the bytes rendered
     */
    @Benchmark
    public long renderOnly1000() {
        PdfRenderer renderer = PdfRenderer.create();
        RenderOptions options = RenderOptions.defaults();
        List<Document> pool = invoices.pool();
        AtomicInteger next = new AtomicInteger();
        return onThreads(controlThreads, renderThreads, () -> {
            long bytes = 0;
            for (int i = next.getAndIncrement(); i < DOCUMENTS; i = next.getAndIncrement()) {
                bytes += renderer.render(pool.get(i % pool.size()), entity, options).length;
            }
            return bytes;
        });
    }

    /**
     * Control: {@value #CONTROL_BLOCKS} SHA-256 digests of a 64 kB block split evenly over
     * {@code renderThreads} threads: pure computation that allocates nothing, so its one- and
     * two-thread ratio is the parallelism the machine offers during the run.
     *
     * @return a byte of the digests, so that the work cannot be dropped
     */
    @Benchmark
    public long cpuControl() {
        return cpuControl(controlThreads, renderThreads, controlBlock);
    }

    /**
     * {@value #CONTROL_BLOCKS} SHA-256 digests of {@code block} split evenly over {@code threads} tasks
     * on {@code pool}.
     *
     * @param pool where the tasks run, with at least {@code threads} threads
     * @param threads how many tasks share the work
     * @param block the bytes hashed, read only
     * @return a byte of the digests, so that the work cannot be dropped
     */
    static long cpuControl(ExecutorService pool, int threads, byte[] block) {
        int share = CONTROL_BLOCKS / threads;
        return onThreads(pool, threads, () -> {
            MessageDigest sha256;
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long sum = 0;
            for (int i = 0; i < share; i++) {
                sha256.update(block);
                sum += sha256.digest()[0];
            }
            return sum;
        });
    }

    /** Runs {@code task} {@code threads} times on {@code pool}, at once, and adds up the results. */
    private static long onThreads(ExecutorService pool, int threads, Callable<Long> task) {
        List<Future<Long>> running = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(task));
        }
        long total = 0;
        try {
            for (Future<Long> f : running) {
                total += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return total;
    }

    /**
     * @return documents in the archive
     */
    @Benchmark
    public int pdfZip1000() {
        return export(jobs, invoices, entity, DOCUMENTS);
    }

    /**
     * Runs one bulk PDF job over {@code documents} documents cycled from the pool.
     *
     * @param jobs the manager (runs jobs inline)
     * @param invoices the pool
     * @param entity the issuing entity
     * @param documents how many documents the archive holds
     * @return documents in the archive
     */
    static int export(ExportJobManager jobs, SampleInvoices invoices, Entity entity, int documents) {
        return archive(jobs, invoices, ExportJobKind.PDF,
                BulkExports.pdfProducer(PdfRenderer.create(), entity, RenderOptions.defaults()), documents);
    }

    /**
     * Runs one bulk job of {@code kind} over {@code documents} documents cycled from the pool.
     *
     * @param jobs the manager (runs jobs inline)
     * @param invoices the pool
     * @param kind what the archive holds
     * @param producer the entry of one document
     * @param documents how many documents the archive holds
     * @return documents in the archive
     */
    static int archive(ExportJobManager jobs, SampleInvoices invoices, ExportJobKind kind,
                       DocumentEntryProducer<Document> producer, int documents) {
        ExportSource<Document> source = new ExportSource<>() {
            @Override
            public int size() {
                return documents;
            }

            @Override
            public Stream<Document> stream() {
                return invoices.cycle(documents);
            }
        };
        ExportJob job = jobs.start(new ArchiveJobRequest<>(kind, "bench.zip", source,
                d -> d.id().value(), Document::number, producer));
        ExportJob done = jobs.find(job.id()).orElseThrow();
        jobs.forget(job.id());
        if (done.status() != ExportJobStatus.COMPLETED) {
            throw new IllegalStateException("export failed: " + done.error());
        }
        return done.result().exported();
    }

    /** @return a blob store that drops the bytes */
    static BlobStore discarding() {
        return new DiscardingBlobStore();
    }

    /** A blob store that counts and drops the bytes. */
    private static final class DiscardingBlobStore implements BlobStore {
        @Override
        public PendingBlob begin(String key) {
            OutputStream sink = OutputStream.nullOutputStream();
            return new PendingBlob() {
                @Override
                public OutputStream output() {
                    return sink;
                }

                @Override
                public StoredBlob commit() {
                    return new StoredBlob(key, "null:" + key, 0);
                }

                @Override
                public void abort() {
                    // Nothing was kept.
                }

                @Override
                public void close() {
                    // Nothing was kept.
                }
            };
        }

        @Override
        public Optional<InputStream> open(String key) {
            return Optional.empty();
        }

        @Override
        public boolean delete(String key) {
            return false;
        }
    }
}
