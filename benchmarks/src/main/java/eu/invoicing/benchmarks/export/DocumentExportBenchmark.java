package eu.invoicing.benchmarks.export;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.export.DocumentListExport;
import eu.invoicing.export.DocumentListExporter;
import eu.invoicing.export.ExportFormat;
import eu.invoicing.export.i18n.ExportLabels;
import eu.invoicing.export.i18n.ExportLanguage;
import eu.invoicing.export.internal.Column;
import eu.invoicing.export.internal.DocumentColumns;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
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
 * The document list export of {@value #ROWS} calculated invoices (cycled from a pool of 2,000
 * distinct ones): ours to XLSX (our own streaming SpreadsheetML writer, the full product path
 * including the pass that finds the tax rates), Apache POI SXSSF writing the same cells (columns precomputed, so POI is
 * spared that pass), and ours to CSV. Output goes to a discarding stream. Run with
 * {@code -prof gc} for the allocation per export ({@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class DocumentExportBenchmark {

    /** Rows per export. */
    public static final int ROWS = 100_000;

    private SampleInvoices invoices;
    private List<Column<Document>> columns;

    /** Builds the document pool and, for POI, the column set. */
    @Setup(Level.Trial)
    public void setUp() {
        invoices = SampleInvoices.generate(2_000, 42L);
        SortedSet<BigDecimal> rates = new TreeSet<>();
        for (Document d : invoices.pool()) {
            for (TaxSummary t : d.taxes()) {
                rates.add(t.rate().stripTrailingZeros());
            }
        }
        columns = DocumentColumns.forType(DocumentType.INVOICE, ExportLabels.of(ExportLanguage.EN), rates);
    }

    /**
     * Ours: XLSX ({@code XlsxTableWriter}; until issue 16 this was fastexcel and the method was {@code xlsxFastexcel}).
     *
     * @return rows written
     * @throws IOException never (discarding sink)
     */
    @Benchmark
    public long xlsx() throws IOException {
        return DocumentListExporter.create().export(
                DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX).build(),
                () -> invoices.cycle(ROWS), OutputStream.nullOutputStream());
    }

    /**
     * Apache POI SXSSF, same cells.
     *
     * @return rows written
     */
    @Benchmark
    public long xlsxPoiSxssf() {
        return PoiSxssfDocumentList.write(columns, invoices.cycle(ROWS), OutputStream.nullOutputStream());
    }

    /**
     * Ours: CSV.
     *
     * @return rows written
     * @throws IOException never (discarding sink)
     */
    @Benchmark
    public long csv() throws IOException {
        return DocumentListExporter.create().export(
                DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV).build(),
                () -> invoices.cycle(ROWS), OutputStream.nullOutputStream());
    }
}
