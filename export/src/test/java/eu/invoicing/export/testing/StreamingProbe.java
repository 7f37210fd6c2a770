package eu.invoicing.export.testing;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.export.DocumentListExport;
import eu.invoicing.export.DocumentListExporter;
import eu.invoicing.export.ExportFormat;
import eu.invoicing.export.job.ArchiveJobRequest;
import eu.invoicing.export.job.EntryOutcome;
import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobKind;
import eu.invoicing.export.job.ExportJobManager;
import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.export.spi.ExportSource;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Run in a forked JVM with a small heap by {@code StreamingMemoryTest}: exports N lazily
 * generated documents to XLSX and to a ZIP job, then prints the peak heap use. Prints lines
 * {@code KEY=value} on stdout (examples and tests may print; this is test code).
 */
public final class StreamingProbe {

    private StreamingProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int entryBytes = Integer.parseInt(args[2]);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        Path xlsx = dir.resolve("documents.xlsx");
        long rows;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(xlsx))) {
            rows = DocumentListExporter.create().export(
                    DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX).build(),
                    () -> SampleDocuments.stream(DocumentType.INVOICE, n), out);
        }
        long xlsxPeak = peakHeap();

        ExportSource<Document> source = new ExportSource<>() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public Stream<Document> stream() {
                return SampleDocuments.stream(DocumentType.INVOICE, n);
            }
        };
        ExportJobManager jobs = ExportJobManager.of((id, task) -> task.run(), DirectoryBlobStore.of(dir.resolve("blobs")));
        ExportJob job = jobs.start(new ArchiveJobRequest<>(ExportJobKind.PDF, "probe_documents.zip", source,
                d -> d.id().value(), Document::number, d -> {
                    byte[] content = new byte[entryBytes];
                    new SplittableRandom(d.id().hashCode()).nextBytes(content);
                    return EntryOutcome.file(content);
                }));
        ExportJob done = jobs.find(job.id()).orElseThrow();
        long totalPeak = peakHeap();
        System.out.println("XLSX_ROWS=" + rows);
        System.out.println("XLSX_FILE=" + xlsx);
        System.out.println("ZIP_STATUS=" + done.status().wireValue());
        System.out.println("ZIP_EXPORTED=" + done.result().exported());
        System.out.println("ZIP_URL=" + done.fileUrl());
        System.out.println("MAX_HEAP_BYTES=" + Runtime.getRuntime().maxMemory());
        System.out.println("PEAK_HEAP_AFTER_XLSX_BYTES=" + xlsxPeak);
        System.out.println("PEAK_HEAP_BYTES=" + totalPeak);
    }

    /** Sum of the peak use of every heap pool (an upper bound of the true peak). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
