package eu.invoicing.export;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.core.model.EslogValidationStatus;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.EslogSerializer;
import eu.invoicing.eslog.EslogValidator;
import eu.invoicing.export.job.ArchiveJobRequest;
import eu.invoicing.export.job.DocumentEntryProducer;
import eu.invoicing.export.job.EntryOutcome;
import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobKind;
import eu.invoicing.export.job.ExportJobManager;
import eu.invoicing.export.job.SkippedDocument;
import eu.invoicing.export.spi.BulkDocumentSource;
import eu.invoicing.export.spi.ExportSource;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.rendering.RenderOptions;
import eu.invoicing.rendering.i18n.Language;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Bulk PDF and bulk e-SLOG exports of documents as background jobs
 * ({@code POST /documents/export/pdf}, {@code POST /documents/export/eslog}).
 *
 * <p>The rendering itself is a {@link DocumentEntryProducer}: for PDF, a function around the
 * rendering module's PDF renderer; for e-SLOG, one that validates and serializes with the eslog
 * module and returns {@link EntryOutcome#skip(String)} with the validation errors for an invalid
 * document (such documents are listed in the job result, not archived). Documents of another
 * entity are skipped. In an export by ids, every id the source does not yield (unknown to the entity, or
 * another entity's) is listed in the job result as skipped with the reason {@link #NOT_FOUND}, and counts
 * in {@code total_docs}. The archive is called
 * {@code <entity>_documents_<date_from>_<date_to>.zip} ({@code <entity>_eslog_...} for e-SLOG),
 * or {@code <entity>_documents_<today>.zip} for an export by ids, where {@code <entity>} is the
 * entity name in lower-case ASCII with {@code _} between words.
 *
 * <p>Immutable and thread-safe.
 */
public final class BulkExports {

    private static final int MAX_SLUG_LENGTH = 40;

    /**
     * The reason an id of an export by ids is listed as skipped when the entity has no such document. An
     * unknown id and another entity's document read the same, as everywhere in the library (no call tells
     * whether another entity has a document).
     */
    public static final String NOT_FOUND = "not found: the entity has no document with this id";

    private final ExportJobManager jobs;
    private final BulkDocumentSource documents;
    private final Clock clock;

    private BulkExports(ExportJobManager jobs, BulkDocumentSource documents, Clock clock) {
        this.jobs = jobs;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * @param jobs runs and tracks the jobs, not null
     * @param documents where the documents come from, not null
     * @param clock gives today's date for archive names of exports by ids, not null
     * @return the service
     * @throws NullPointerException if an argument is null
     */
    public static BulkExports of(ExportJobManager jobs, BulkDocumentSource documents, Clock clock) {
        return new BulkExports(Objects.requireNonNull(jobs, "jobs"), Objects.requireNonNull(documents, "documents"),
                Objects.requireNonNull(clock, "clock"));
    }

    /** @return the job manager, for polling and downloads */
    public ExportJobManager jobs() {
        return jobs;
    }

    /**
     * Starts a bulk PDF export.
     *
     * @param entity the entity whose documents are exported, not null
     * @param request the selection, not null
     * @param pdf renders one document to PDF bytes, not null
     * @return the first snapshot of the job ({@code queued}, or {@code failed} if the runner refused it)
     * @throws NullPointerException if an argument is null
     */
    public ExportJob startPdf(Entity entity, BulkExportRequest request, DocumentEntryProducer<Document> pdf) {
        return start(ExportJobKind.PDF, entity, request, pdf);
    }

    /**
     * Starts a bulk PDF export with the rendering module's {@link PdfRenderer}, in the request's
     * locale and language (the entity's when absent) and the entity's template.
     *
     * @param entity the entity whose documents are exported, not null
     * @param request the selection, not null
     * @param renderer the renderer, not null (usually {@link PdfRenderer#create()})
     * @return the first snapshot of the job
     * @throws ValidationException (paths {@code locale}, {@code language}) for an unsupported locale or
     *     language, before any job is created
     * @throws NullPointerException if an argument is null
     */
    public ExportJob startPdf(Entity entity, BulkExportRequest request, PdfRenderer renderer) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(renderer, "renderer");
        return startPdf(entity, request, pdfProducer(renderer, entity, renderOptions(request)));
    }

    /**
     * The producer of the bulk PDF export: each document rendered to PDF bytes. A document the
     * renderer refuses (a {@link RuntimeException}, e.g. a {@code ValidationException}) is skipped
     * by the job with the reason.
     *
     * @param renderer the renderer, not null
     * @param entity the issuing entity, not null
     * @param options the render options, not null
     * @return the producer
     * @throws NullPointerException if an argument is null
     */
    public static DocumentEntryProducer<Document> pdfProducer(PdfRenderer renderer, Entity entity,
                                                              RenderOptions options) {
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        return document -> EntryOutcome.file(renderer.render(document, entity, options));
    }

    static RenderOptions renderOptions(BulkExportRequest request) {
        ViolationCollector violations = new ViolationCollector();
        RenderOptions.Builder options = RenderOptions.builder();
        try {
            options.locale(request.locale());
        } catch (ValidationException e) {
            e.violations().forEach(v -> violations.add("locale", v.code(), v.message()));
        }
        if (request.language() != null) {
            try {
                options.language(Language.of(request.language()));
            } catch (ValidationException e) {
                e.violations().forEach(v -> violations.add("language", v.code(), v.message()));
            }
        }
        violations.throwIfAny();
        return options.build();
    }

    /**
     * Starts a bulk e-SLOG export with the eslog module: each document is validated (official XSD
     * and business rules) and, when valid, serialized; invalid documents are skipped and listed
     * with their validation errors.
     *
     * @param entity the entity, not null; its country code must be {@code SI}
     * @param request the selection, not null
     * @param validator the validator with the official XSD (the host supplies its location), not null
     * @return the first snapshot of the job
     * @throws ValidationException for a non-Slovenian entity
     * @throws NullPointerException if an argument is null
     */
    public ExportJob startEslog(Entity entity, BulkExportRequest request, EslogValidator validator) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(validator, "validator");
        return startEslog(entity, request, eslogProducer(validator, new EslogSerializer(), entity));
    }

    /**
     * The producer of the bulk e-SLOG export: validate, then serialize a valid document; an invalid
     * one becomes {@link EntryOutcome#skip(String)} with its errors ({@code path: message; ...}).
     *
     * @param validator the validator, not null
     * @param serializer the serializer, not null
     * @param entity the issuing entity (bank account and other e-SLOG data), not null
     * @return the producer
     * @throws NullPointerException if an argument is null
     */
    public static DocumentEntryProducer<Document> eslogProducer(EslogValidator validator, EslogSerializer serializer,
                                                                Entity entity) {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(serializer, "serializer");
        EslogContext context = EslogContext.forEntity(Objects.requireNonNull(entity, "entity"));
        return document -> {
            EslogValidation validation = validator.validate(document, context);
            if (validation.validationStatus() != EslogValidationStatus.VALID) {
                String errors = validation.validationErrors().stream()
                        .map(v -> v.path().isEmpty() ? v.message() : v.path() + ": " + v.message())
                        .collect(Collectors.joining("; "));
                return EntryOutcome.skip("e-SLOG " + WireValues.of(validation.validationStatus())
                        + (errors.isEmpty() ? "" : ": " + errors));
            }
            return EntryOutcome.file(serializer.toBytes(document, context));
        };
    }

    /**
     * Starts a bulk e-SLOG export; only for Slovenian entities.
     *
     * @param entity the entity, not null; its country code must be {@code SI}
     * @param request the selection, not null
     * @param eslog validates and serializes one document, skipping invalid ones with their errors, not null
     * @return the first snapshot of the job
     * @throws ValidationException as {@link EslogContext#requireAvailable(Entity)}: path
     *     {@code entity.country_code} (code {@code eslog_unavailable}) for a non-Slovenian entity,
     *     {@code settings.eslog.enabled} ({@code eslog_disabled}) when the entity has e-SLOG off
     * @throws NullPointerException if an argument is null
     */
    public ExportJob startEslog(Entity entity, BulkExportRequest request, DocumentEntryProducer<Document> eslog) {
        Objects.requireNonNull(entity, "entity");
        // The reference: "Only available for Slovenian entities with e-SLOG support."
        EslogContext.requireAvailable(entity);
        return start(ExportJobKind.ESLOG, entity, request, eslog);
    }

    private ExportJob start(ExportJobKind kind, Entity entity, BulkExportRequest request,
                            DocumentEntryProducer<Document> producer) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(producer, "producer");
        List<DocumentId> ids = List.copyOf(new LinkedHashSet<>(request.documentIds()));
        ExportSource<Document> source;
        if (request.byIds()) {
            // Every id asked for is accounted for, archived or listed as skipped: that is the job's total_docs
            // from the start, also while the store's answer may hold fewer documents.
            ExportSource<Document> found = documents.byIds(entity.id(), ids);
            source = ExportSource.of(Math.max(ids.size(), found.size()), found::stream);
        } else {
            source = documents.byKinds(entity.id(), request.types(), request.period());
        }
        String entityId = entity.id();
        // Added by whichever thread produces a document (render threads may run several at once); read by the job
        // thread once every document has been produced and written.
        Set<DocumentId> yielded = ConcurrentHashMap.newKeySet();
        DocumentEntryProducer<Document> scoped = document -> {
            if (document.id() != null) {
                yielded.add(document.id());
            }
            return entityId != null && document.entityId() != null && !entityId.equals(document.entityId())
                    ? EntryOutcome.skip("belongs to another entity") : producer.produce(document);
        };
        Supplier<List<SkippedDocument>> unresolved = () -> {
            List<SkippedDocument> missing = new ArrayList<>();
            for (DocumentId id : ids) {
                if (!yielded.contains(id)) {
                    missing.add(new SkippedDocument(id.value(), null, NOT_FOUND));
                }
            }
            return missing;
        };
        return jobs.start(new ArchiveJobRequest<>(kind, fileName(kind, entity.name(), request), source,
                d -> d.id() == null ? "" : d.id().value(), Document::number, scoped, unresolved));
    }

    String fileName(ExportJobKind kind, String entityName, BulkExportRequest request) {
        String what = kind == ExportJobKind.ESLOG ? "eslog" : "documents";
        String dates = request.byIds() ? LocalDate.now(clock).toString()
                : request.period().from() + "_" + request.period().to();
        return slug(entityName) + "_" + what + "_" + dates + ".zip";
    }

    /**
     * The entity part of an archive name: the name in lower-case ASCII (accents removed), words
     * joined by {@code _}, at most 40 characters; {@code export} when nothing is left.
     *
     * @param name the entity name, nullable
     * @return the slug, e.g. {@code primer_d_o_o} for {@code Primer d.o.o.}
     */
    public static String slug(String name) {
        if (name == null) {
            return "export";
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("_+$", "");
        }
        return slug.isEmpty() ? "export" : slug;
    }
}
