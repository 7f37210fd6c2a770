package eu.invoicing.examples.demo;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.export.BulkExports;
import eu.invoicing.export.DocumentListExport;
import eu.invoicing.export.DocumentListExporter;
import eu.invoicing.export.ExportFormat;
import eu.invoicing.export.ExportPeriod;
import eu.invoicing.export.SalesPerItemExport;
import eu.invoicing.export.SalesPerItemExporter;
import eu.invoicing.export.i18n.ExportLanguage;
import eu.invoicing.export.job.ArchiveJobRequest;
import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobKind;
import eu.invoicing.export.job.ExportJobManager;
import eu.invoicing.export.job.ExportSource;
import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.rendering.RenderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo's export step: the documents as an invoice list in XLSX and CSV, a sales-per-item
 * sheet, and a ZIP of their PDFs made by a bulk export job, all under {@code exports/}.
 *
 * <p>The demo's documents are drafts; exports count finalized documents (sales per item skips
 * drafts), so this step exports copies finalized with the numbers {@code DEMO-1}, {@code DEMO-2}, ...
 *
 * <p>Stateless; not for concurrent use on the same directory.
 */
public final class ExportDemoOutput {

    private ExportDemoOutput() {
    }

    /**
     * Writes the exports.
     *
     * @param documents the calculated documents by name, not null
     * @param entity the issuing entity, not null
     * @param out the demo's output directory, not null
     * @param log where to say what was written, not null
     * @throws IOException if a file cannot be written
     */
    public static void write(Map<String, Document> documents, Entity entity, Path out, PrintWriter log)
            throws IOException {
        Path dir = Files.createDirectories(out.resolve("exports"));
        List<Document> finalized = new ArrayList<>();
        Map<Document, String> names = new IdentityHashMap<>();
        int n = 1;
        for (Map.Entry<String, Document> e : documents.entrySet()) {
            Document copy = e.getValue().toBuilder().draft(false).number("DEMO-" + n++).build();
            finalized.add(copy);
            names.put(copy, e.getKey());
        }
        LocalDate from = finalized.stream().map(Document::date).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = finalized.stream().map(Document::date).max(Comparator.naturalOrder()).orElseThrow();
        ExportPeriod period = ExportPeriod.of(from, to);
        ExportLanguage language = ExportLanguage.forLocale(Locale.forLanguageTag(entity.locale()));

        DocumentListExporter lists = DocumentListExporter.create();
        long xlsxRows;
        try (OutputStream xlsx = Files.newOutputStream(dir.resolve("invoices.xlsx"))) {
            xlsxRows = lists.export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX)
                    .language(language).period(period).build(), finalized::stream, xlsx);
        }
        try (OutputStream csv = Files.newOutputStream(dir.resolve("invoices.csv"))) {
            lists.export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV).language(language)
                    .period(period).byteOrderMark(true).build(), finalized::stream, csv);
        }
        long items;
        try (OutputStream sales = Files.newOutputStream(dir.resolve("sales-per-item.xlsx"))) {
            items = SalesPerItemExporter.create().export(new SalesPerItemExport(period, ExportFormat.XLSX, language,
                    false), finalized.stream(), sales);
        }

        Path blobs = Files.createDirectories(dir.resolve("jobs"));
        ExportJobManager jobs = ExportJobManager.of((id, task) -> task.run(), DirectoryBlobStore.of(blobs));
        ExportJob started = jobs.start(new ArchiveJobRequest<>(ExportJobKind.PDF,
                BulkExports.slug(entity.name()) + "_documents_" + from + "_" + to + ".zip",
                ExportSource.of(finalized), names::get, names::get,
                BulkExports.pdfProducer(PdfRenderer.create(), entity, RenderOptions.defaults())));
        ExportJob job = jobs.find(started.id()).orElse(started);
        Path zip = dir.resolve(job.fileName());
        try (InputStream archive = jobs.download(job.id()).orElseThrow(
                () -> new IOException("PDF export job " + job.id() + " " + job.status().wireValue() + ": " + job.error()))) {
            Files.copy(archive, zip, StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        log.printf("Exported %d invoices to invoices.xlsx and invoices.csv, %d items to sales-per-item.xlsx and "
                        + "%d PDFs to %s (job %s, %s) in %s%n", xlsxRows, items, job.result().exported(), zip.getFileName(),
                job.id(), job.status().wireValue(), dir.toAbsolutePath());
    }
}
