package eu.invoicing.export;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /documents/export/pdf} and {@code POST /documents/export/eslog}: either
 * specific document ids (kinds inferred from their prefixes), or kinds and a date range of at
 * most one year. When ids are given they win and the kinds and dates are not used.
 *
 * <p>Immutable and thread-safe.
 *
 * @param documentIds the ids, possibly empty, not null (copied)
 * @param types the kinds, possibly empty, not null (copied)
 * @param period the date range; null when ids are given
 * @param locale the locale for rendering (e.g. {@code sl-SI}), nullable (the entity's)
 * @param language the label language for rendering, nullable (the locale's)
 */
public record BulkExportRequest(List<DocumentId> documentIds, Set<DocumentType> types, ExportPeriod period,
                                String locale, String language) {

    /** Most ids accepted in one request. */
    public static final int MAX_IDS = 10_000;

    /**
     * Copies the collections.
     *
     * @throws NullPointerException if a collection is null
     *
     * @param documentIds the ids, possibly empty, not null (copied)
     * @param types the kinds, possibly empty, not null (copied)
     * @param period the date range; null when ids are given
     * @param locale the locale for rendering (e.g. {@code sl-SI}), nullable (the entity's)
     * @param language the label language for rendering, nullable (the locale's)
     */
    public BulkExportRequest {
        documentIds = List.copyOf(documentIds);
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    /**
     * Parses and validates a request the way the API receives it.
     *
     * @param documentIds the ids as strings, nullable
     * @param types the kinds as wire values ({@code invoice}, {@code credit_note}, ...), nullable
     * @param dateFrom the first day, nullable
     * @param dateTo the last day, nullable
     * @param locale nullable
     * @param language nullable
     * @return the request
     * @throws ValidationException with every problem: unparseable ids ({@code document_ids[i]}),
     *     too many ids, unknown kinds ({@code types[i]}), neither ids nor kinds, a missing, reversed
     *     or longer-than-a-year range ({@code date_from}, {@code date_to})
     */
    public static BulkExportRequest parse(List<String> documentIds, List<String> types, LocalDate dateFrom,
                                          LocalDate dateTo, String locale, String language) {
        ViolationCollector violations = new ViolationCollector();
        List<DocumentId> ids = new ArrayList<>();
        if (documentIds != null) {
            if (documentIds.size() > MAX_IDS) {
                violations.add("document_ids", "too_many", "at most " + MAX_IDS + " ids, was " + documentIds.size());
            }
            for (int i = 0; i < documentIds.size() && i <= MAX_IDS; i++) {
                try {
                    ids.add(DocumentId.parse(documentIds.get(i), "document_ids[" + i + "]"));
                } catch (ValidationException e) {
                    e.violations().forEach(violations::add);
                }
            }
        }
        Set<DocumentType> kinds = EnumSet.noneOf(DocumentType.class);
        if (types != null) {
            for (int i = 0; i < types.size(); i++) {
                String wire = types.get(i);
                DocumentType kind = wire == null ? null : WireValues.parse(DocumentType.class, wire).orElse(null);
                if (kind == null) {
                    violations.add("types[" + i + "]", "invalid_value", "unknown document type \"" + wire + "\"");
                } else {
                    kinds.add(kind);
                }
            }
        }
        ExportPeriod period = null;
        if (ids.isEmpty() && (documentIds == null || documentIds.isEmpty())) {
            if (kinds.isEmpty() && (types == null || types.isEmpty())) {
                violations.add("document_ids", "required", "give document_ids, or types with date_from and date_to");
            }
            try {
                period = ExportPeriod.of(dateFrom, dateTo);
            } catch (ValidationException e) {
                e.violations().forEach(violations::add);
            }
        }
        violations.throwIfAny();
        return new BulkExportRequest(ids, ids.isEmpty() ? kinds : Set.of(), ids.isEmpty() ? period : null, locale,
                language);
    }

    /** @return true when the request names specific documents */
    public boolean byIds() {
        return !documentIds.isEmpty();
    }
}
