package eu.invoicing.benchmarks.export;

import eu.invoicing.core.model.Entity;
import eu.invoicing.export.job.ExportJobManager;
import java.util.concurrent.TimeUnit;
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
 * One bulk PDF export of {@value #DOCUMENTS} documents in a JVM limited to 128 MB of heap: the job
 * holds at most a bounded window of documents however long the archive is, so it completes (an
 * {@code OutOfMemoryError} fails the run). Single shot; documents per second = {@value #DOCUMENTS}
 * ÷ the time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx128m"})
@State(Scope.Benchmark)
public class PdfZipMemoryBenchmark {

    /** Documents in the archive. */
    public static final int DOCUMENTS = 20_000;

    /** Threads rendering the PDFs. */
    @Param({"2"})
    public int renderThreads;

    private SampleInvoices invoices;
    private Entity entity;
    private ExportJobManager jobs;

    /** Builds the document pool and a job manager that runs jobs inline. */
    @Setup(Level.Trial)
    public void setUp() {
        invoices = SampleInvoices.generate(200, 7L);
        entity = Entity.sampleSlovenian();
        jobs = ExportJobManager.builder((id, task) -> task.run(), PdfZipBenchmark.discarding())
                .renderThreads(renderThreads).build();
    }

    /**
     * @return documents in the archive
     */
    @Benchmark
    public int pdfZip20000() {
        return PdfZipBenchmark.export(jobs, invoices, entity, DOCUMENTS);
    }
}
