package eu.invoicing.benchmarks.export;

import eu.invoicing.benchmarks.fixtures.ByteCountingOutputStream;
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
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The two XLSX exports of {@link DocumentExportBenchmark} (ours and POI SXSSF, 100,000 rows) timed by
 * the calling thread's CPU time instead of the wall clock: on a shared machine with many runnable
 * processes per core the wall time of a multi-second operation is mostly waiting for a core, while
 * the CPU time a thread was given stays close to the work it did. Not JMH: a load program that warms
 * both up (two exports each), then alternates them ({@code rounds} times each) and prints the median and the range of
 * the CPU time, the wall time, the bytes allocated per export and the file size. Run with
 * {@code java -cp benchmarks.jar eu.invoicing.benchmarks.export.XlsxCpuTime [rounds [ours]]} ({@code ours}:
 * only ours, e.g. to compare settings).
 *
 * <p>The CPU time is the exporting thread's only: the garbage collector's threads are not in it (POI
 * allocates over 600 times as much, so this flatters POI).
 */
public final class XlsxCpuTime {

    /** The current export's output: counted, then discarded. */
    private static ByteCountingOutputStream sink = new ByteCountingOutputStream();

    private XlsxCpuTime() {
    }

    /**
     * @param args optional: the number of measured rounds (default 5), then {@code ours} to leave POI out
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean withPoi = args.length < 2 || !args[1].equals("ours");
        SampleInvoices invoices = SampleInvoices.generate(2_000, 42L);
        SortedSet<BigDecimal> rates = new TreeSet<>();
        for (Document d : invoices.pool()) {
            for (TaxSummary t : d.taxes()) {
                rates.add(t.rate().stripTrailingZeros());
            }
        }
        List<Column<Document>> columns = DocumentColumns.forType(DocumentType.INVOICE, ExportLabels.of(ExportLanguage.EN), rates);
        LongSupplier ours = () -> {
            try {
                return DocumentListExporter.create().export(
                        DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX).build(),
                        () -> invoices.cycle(DocumentExportBenchmark.ROWS), sink);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        LongSupplier poi = () -> PoiSxssfDocumentList.write(columns, invoices.cycle(DocumentExportBenchmark.ROWS), sink);
        for (int i = 0; i < 2; i++) {
            measure(ours);
            if (withPoi) {
                measure(poi);
            }
        }
        long[][] oursRuns = new long[rounds][];
        long[][] poiRuns = new long[rounds][];
        for (int i = 0; i < rounds; i++) {
            oursRuns[i] = measure(ours);
            if (withPoi) {
                poiRuns[i] = measure(poi);
            }
        }
        print("xlsx (ours)", oursRuns);
        if (!withPoi) {
            return;
        }
        print("xlsxPoiSxssf", poiRuns);
        System.out.printf("CPU-time ratio POI / ours (medians): %.2f%n",
                median(poiRuns, 0) / (double) median(oursRuns, 0));
    }

    /** @return CPU ns, wall ns, allocated bytes and file bytes of one export */
    private static long[] measure(LongSupplier export) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        sink = new ByteCountingOutputStream();
        long allocated = threads.getThreadAllocatedBytes(id);
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        long rows = export.getAsLong();
        long[] run = {threads.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall,
            threads.getThreadAllocatedBytes(id) - allocated, sink.count()};
        if (rows != DocumentExportBenchmark.ROWS) {
            throw new IllegalStateException("wrote " + rows + " rows");
        }
        return run;
    }

    private static long median(long[][] runs, int field) {
        long[] values = Arrays.stream(runs).mapToLong(r -> r[field]).sorted().toArray();
        return values[values.length / 2];
    }

    private static void print(String name, long[][] runs) {
        long[] cpu = Arrays.stream(runs).mapToLong(r -> r[0]).sorted().toArray();
        long[] wall = Arrays.stream(runs).mapToLong(r -> r[1]).sorted().toArray();
        System.out.printf("%-13s CPU %,d ms (%,d–%,d), wall %,d ms (%,d–%,d), allocated %,d B, file %,d B%n", name,
                median(runs, 0) / 1_000_000, cpu[0] / 1_000_000, cpu[cpu.length - 1] / 1_000_000,
                median(runs, 1) / 1_000_000, wall[0] / 1_000_000, wall[wall.length - 1] / 1_000_000, median(runs, 2),
                median(runs, 3));
    }
}
