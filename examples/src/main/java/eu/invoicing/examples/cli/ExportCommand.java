package eu.invoicing.examples.cli;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
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
import eu.invoicing.export.job.ExportSource;
import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.export.spi.BulkDocumentSource;
import eu.invoicing.eslog.EslogSchema;
import eu.invoicing.eslog.EslogValidator;
import eu.invoicing.rendering.PdfRenderer;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
import java.util.List;
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
 *   <li>{@code invoicing export eslog-zip --from D --to D --out FILE [--type T]... [--entity entity.json] [--xsd DIR]}</li>
 * </ul>
 * Without {@code --out} the file goes to stdout (the ZIP commands require it and print the
 * export job as JSON). Exit codes: 0 success, 2 bad input (errors as
 * JSON on stderr, every bad line reported as {@code lines[n].path}), 1 an unexpected failure.
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
            return (spool, out) -> DocumentListExporter.create().export(request, () -> documents(spool), out);
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
                return (spool, out) -> SalesPerItemExporter.create().export(request, documents(spool), out);
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

        @Option(names = "--xsd", description = "Directory with the official e-SLOG XSD (default: $"
                + EslogCommand.XSD_ENV + ").")
        Path xsd;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            EslogSchema schema = EslogCommand.schema(xsd);
            if (schema == null) {
                return EslogCommand.missingXsd(spec.commandLine().getErr());
            }
            EslogValidator validator = new EslogValidator(schema, Clock.systemUTC());
            return archive.run(spec, List.of(DocumentType.INVOICE, DocumentType.CREDIT_NOTE,
                    DocumentType.ADVANCE_INVOICE), null, null,
                    (bulk, entity, request) -> bulk.startEslog(entity, request, validator));
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

        @CommandLine.Mixin
        EntityOption entityOption = new EntityOption();

        @Option(names = "--out", description = "The ZIP file to write (required).")
        Path out;

        int run(CommandLine.Model.CommandSpec spec, List<DocumentType> supported, String locale, String language,
                ArchiveStart start) throws IOException {
            Path spool = Files.createTempFile("invoicing-export", ".jsonl");
            Path blobs = Files.createTempDirectory("invoicing-export-blobs");
            try {
                Entity entity;
                BulkExportRequest request;
                try {
                    List<Violation> problems = new ArrayList<>();
                    if (out == null) {
                        problems.add(Violation.of("out", "required", "is required"));
                    }
                    List<String> kinds = types == null || types.isEmpty()
                            ? supported.stream().map(WireValues::of).collect(Collectors.toList()) : types;
                    request = collect(problems, () -> BulkExportRequest.parse(null, kinds, date("date_from", from),
                            date("date_to", to), locale, language));
                    entity = collect(problems, () -> entityOption.load());
                    if (!problems.isEmpty()) {
                        throw new ValidationException(problems);
                    }
                    spoolAndValidate(System.in, spool);
                    ExportJobManager jobs = ExportJobManager.of((id, task) -> task.run(), DirectoryBlobStore.of(blobs));
                    BulkExports bulk = BulkExports.of(jobs, new SpoolSource(spool), Clock.systemUTC());
                    ExportJob job = start.start(bulk, entity, request);
                    ExportJob done = jobs.find(job.id()).orElse(job);
                    if (done.status() == ExportJobStatus.COMPLETED) {
                        try (InputStream archive = jobs.download(done.id()).orElseThrow()) {
                            Files.copy(archive, out, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                    spec.commandLine().getOut().println(ExportJobJson.write(done));
                    spec.commandLine().getOut().flush();
                    return done.status() == ExportJobStatus.COMPLETED ? 0 : 1;
                } catch (ValidationException e) {
                    return InvoicingCli.badInput(spec.commandLine().getErr(), e.violations());
                }
            } finally {
                Files.deleteIfExists(spool);
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
                + "fi, et, bg, cs, sk, nb, is (default en).")
        String language;

        @Option(names = "--bom", description = "Start a CSV with a UTF-8 byte order mark (for spreadsheet programs).")
        boolean bom;

        @Option(names = "--out", description = "Output file (default: stdout).")
        Path out;

        ExportLanguage language() {
            if (language == null) {
                return ExportLanguage.EN;
            }
            return ExportLanguage.fromCode(language).orElseThrow(() -> ValidationException.of("language",
                    "invalid_value", "must be one of the 18 supported languages, was \"" + language + "\""));
        }

        int run(CommandLine.Model.CommandSpec spec, Callable<Export> prepare) throws IOException {
            Export export;
            Path spool = Files.createTempFile("invoicing-export", ".jsonl");
            try {
                try {
                    export = prepare.call();
                    spoolAndValidate(System.in, spool);
                } catch (ValidationException e) {
                    return InvoicingCli.badInput(spec.commandLine().getErr(), e.violations());
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                try (OutputStream target = out == null ? new NonClosing(System.out)
                        : new BufferedOutputStream(new FileOutputStream(out.toFile()))) {
                    export.write(spool, target);
                }
                return 0;
            } finally {
                Files.deleteIfExists(spool);
            }
        }
    }

    /** One prepared export, run against the spooled input. */
    @FunctionalInterface
    interface Export {
        long write(Path spool, OutputStream out) throws IOException;
    }

    private static void spoolAndValidate(InputStream in, Path spool) throws IOException {
        List<Violation> problems = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             BufferedWriter writer = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine(), n++) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    InvoicingJson.readDocument(line);
                } catch (ValidationException e) {
                    for (Violation v : e.violations()) {
                        String path = v.path().isEmpty() ? "lines[" + n + "]" : "lines[" + n + "]." + v.path();
                        problems.add(Violation.of(path, v.code(), v.message()));
                    }
                }
                writer.write(line);
                writer.newLine();
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
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

    /** Lets the export close its stream without closing stdout. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
