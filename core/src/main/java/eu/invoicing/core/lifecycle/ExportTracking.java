package eu.invoicing.core.lifecycle;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.AllOf;
import eu.invoicing.core.query.Condition;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.FieldCondition;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.version.TimelineEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Export tracking for accounting integrations (docs/lifecycle.md, "Decisions where the spec is silent": Export): which documents a
 * {@code system_id} has not received yet, and marking documents as exported (at most 10 per call, each with
 * a timeline note). Marks are per system, so one system never hides a document from another.
 *
 * <p>Stateless and thread-safe.
 */
final class ExportTracking {
    /** Most documents marked in one call. */
    static final int MAX_MARKS = 10;
    private static final Set<String> FILTER_FIELDS = Set.of("created_at", "updated_at");
    private static final int PAGE = 100;

    private ExportTracking() {
    }

    static List<Document> notExported(Scope s, DocumentType type, NotExportedRequest request) {
        if (request.systemId() == null || request.systemId().isBlank()) {
            throw ValidationException.of("system_id", "required", "is required");
        }
        Condition filter = request.filter() == null ? new AllOf(List.of()) : request.filter();
        checkFilter(filter);
        DocumentQuery query = DocumentQuery.builder().filter(filter).orderBy("created_at").limit(PAGE)
                .includeTotalCount(false).build();
        List<Document> out = new ArrayList<>();
        while (true) {
            DocumentQuery q = query;
            Page<Document> page = s.read("listing documents", () -> s.core.store.list(s.entityId(), type, q));
            for (Document d : page.data()) {
                if (d.isDraft() && !request.includeDrafts()) {
                    continue;
                }
                Optional<Instant> last = s.read("reading the export ledger",
                        () -> s.core.ledger.lastExported(s.entityId(), d.id(), request.systemId()));
                if (last.isEmpty() || request.notExportedSince() != null
                        && last.get().isBefore(request.notExportedSince())) {
                    out.add(d);
                }
            }
            if (page.nextCursor() == null) {
                return out;
            }
            query = DocumentQuery.builder().filter(filter).orderBy("created_at").limit(PAGE)
                    .includeTotalCount(false).nextCursor(page.nextCursor()).build();
        }
    }

    static List<Document> markExported(Scope s, List<ExportMark> marks) {
        ViolationCollector problems = new ViolationCollector();
        if (marks.isEmpty()) {
            problems.add("invoices", "required", "at least one document is required");
        }
        if (marks.size() > MAX_MARKS) {
            problems.add("invoices", "too_many", "at most " + MAX_MARKS + " documents per call, was " + marks.size());
        }
        for (int i = 0; i < marks.size(); i++) {
            ExportMark m = marks.get(i);
            if (m == null || m.documentId() == null) {
                problems.add("invoices[" + i + "].document_id", "required", "is required");
            }
            if (m == null || m.systemId() == null || m.systemId().isBlank()) {
                problems.add("invoices[" + i + "].system_id", "required", "is required");
            }
        }
        problems.throwIfAny();
        return s.write("marking as exported", () -> {
            List<Document> docs = new ArrayList<>();
            for (ExportMark m : marks) {
                docs.add(s.load(m.documentId()));
            }
            Instant now = s.now();
            for (int i = 0; i < marks.size(); i++) {
                ExportMark m = marks.get(i);
                DocumentId id = m.documentId();
                s.core.ledger.markExported(s.entityId(), id, m.systemId(), now);
                s.event(docs.get(i), TimelineEventType.EXPORTED, m.systemId()
                        + (m.note() == null || m.note().isBlank() ? "" : ": " + m.note()));
            }
            return List.copyOf(docs);
        });
    }

    private static void checkFilter(Condition c) {
        if (c instanceof AllOf all) {
            all.conditions().forEach(ExportTracking::checkFilter);
        } else if (c instanceof FieldCondition f && !FILTER_FIELDS.contains(f.field())) {
            throw ValidationException.of("filter." + f.field(), "unknown_field", "export lists filter on "
                    + "created_at and updated_at only, not \"" + f.field() + "\"");
        }
    }
}
