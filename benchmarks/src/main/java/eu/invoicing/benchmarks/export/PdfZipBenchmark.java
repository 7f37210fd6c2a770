package eu.invoicing.benchmarks.export;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.export.BulkExports;
import eu.invoicing.export.job.ArchiveJobRequest;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A bulk PDF export job of {@value #DOCUMENTS} calculated invoices (cycled from a pool of 200)
 * rendered with the rendering module's {@link PdfRenderer} and zipped by the job manager into a
 * discarding blob store: the archive is written on the calling thread, the PDFs are rendered on it
 * ({@code renderThreads = 1}) or on that many worker threads. Documents per second =
 * {@value #DOCUMENTS} ÷ the time per operation.
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

    private SampleInvoices invoices;
    private Entity entity;
    private ExportJobManager jobs;

    /** Builds the document pool and a job manager that runs jobs inline. */
    @Setup(Level.Trial)
    public void setUp() {
        invoices = SampleInvoices.generate(200, 7L);
        entity = Entity.sampleSlovenian();
        jobs = ExportJobManager.builder((id, task) -> task.run(), new DiscardingBlobStore())
                .renderThreads(renderThreads).build();
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
        ExportJob job = jobs.start(new ArchiveJobRequest<>(ExportJobKind.PDF, "bench.zip", source,
                d -> d.id().value(), Document::number,
                BulkExports.pdfProducer(PdfRenderer.create(), entity, RenderOptions.defaults())));
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
