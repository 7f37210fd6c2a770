package eu.invoicing.examples.demo;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.query.DocumentQuery;
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
import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.export.local.StoreDocuments;
import eu.invoicing.export.spi.ExportSource;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The demo's export step: the entity's documents, read back from the {@code Invoicing} store (with the
 * numbers they were given), as an invoice list in XLSX and CSV, a sales-per-item sheet, and a ZIP of their
 * PDFs made by a bulk export job, all under {@code exports/}.
 *
 * <p>Stateless; not for concurrent use on the same directory.
 */
public final class ExportDemoOutput {
    /** Every kind, in the order the ZIP lists them. */
    private static final List<DocumentType> KINDS = List.of(DocumentType.INVOICE, DocumentType.ESTIMATE,
            DocumentType.ADVANCE_INVOICE, DocumentType.CREDIT_NOTE, DocumentType.DELIVERY_NOTE);
    /** The kinds sales per item counts: sales and returns. */
    private static final List<DocumentType> SALES = List.of(DocumentType.INVOICE, DocumentType.ADVANCE_INVOICE,
            DocumentType.CREDIT_NOTE);
    /** Store order: by number (then id), so every run lists the documents in the same order. */
    private static final DocumentQuery BY_NUMBER = DocumentQuery.builder().orderBy("number").build();

    private ExportDemoOutput() {
    }

    /**
     * Writes the exports.
     *
     * @param store the entity's documents as stored, not null
     * @param entity the issuing entity, not null
     * @param names the demo's name of each document (the PDF entries' names), not null
     * @param out the demo's output directory, not null
     * @param log where to say what was written, not null
     * @throws IOException if a file cannot be written
     */
    public static void write(StoreDocuments store, Entity entity, Map<DocumentId, String> names, Path out,
                             PrintWriter log) throws IOException {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(names, "names");
        Path dir = Files.createDirectories(out.resolve("exports"));
        Supplier<Stream<Document>> all = () -> documents(store, entity, KINDS);
        LocalDate from;
        LocalDate to;
        try (Stream<Document> documents = all.get()) {
            List<LocalDate> dates = documents.map(Document::date).filter(Objects::nonNull).sorted().toList();
            if (dates.isEmpty()) {
                throw new IOException("the store holds no dated document of " + entity.name() + " to export");
            }
            from = dates.get(0);
            to = dates.get(dates.size() - 1);
        }
        ExportPeriod period = ExportPeriod.of(from, to);
        ExportLanguage language = ExportLanguage.forLocale(Locale.forLanguageTag(entity.locale()));

        DocumentListExporter lists = DocumentListExporter.create(DemoData.CLOCK);
        Supplier<Stream<Document>> invoices = () -> documents(store, entity, List.of(DocumentType.INVOICE));
        long xlsxRows;
        try (OutputStream xlsx = Files.newOutputStream(dir.resolve("invoices.xlsx"))) {
            xlsxRows = lists.export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX)
                    .language(language).period(period).build(), invoices, xlsx);
        }
        try (OutputStream csv = Files.newOutputStream(dir.resolve("invoices.csv"))) {
            lists.export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV).language(language)
                    .period(period).byteOrderMark(true).build(), invoices, csv);
        }
        long items;
        try (OutputStream sales = Files.newOutputStream(dir.resolve("sales-per-item.xlsx"))) {
            items = SalesPerItemExporter.create(DemoData.CLOCK).export(new SalesPerItemExport(period, ExportFormat.XLSX, language,
                    false), documents(store, entity, SALES), sales);
        }

        Path blobs = Files.createDirectories(dir.resolve("jobs"));
        // A seeded source of job ids and the demo's clock: the summary names the same job on every run and
        // the archive's entries carry the same time.
        ExportJobManager jobs = ExportJobManager.builder((id, task) -> task.run(), DirectoryBlobStore.of(blobs))
                .random(new Random(DemoData.jobSeed())).clock(DemoData.CLOCK).build();
        int count;
        try (Stream<Document> documents = all.get()) {
            count = (int) documents.count();
        }
        ExportJob started = jobs.start(new ArchiveJobRequest<>(ExportJobKind.PDF,
                BulkExports.slug(entity.name()) + "_documents_" + from + "_" + to + ".zip",
                ExportSource.of(count, all), d -> d.id().value(), d -> names.get(d.id()),
                BulkExports.pdfProducer(PdfRenderer.create(DemoData.CLOCK), entity, RenderOptions.defaults())));
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

    /** @return the entity's documents of the kinds, kind by kind, each by number, paged from the store */
    private static Stream<Document> documents(StoreDocuments store, Entity entity, List<DocumentType> kinds) {
        return kinds.stream().flatMap(kind -> store.stream(entity.id(), kind, BY_NUMBER));
    }
}
