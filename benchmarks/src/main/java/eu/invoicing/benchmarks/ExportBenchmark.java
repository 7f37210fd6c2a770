package eu.invoicing.benchmarks;

import eu.invoicing.benchmarks.competitors.PoiSxssfExport;
import eu.invoicing.benchmarks.fixtures.ByteCountingOutputStream;
import eu.invoicing.benchmarks.fixtures.DocumentListSheet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exporting a {@value DocumentListSheet#BENCHMARK_ROWS}-row document list to XLSX, side by side
 * with Apache POI SXSSF writing the same cells ({@link DocumentListSheet}). Run with
 * {@code -prof gc} for the allocation per export ({@code gc.alloc.rate.norm}).
 *
 * <p>The cells are generated once per trial; the workbook goes to a byte-counting sink, so the
 * writer is timed, not a disk (SXSSF still writes its own temporary file, as it always does).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class ExportBenchmark {

    private DocumentListSheet sheet;

    /** Generates the cells. */
    @Setup(Level.Trial)
    public void setUp() {
        sheet = DocumentListSheet.generate(DocumentListSheet.BENCHMARK_ROWS, 42L);
    }

    /**
     * Apache POI SXSSF.
     *
     * @return bytes written
     */
    @Benchmark
    public long poi() {
        ByteCountingOutputStream out = new ByteCountingOutputStream();
        PoiSxssfExport.write(sheet, out);
        return out.count();
    }
}
