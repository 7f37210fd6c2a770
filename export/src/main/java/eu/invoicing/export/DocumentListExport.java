package eu.invoicing.export;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.QueryEvaluator;
import eu.invoicing.core.query.QueryParser;
import eu.invoicing.core.model.Entity;
import eu.invoicing.export.i18n.ExportLanguage;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What to export in a document list export ({@code GET /documents/export}): one document kind,
 * the format, the header language, an optional date range (at most one year), the list
 * filters and a full-text search.
 *
 * <p>The list filters are the core query language ({@link #builder}{@code .query(json)}, parsed by
 * {@link QueryParser} and evaluated by {@link QueryEvaluator}, the same as the list endpoints)
 * and/or any {@link Predicate}; the search is {@link QueryEvaluator#matchesSearch}. A host whose
 * store evaluates queries itself can instead pass the store's documents
 * ({@link eu.invoicing.export.local.StoreDocuments#stream}) and leave these empty.
 *
 * <p>Immutable and thread-safe if the filter is.
 */
public final class DocumentListExport {

    private final DocumentType type;
    private final ExportFormat format;
    private final ExportLanguage language;
    private final ExportPeriod period;
    private final Predicate<? super Document> filter;
    private final Predicate<Document> query;
    private final String searchText;
    private final boolean byteOrderMark;
    private final String entityId;

    private DocumentListExport(Builder b) {
        this.type = b.type;
        this.format = b.format;
        this.language = b.language != null ? b.language
                : b.entityLanguage != null ? b.entityLanguage : ExportLanguage.EN;
        this.period = b.period;
        this.filter = b.filter;
        this.query = b.query;
        this.searchText = b.search;
        this.byteOrderMark = b.byteOrderMark;
        this.entityId = b.entityId;
    }

    /**
     * Starts a request.
     *
     * @param type the document kind, not null
     * @param format the file format, not null
     * @return a builder (English headers, no date range, no filter, no search, CSV without BOM)
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(DocumentType type, ExportFormat format) {
        return new Builder(Objects.requireNonNull(type, "type"), Objects.requireNonNull(format, "format"));
    }

    /** @return the exported kind */
    public DocumentType type() {
        return type;
    }

    /** @return the file format */
    public ExportFormat format() {
        return format;
    }

    /** @return the header language */
    public ExportLanguage language() {
        return language;
    }

    /** @return the date range, or null for all dates */
    public ExportPeriod period() {
        return period;
    }

    /** @return the search text, or null */
    public String search() {
        return searchText;
    }

    /** @return whether a CSV starts with a UTF-8 byte order mark */
    public boolean byteOrderMark() {
        return byteOrderMark;
    }

    /** @return the entity whose documents are exported, or null when the source is already scoped */
    public String entityId() {
        return entityId;
    }

    /**
     * Whether a document belongs in the export: of the entity (when set), of the requested kind, not in the trash, dated
     * within the range (if any), accepted by the filter and matching the search (if any).
     *
     * @param document the document, not null
     * @return true if selected
     * @throws NullPointerException if {@code document} is null
     */
    public boolean selects(Document document) {
        Objects.requireNonNull(document, "document");
        return document.type() == type
                && (entityId == null || entityId.equals(document.entityId()))
                && !document.isDeleted()
                && (period == null || period.contains(document.date()))
                && query.test(document)
                && filter.test(document)
                && QueryEvaluator.matchesSearch(searchText, document);
    }

    /** Mutable, single-thread builder of {@link DocumentListExport}. */
    public static final class Builder {
        private final DocumentType type;
        private final ExportFormat format;
        private ExportLanguage language;
        private ExportLanguage entityLanguage;
        private ExportPeriod period;
        private Predicate<? super Document> filter = document -> true;
        private Predicate<Document> query = document -> true;
        private String search;
        private boolean byteOrderMark;
        private String entityId;

        private Builder(DocumentType type, ExportFormat format) {
            this.type = type;
            this.format = format;
        }

        /**
         * @param value the header language, not null; without it the headers are in the language of
         *     the {@link #entity(Entity) entity} (the reference: "defaults to the entity locale"), or
         *     English when no entity is given
         * @return this
         */
        public Builder language(ExportLanguage value) {
            this.language = Objects.requireNonNull(value, "language");
            return this;
        }

        /**
         * @param value the date range, nullable (all dates)
         * @return this
         */
        public Builder period(ExportPeriod value) {
            this.period = value;
            return this;
        }

        /**
         * @param value the list filter, not null
         * @return this
         */
        public Builder filter(Predicate<? super Document> value) {
            this.filter = Objects.requireNonNull(value, "filter");
            return this;
        }

        /**
         * @param json the list query in the core query language (e.g.
         *     {@code {"total":{"gte":100},"customer.name":{"contains":"d.o.o."}}}), nullable or blank
         *     for none
         * @return this
         * @throws eu.invoicing.core.ValidationException (path {@code query}) for malformed JSON or an
         *     unknown field or operator
         */
        public Builder query(String json) {
            this.query = QueryEvaluator.compile(QueryParser.parse(json));
            return this;
        }

        /**
         * @param value the full-text search, nullable (none); blank matches everything
         * @return this
         */
        public Builder search(String value) {
            this.search = value;
            return this;
        }

        /**
         * @param value whether a CSV starts with a UTF-8 byte order mark (for spreadsheet users)
         * @return this
         */
        public Builder byteOrderMark(boolean value) {
            this.byteOrderMark = value;
            return this;
        }

        /**
         * @param value the entity whose documents are exported, nullable (the source is trusted to be
         *     scoped); when set, documents of any other entity are left out
         * @return this
         */
        public Builder entityId(String value) {
            this.entityId = value;
            return this;
        }

        /**
         * The exporting entity: only its documents are exported ({@link #entityId(String)}) and, unless
         * {@link #language(ExportLanguage)} is given, the headers are in its locale's language
         * ({@link ExportLanguage#forEntity(Entity)}).
         *
         * @param value the entity, not null
         * @return this
         */
        public Builder entity(Entity value) {
            Objects.requireNonNull(value, "entity");
            this.entityId = value.id();
            this.entityLanguage = ExportLanguage.forEntity(value);
            return this;
        }

        /** @return the request */
        public DocumentListExport build() {
            return new DocumentListExport(this);
        }
    }
}
