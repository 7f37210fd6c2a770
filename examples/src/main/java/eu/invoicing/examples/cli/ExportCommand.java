package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.Entity;
import eu.invoicing.export.BulkExportRequest;
import eu.invoicing.export.BulkExports;
import eu.invoicing.export.DocumentListExport;
import eu.invoicing.export.DocumentListExporter;
import eu.invoicing.export.ExportFormat;
import eu.invoicing.export.ExportPeriod;
import eu.invoicing.export.SalesPerItemExport;
import eu.invoicing.export.SalesPerItemExporter;
import eu.invoicing.export.i18n.ExportLanguage;
import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobJson;
import eu.invoicing.export.job.ExportJobManager;
import eu.invoicing.export.job.ExportJobStatus;
import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.export.spi.BulkDocumentSource;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.EslogSchema;
import eu.invoicing.eslog.EslogSerializer;
import eu.invoicing.eslog.EslogValidator;
import eu.invoicing.export.job.DocumentEntryProducer;
import eu.invoicing.export.job.EntryOutcome;
import eu.invoicing.export.job.SkippedDocument;
import eu.invoicing.export.spi.ExportSource;
import eu.invoicing.rendering.PdfRenderer;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code invoicing export}: document list and sales-per-item exports of documents read as JSON
 * Lines (one document in the wire format per line) on stdin.
 *
 * <ul>
 *   <li>{@code invoicing export --format xlsx|csv --type invoice [--language G] [--from D --to D] [--query JSON] [--search S] [--bom] [--out FILE]}</li>
 *   <li>{@code invoicing export sales-per-item --format xlsx|csv --from D --to D [--language G] [--bom] [--out FILE]}</li>
 *   <li>{@code invoicing export pdf-zip --from D --to D --out FILE [--type T]... [--entity entity.json] [--locale L] [--language G]}</li>
 *   <li>{@code invoicing export eslog-zip --from D --to D --out FILE [--type T]... [--entity entity.json] [--xsd DIR | --skip-xsd]}</li>
 * </ul>
 * The ZIP commands take {@code --ids ID,ID...} instead of the dates and kinds (the API's {@code document_ids});
 * an id that is not among the entity's documents on stdin is listed in the job's {@code skipped_documents}.
 * With {@code --database URL} ({@link DatabaseOption}) every command reads the entity's documents ({@code --entity},
 * not in the trash) from PostgreSQL instead of stdin.
 * Without {@code --out} the file goes to stdout (the ZIP commands require it and print the
 * export job as JSON, its {@code file_url} the written file). Exit codes: 0 success, 2 bad input (errors as
 * JSON on stderr, every bad line reported as {@code lines[n].path}; an export that selects no document, a ZIP
 * command given documents of another entity, or one whose every document is skipped, writes nothing and
 * exits 2), 1 an unexpected failure (such as a stdout that cannot be written).
 *
 * <p>Stdin is spooled to a temporary file and validated first, then streamed, so memory stays
 * flat for large inputs.
 *
 * <p>Not thread-safe; one instance per invocation.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export documents (JSON Lines on stdin) to XLSX or CSV.",
        subcommands = {ExportCommand.SalesPerItem.class, ExportCommand.PdfZip.class, ExportCommand.EslogZip.class})
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--format", description = "xlsx or csv (required)")
    String format;

    @Option(names = "--type",
            description = "invoice, estimate, credit_note, advance_invoice or delivery_note")
    String type;

    @CommandLine.Mixin
    Common common;

    @Option(names = "--from", description = "First date (ISO 8601); with --to, at most one year.")
    String from;

    @Option(names = "--to", description = "Last date (ISO 8601).")
    String to;

    @Option(names = "--search", description = "Full-text search (case-insensitive substring).")
    String search;

    @Option(names = "--query", description = "List filter in the query language, e.g. '{\"total\":{\"gte\":100}}'.")
    String query;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return common.run(spec, () -> {
            List<Violation> problems = new ArrayList<>();
            ExportFormat exportFormat = collect(problems, () -> ExportFormat.parse(format));
            DocumentType kind = collect(problems, () -> type == null
                    ? failRequired("type") : WireValues.parse(DocumentType.class, type).orElseThrow(
                    () -> ValidationException.of("type", "invalid_value", "must be one of "
                            + WireValues.allowed(DocumentType.class) + ", was \"" + type + "\"")));
            ExportLanguage language = collect(problems, common::language);
            ExportPeriod period = collect(problems, () -> ExportPeriod.optional(date("date_from", from), date("date_to", to)));
            DocumentListExport.Builder builder = collect(problems, () -> kind == null || exportFormat == null ? null
                    : DocumentListExport.builder(kind, exportFormat).query(query));
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            DocumentListExport request = builder.language(language).period(period).search(search)
                    .byteOrderMark(common.bom).build();
            String selection = WireValues.of(kind) + (period == null ? "" : ", dated " + period.from() + " to "
                    + period.to()) + (query == null ? "" : ", the query") + (search == null ? "" : ", the search");
            return Export.of("no document on stdin matches the export (" + selection + ")",
                    (spool, out) -> DocumentListExporter.create().export(request, () -> documents(spool), out));
        });
    }

    /** {@code invoicing export sales-per-item}. */
    @Command(name = "sales-per-item", mixinStandardHelpOptions = true,
            description = "Sales per item for a period (invoices, advance invoices, credit notes as returns).")
    static final class SalesPerItem implements Callable<Integer> {
        @Option(names = "--format", required = true, description = "xlsx or csv")
        String format;

        @Option(names = "--from", required = true, description = "First date (ISO 8601).")
        String from;

        @Option(names = "--to", required = true, description = "Last date (ISO 8601); at most one year after --from.")
        String to;

        @CommandLine.Mixin
        Common common;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return common.run(spec, () -> {
                List<Violation> problems = new ArrayList<>();
                ExportFormat exportFormat = collect(problems, () -> ExportFormat.parse(format));
                ExportLanguage language = collect(problems, common::language);
                ExportPeriod period = collect(problems, () -> ExportPeriod.of(date("date_from", from), date("date_to", to)));
                if (!problems.isEmpty()) {
                    throw new ValidationException(problems);
                }
                SalesPerItemExport request = new SalesPerItemExport(period, exportFormat, language, common.bom);
                return Export.of("no finalized invoice, advance invoice or credit note on stdin is dated "
                        + period.from() + " to " + period.to() + " (voided and deleted ones do not count)",
                        (spool, out) -> SalesPerItemExporter.create().export(request, documents(spool), out));
            });
        }
    }

    /**
     * {@code invoicing export pdf-zip}: a ZIP of one PDF per document dated in the range (all
     * kinds, or those given with {@code --type}), run as an export job; prints the job as JSON.
     */
    @Command(name = "pdf-zip", mixinStandardHelpOptions = true,
            description = "A ZIP of PDFs of the documents dated in the range, run as an export job.")
    static final class PdfZip implements Callable<Integer> {
        @CommandLine.Mixin
        ArchiveOptions archive;

        @Option(names = "--locale", description = "Rendering locale, e.g. sl-SI (default: the entity's).")
        String locale;

        @Option(names = "--language", description = "Label language (default: the locale's).")
        String language;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            return archive.run(spec, List.of(DocumentType.values()), locale, language,
                    (bulk, entity, request) -> bulk.startPdf(entity, request, PdfRenderer.create()));
        }
    }

    /**
     * {@code invoicing export eslog-zip}: a ZIP of one e-SLOG 2.0 XML per valid invoice, credit note
     * or advance invoice dated in the range; invalid documents are listed in the printed job.
     */
    @Command(name = "eslog-zip", mixinStandardHelpOptions = true,
            description = "A ZIP of e-SLOG XML of the valid documents dated in the range; invalid ones are listed.")
    static final class EslogZip implements Callable<Integer> {
        @CommandLine.Mixin
        ArchiveOptions archive;

        @CommandLine.Mixin
        EslogCommand.XsdOptions xsdOptions = new EslogCommand.XsdOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            EslogSchema schema;
            try {
                schema = xsdOptions.schema();
            } catch (ValidationException e) {
                return InvoicingCli.badInput(spec.commandLine().getErr(), e.violations());
            }
            return archive.run(spec, List.of(DocumentType.INVOICE, DocumentType.CREDIT_NOTE,
                    DocumentType.ADVANCE_INVOICE), null, null,
                    (bulk, entity, request) -> bulk.startEslog(entity, request, schema == null
                            ? withoutSchema(entity)
                            : BulkExports.eslogProducer(new EslogValidator(schema, Clock.systemUTC()),
                                    new EslogSerializer(), entity)));
        }

        /** As {@link BulkExports#eslogProducer}, with the checks that need no XSD ({@code --skip-xsd}). */
        private static DocumentEntryProducer<Document> withoutSchema(Entity entity) {
            EslogContext context = EslogContext.forEntity(entity);
            EslogSerializer serializer = new EslogSerializer();
            return document -> {
                List<Violation> errors = EslogValidator.checkWithoutSchema(document, context);
                if (!errors.isEmpty()) {
                    return EntryOutcome.skip("e-SLOG invalid: " + errors.stream()
                            .map(v -> v.path().isEmpty() ? v.message() : v.path() + ": " + v.message())
                            .collect(Collectors.joining("; ")));
                }
                return EntryOutcome.file(serializer.toBytes(document, context));
            };
        }
    }

    /** Starts one kind of archive job. */
    @FunctionalInterface
    interface ArchiveStart {
        ExportJob start(BulkExports bulk, Entity entity, BulkExportRequest request);
    }

    /** Options and the run sequence of the ZIP subcommands. */
    static final class ArchiveOptions {
        @Option(names = "--from", description = "First date (ISO 8601).")
        String from;

        @Option(names = "--to", description = "Last date (ISO 8601); at most one year after --from.")
        String to;

        @Option(names = "--type", description = "Document kind to include (repeatable; default: all the command supports).")
        List<String> types;

        @Option(names = "--ids", split = ",", paramLabel = "ID",
                description = "Export these documents (comma-separated or repeated; the API's document_ids): "
                        + "--from, --to and --type are then not used; an id not on stdin is listed as skipped.")
        List<String> ids;

        @CommandLine.Mixin
        EntityOption entityOption = new EntityOption();

        @CommandLine.Mixin
        DatabaseOption database = new DatabaseOption();

        @Option(names = "--out", description = "The ZIP file to write (required).")
        Path out;

        int run(CommandLine.Model.CommandSpec spec, List<DocumentType> supported, String locale, String language,
                ArchiveStart start) throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Path spool = Files.createTempFile("invoicing-export", ".jsonl");
            Path blobs = Files.createTempDirectory("invoicing-export-blobs");
            Path zip = null;
            try {
                Entity entity;
                BulkExportRequest request;
                Map<String, Integer> lines;
                try {
                    List<Violation> problems = new ArrayList<>();
                    if (out == null) {
                        problems.add(Violation.of("out", "required", "is required"));
                    }
                    List<String> kinds = types == null || types.isEmpty()
                            ? supported.stream().map(WireValues::of).collect(Collectors.toList()) : types;
                    boolean byIds = ids != null && !ids.isEmpty();
                    request = collect(problems, () -> BulkExportRequest.parse(byIds ? ids : null,
                            byIds ? null : kinds, byIds ? null : date("date_from", from),
                            byIds ? null : date("date_to", to), locale, language));
                    entity = collect(problems, () -> entityOption.load());
                    if (!problems.isEmpty()) {
                        throw new ValidationException(problems);
                    }
                    zip = CliFiles.temporaryFor(out, "out");
                    lines = spoolAndValidate(input(spec, database, entity, spool), spool, entity);
                } catch (ValidationException e) {
                    return InvoicingCli.badInput(err, e.violations());
                }
                ExportJobManager jobs = ExportJobManager.of((id, task) -> task.run(), DirectoryBlobStore.of(blobs));
                BulkExports bulk = BulkExports.of(jobs, new SpoolSource(spool), Clock.systemUTC());
                ExportJob job = start.start(bulk, entity, request);
                ExportJob done = jobs.find(job.id()).orElse(job);
                if (done.status() != ExportJobStatus.COMPLETED) {
                    err.println("invoicing: internal error: the export job " + done.status().wireValue() + ": "
                            + done.error());
                    err.flush();
                    return InvoicingCli.EXIT_FAILURE;
                }
                if (done.totalDocs() == 0) {
                    return InvoicingCli.badInput(err, List.of(Violation.of("lines", "no_documents", "no document of "
                            + request.types().stream().map(WireValues::of).sorted().toList() + " on stdin is dated "
                            + request.period().from() + " to " + request.period().to() + "; no archive written")));
                }
                if (done.result().exported() == 0) {
                    // Every selected document was refused: an empty archive would hide it.
                    List<Violation> skipped = new ArrayList<>();
                    for (SkippedDocument d : done.result().skippedDocuments()) {
                        Integer line = lines.get(d.documentId());
                        skipped.add(Violation.of(line == null ? "lines" : Lines.path(line), "skipped",
                                (d.number() == null ? d.documentId() : d.number()) + ": " + d.reason()));
                    }
                    return InvoicingCli.badInput(err, skipped);
                }
                try (InputStream archive = jobs.download(done.id()).orElseThrow(
                        () -> new IOException("the completed job " + done.id() + " has no archive"))) {
                    Files.copy(archive, zip, StandardCopyOption.REPLACE_EXISTING);
                }
                CliFiles.commit(zip, out);
                zip = null;
                // The job's own file_url points into the temporary blob store, which is gone when this returns.
                ExportJob delivered = new ExportJob(done.id(), done.kind(), done.status(), done.progress(),
                        done.totalDocs(), done.fileName(), out.toAbsolutePath().toUri().toString(), done.error(),
                        done.result());
                spec.commandLine().getOut().println(ExportJobJson.write(delivered));
                spec.commandLine().getOut().flush();
                return InvoicingCli.EXIT_OK;
            } finally {
                Files.deleteIfExists(spool);
                if (zip != null) {
                    Files.deleteIfExists(zip);
                }
                try (Stream<Path> files = Files.walk(blobs)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** The spooled JSON Lines as the bulk jobs' document source (one entity: the command's). */
    private static final class SpoolSource implements BulkDocumentSource {
        private final Path spool;

        SpoolSource(Path spool) {
            this.spool = spool;
        }

        @Override
        public ExportSource<Document> byIds(String entityId, List<DocumentId> ids) {
            return select(d -> d.id() != null && ids.contains(d.id()));
        }

        @Override
        public ExportSource<Document> byKinds(String entityId, Set<DocumentType> kinds, ExportPeriod period) {
            return select(d -> kinds.contains(d.type()) && period.contains(d.date()) && !d.isDeleted());
        }

        private ExportSource<Document> select(Predicate<Document> filter) {
            int size;
            try (Stream<Document> all = documents(spool)) {
                size = (int) all.filter(filter).count();
            }
            return ExportSource.of(size, () -> documents(spool).filter(filter));
        }
    }

    /** Options and the run sequence shared by the export subcommands. */
    static final class Common {
        @Option(names = "--language", description = "Header language: en, de, it, fr, es, sl, pt, nl, pl, hr, sv, "
                + "fi, et, bg, cs, sk, nb, is, or a locale such as de-AT (default: the --entity's locale, "
                + "else en).")
        String language;

        @Option(names = "--entity", description = "The exporting entity as JSON: the headers default to its "
                + "locale's language; with --database, the entity whose documents are exported (default: the "
                + "Slovenian sample entity).")
        Path entity;

        @Option(names = "--bom", description = "Start a CSV with a UTF-8 byte order mark (for spreadsheet programs).")
        boolean bom;

        @Option(names = "--out", description = "Output file (default: stdout).")
        Path out;

        @CommandLine.Mixin
        DatabaseOption database = new DatabaseOption();

        ExportLanguage language() {
            if (language == null) {
                // The reference: "defaults to the entity locale"; without --entity there is no entity.
                if (entity == null) {
                    return ExportLanguage.EN;
                }
                EntityOption option = new EntityOption();
                option.file = entity;
                return ExportLanguage.forEntity(option.load());
            }
            return ExportLanguage.fromCode(language).orElseThrow(() -> ValidationException.of("language",
                    "invalid_value", "must be one of the 18 supported languages or a locale of one, was \"" + language + "\""));
        }

        int run(CommandLine.Model.CommandSpec spec, Callable<Export> prepare) throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Path spool = Files.createTempFile("invoicing-export", ".jsonl");
            Path result = null;
            try {
                Export export;
                try {
                    export = prepare.call();
                    // Written in full to a temporary file first: never a partial file, never a partial stdout.
                    result = out == null ? Files.createTempFile("invoicing-export", ".out")
                            : CliFiles.temporaryFor(out, "out");
                    EntityOption entityOption = new EntityOption();
                    entityOption.file = entity;
                    spoolAndValidate(input(spec, database, database.present() ? entityOption.load() : null, spool),
                            spool, null);
                } catch (ValidationException e) {
                    return InvoicingCli.badInput(err, e.violations());
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long rows;
                try (OutputStream target = new BufferedOutputStream(Files.newOutputStream(result))) {
                    rows = export.write(spool, target);
                }
                if (rows == 0) {
                    return InvoicingCli.badInput(err, List.of(Violation.of("lines", "no_documents",
                            export.nothingSelected() + "; nothing written")));
                }
                if (out != null) {
                    CliFiles.commit(result, out);
                    result = null;
                } else {
                    OutputStream stdout = InvoicingCli.stdout(spec);
                    Files.copy(result, stdout);
                    stdout.flush();
                }
                return InvoicingCli.EXIT_OK;
            } finally {
                Files.deleteIfExists(spool);
                if (result != null) {
                    Files.deleteIfExists(result);
                }
            }
        }
    }

    /** One prepared export, run against the spooled input. */
    interface Export {
        /** @return the rows written (documents for a list, items for sales per item) */
        long write(Path spool, OutputStream out) throws IOException;

        /** @return the error message when the export selects nothing */
        String nothingSelected();

        static Export of(String nothingSelected, Writer writer) {
            return new Export() {
                @Override
                public long write(Path spool, OutputStream out) throws IOException {
                    return writer.write(spool, out);
                }

                @Override
                public String nothingSelected() {
                    return nothingSelected;
                }
            };
        }

        /** Writes the export. */
        @FunctionalInterface
        interface Writer {
            long write(Path spool, OutputStream out) throws IOException;
        }
    }

    /**
     * Copies stdin to the spool and reads every line as a document, collecting each bad line's errors at
     * {@code lines[i]}. With an entity (the archive commands) a document of another entity is refused at
     * {@code lines[i].entity_id}: it would only be skipped by the job, leaving an empty archive.
     *
     * @return the 0-based line of each document id (the first line with it)
     */
    private static Map<String, Integer> spoolAndValidate(InputStream in, Path spool, Entity entity) throws IOException {
        List<Violation> problems = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             BufferedWriter writer = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine(), n++) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Document d = InvoicingJson.readDocument(line);
                    if (d.id() != null) {
                        lines.putIfAbsent(d.id().value(), n);
                    }
                    if (entity != null && entity.id() != null && d.entityId() != null
                            && !entity.id().equals(d.entityId())) {
                        problems.add(Violation.of(Lines.path(n, "entity_id"), "entity_mismatch", "document "
                                + (d.id() == null ? "" : d.id().value() + " ") + "belongs to entity " + shorten(d.entityId())
                                + ", not to " + entity.id() + " (" + entity.name() + "); give its entity with --entity"));
                    }
                } catch (ValidationException e) {
                    problems.addAll(Lines.at(n, e.violations()));
                }
                writer.write(line);
                writer.newLine();
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return lines;
    }

    /**
     * The documents to export: stdin, or with {@code --database} the entity's documents (not in the trash, every
     * kind) read page by page from the database into a file beside the spool, as JSON Lines.
     */
    private static InputStream input(CommandLine.Model.CommandSpec spec, DatabaseOption database, Entity entity,
            Path spool) throws IOException {
        if (!database.present()) {
            return InvoicingCli.stdin(spec);
        }
        Path copy = spool.resolveSibling(spool.getFileName() + ".db");
        try (CliDatabase db = database.open();
             BufferedWriter writer = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            EntityDocuments docs = db.invoicing(b -> { }).entity(entity);
            for (DocumentType type : DocumentType.values()) {
                String cursor = null;
                do {
                    Page<Document> page = docs.list(type, DocumentQuery.builder().limit(DocumentQuery.MAX_LIMIT)
                            .nextCursor(cursor).build());
                    for (Document d : page.data()) {
                        writer.write(InvoicingJson.writeDocument(d));
                        writer.newLine();
                    }
                    cursor = page.hasMore() ? page.nextCursor() : null;
                } while (cursor != null);
            }
        }
        copy.toFile().deleteOnExit();
        return new FilterInputStream(Files.newInputStream(copy)) {
            @Override
            public void close() throws IOException {
                super.close();
                Files.deleteIfExists(copy);
            }
        };
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    private static Stream<Document> documents(Path spool) {
        try {
            return Files.lines(spool, StandardCharsets.UTF_8).filter(line -> !line.isBlank())
                    .map(InvoicingJson::readDocument);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T failRequired(String path) {
        throw ValidationException.of(path, "required", "is required");
    }

    private static LocalDate date(String path, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(path, "invalid_date", "must be an ISO 8601 date, was \"" + value + "\"");
        }
    }

    private static <T> T collect(List<Violation> problems, Callable<T> step) {
        try {
            return step.call();
        } catch (ValidationException e) {
            problems.addAll(e.violations());
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
