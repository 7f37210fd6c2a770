package eu.invoicing.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.SpiException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.lifecycle.DocumentPatch;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.ExportMark;
import eu.invoicing.core.lifecycle.FinalizeOptions;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.lifecycle.NextNumber;
import eu.invoicing.core.lifecycle.NotExportedRequest;
import eu.invoicing.core.lifecycle.VersionList;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.query.QueryParser;
import eu.invoicing.core.version.DocumentVersion;
import eu.invoicing.core.version.TimelineEvent;
import eu.invoicing.core.version.User;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies batch operations (one JSON object per line, docs/batch.md) to one {@link Invoicing} instance and
 * answers each with one JSON line: the reference endpoint's response, or
 * {@code {"error":{"type","message","errors"}}} when refused. {@code "$N"} in an id, token or target stands
 * for the id (for {@code share}: the token) returned by line N.
 *
 * <p>Not thread-safe: one runner per batch.
 */
public final class BatchRunner {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Invoicing invoicing;
    private final EntityDocuments docs;
    private final ObjectMapper json = InvoicingJson.mapper();
    private final Map<Integer, String> results = new HashMap<>();

    /**
     * @param invoicing the instance operations apply to, not null
     * @param entity the issuing entity, not null
     */
    public BatchRunner(Invoicing invoicing, Entity entity) {
        this.invoicing = Objects.requireNonNull(invoicing, "invoicing");
        this.docs = invoicing.entity(Objects.requireNonNull(entity, "entity"));
    }

    /**
     * @param lineNumber the 1-based line number (what {@code $N} refers to)
     * @param line one operation as JSON, not null
     * @return the result line (JSON)
     */
    public String apply(int lineNumber, String line) {
        ObjectNode out;
        try {
            JsonNode op = InvoicingJson.parse(line);
            if (!op.isObject()) {
                throw ValidationException.of("", "invalid_operation", "each line must be a JSON object");
            }
            out = run((ObjectNode) op, lineNumber);
        } catch (InvoicingException e) {
            out = error(e);
        } catch (RuntimeException e) {
            out = error(new InvoicingException(e.getClass().getSimpleName() + ": " + e.getMessage(), e));
        }
        return out.toString();
    }

    private ObjectNode run(ObjectNode op, int lineNumber) {
        String name = text(op, "op", true);
        EntityDocuments as = op.hasNonNull("user") ? docs.as(new User(text(op.get("user"), "id", false),
                text(op.get("user"), "name", false), text(op.get("user"), "email", false))) : docs;
        ObjectNode result = switch (name) {
            case "create" -> document(remember(lineNumber, create(as, op, false)));
            case "create_custom" -> document(remember(lineNumber, create(as, op, true)));
            case "calculate" -> (ObjectNode) InvoicingJson.calculationTree(as.calculate(
                    InvoicingJson.readRequest(body(op), type(op, "type"))));
            case "get" -> document(as.get(id(op)));
            case "finalize" -> document(remember(lineNumber, as.finalizeDocument(id(op), finalizeOptions(op))));
            case "update" -> document(remember(lineNumber, update(as, op)));
            case "void" -> document(remember(lineNumber, as.voidDocument(id(op), text(body(op), "reason", false),
                    body(op).hasNonNull("has_original_document") ? body(op).get("has_original_document").asBoolean()
                            : null)));
            case "delete" -> document(remember(lineNumber, as.delete(id(op))));
            case "restore" -> document(remember(lineNumber, as.restore(id(op))));
            case "delete_permanent" -> {
                DocumentId id = id(op);
                as.deletePermanently(id);
                yield NODES.objectNode().put("id", id.value()).put("deleted", true);
            }
            case "list" -> list(as, op);
            case "versions" -> versions(as.versions(id(op)));
            case "version" -> version(as.version(id(op), integer(op, "version")));
            case "timeline" -> timeline(as.timeline(id(op)));
            case "next_number" -> nextNumber(as.nextNumber(type(op, "type"), text(op, "business_premise_name", false),
                    text(op, "electronic_device_name", false), text(op, "business_unit", false)));
            case "share" -> {
                String token = as.share(id(op));
                results.put(lineNumber, token);
                yield NODES.objectNode().put("shareable_id", token);
            }
            case "unshare" -> {
                Document d = as.unshare(id(op));
                yield NODES.objectNode().put("id", d.id().value()).putNull("shareable_id");
            }
            case "share_token" -> NODES.objectNode().put("shareable_id", as.shareToken(id(op)).orElse(null));
            case "shared" -> document(invoicing.findShared(ref(text(op, "token", true))));
            case "payment" -> document(payment(as, op));
            case "delete_payment" -> document(as.deletePayment(id(op), text(op, "payment_id", true)));
            case "convert" -> document(remember(lineNumber, convert(as, op)));
            case "fiscalize" -> document(as.retryFiscalization(id(op)));
            case "not_exported" -> notExported(as, op);
            case "mark_exported" -> markExported(as, op);
            default -> throw ValidationException.of("op", "unknown_operation", "unknown operation \"" + name
                    + "\"");
        };
        return result;
    }

    private Document remember(int lineNumber, Document d) {
        results.put(lineNumber, d.id().value());
        return d;
    }

    private Document create(EntityDocuments as, ObjectNode op, boolean custom) {
        DocumentRequest request = InvoicingJson.readRequest(body(op), type(op, "type"));
        return custom ? as.createCustom(request) : as.create(request);
    }

    private Document update(EntityDocuments as, ObjectNode op) {
        DocumentId id = id(op);
        ObjectNode body = body(op).deepCopy();
        String reason = text(body, "change_reason", false);
        body.remove("change_reason");
        Set<String> present = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(present::add);
        Document values = InvoicingJson.readRequest(body, id.type()).draft();
        return as.update(id, DocumentPatch.of(values, present, reason));
    }

    private FinalizeOptions finalizeOptions(ObjectNode op) {
        ObjectNode body = op.has("body") ? body(op) : NODES.objectNode();
        FursData furs = null;
        FinaData fina = null;
        if (body.hasNonNull("furs")) {
            JsonNode f = body.get("furs");
            furs = new FursData(text(f, "business_premise_name", false), text(f, "electronic_device_name", false),
                    null, null, text(f, "operator_tax_number", false), null, null, null, null, null, null);
        }
        if (body.hasNonNull("fina")) {
            JsonNode f = body.get("fina");
            String method = text(f, "payment_method", false);
            fina = new FinaData(text(f, "business_premise_name", false), text(f, "electronic_device_name", false),
                    null, null, text(f, "operator_oib", false), method != null ? method
                    : text(f, "payment_type", false), null, null, null, null, null);
        }
        return new FinalizeOptions(furs, fina, text(body, "business_unit", false));
    }

    private Document payment(EntityDocuments as, ObjectNode op) {
        ObjectNode wrapper = NODES.objectNode();
        wrapper.set("payment", body(op));
        List<Payment> parsed = InvoicingJson.readRequest(wrapper, DocumentType.INVOICE).draft().payments();
        return as.addPayment(id(op), parsed.get(0));
    }

    private Document convert(EntityDocuments as, ObjectNode op) {
        DocumentId id = id(op);
        DocumentType to = type(op, "to");
        boolean draft = op.hasNonNull("is_draft") && op.get("is_draft").asBoolean();
        if (id.type() == DocumentType.ADVANCE_INVOICE) {
            return as.applyAdvance(id, DocumentId.parse(ref(text(op, "invoice_id", true)), "invoice_id"));
        }
        return switch (to) {
            case CREDIT_NOTE -> as.createCreditNote(id, null, draft);
            case DELIVERY_NOTE -> as.createDeliveryNote(id, draft);
            default -> as.convert(id, to, draft);
        };
    }

    private ObjectNode list(EntityDocuments as, ObjectNode op) {
        DocumentQuery.Builder q = DocumentQuery.builder();
        if (op.hasNonNull("query")) {
            JsonNode query = op.get("query");
            q.query(query.isTextual() ? query.asText() : query.toString());
        }
        q.orderBy(text(op, "order_by", false));
        q.nextCursor(text(op, op.has("next_cursor") ? "next_cursor" : "cursor", false));
        q.prevCursor(text(op, "prev_cursor", false));
        if (op.hasNonNull("limit")) {
            q.limit(integer(op, "limit"));
        }
        q.search(text(op, "search", false));
        q.deleted(op.hasNonNull("deleted") && op.get("deleted").asBoolean());
        if (op.hasNonNull("include_total_count")) {
            q.includeTotalCount(op.get("include_total_count").asBoolean());
        }
        if (op.hasNonNull("include")) {
            List<String> include = new ArrayList<>();
            JsonNode inc = op.get("include");
            if (inc.isArray()) {
                inc.forEach(n -> include.add(n.asText()));
            } else {
                for (String s : inc.asText().split(",")) {
                    include.add(s.trim());
                }
            }
            q.include(include);
        }
        Page<Document> page = as.list(type(op, "type"), q.build());
        ObjectNode out = NODES.objectNode();
        ArrayNode data = out.putArray("data");
        page.data().forEach(d -> data.add(InvoicingJson.toTree(d)));
        ObjectNode pagination = out.putObject("pagination");
        pagination.put("total", page.total());
        pagination.put("next_cursor", page.nextCursor());
        pagination.put("prev_cursor", page.prevCursor());
        pagination.put("has_more", page.hasMore());
        return out;
    }

    private ObjectNode versions(VersionList list) {
        ObjectNode out = NODES.objectNode();
        ArrayNode versions = out.putArray("versions");
        list.versions().forEach(v -> versions.add(version(v)));
        out.put("count", list.count());
        return out;
    }

    private ObjectNode version(DocumentVersion v) {
        ObjectNode out = NODES.objectNode();
        out.put("id", v.id());
        out.put("document_type", WireValues.of(v.documentType()));
        out.put("document_id", v.documentId());
        out.put("version", v.version());
        out.set("snapshot", InvoicingJson.toTree(v.snapshot()));
        ArrayNode fields = out.putArray("changed_fields");
        v.changedFields().forEach(fields::add);
        out.set("user", user(v.user()));
        out.put("reason", v.reason());
        out.put("created_at", v.createdAt().toString());
        return out;
    }

    private ObjectNode timeline(List<TimelineEvent> events) {
        ObjectNode out = NODES.objectNode();
        ArrayNode data = out.putArray("timeline");
        for (TimelineEvent e : events) {
            ObjectNode n = data.addObject();
            n.put("type", e.type().wireValue());
            n.put("at", e.at().toString());
            n.set("user", user(e.user()));
            n.put("note", e.note());
        }
        return out;
    }

    private static JsonNode user(User u) {
        if (u == null) {
            return NODES.nullNode();
        }
        return NODES.objectNode().put("id", u.id()).put("name", u.name()).put("email", u.email());
    }

    private ObjectNode nextNumber(NextNumber n) {
        ObjectNode out = NODES.objectNode();
        out.put("number", n.number());
        if (n.furs() != null) {
            out.putObject("furs").put("business_premise_name", n.furs().businessPremiseName())
                    .put("electronic_device_name", n.furs().electronicDeviceName())
                    .put("sequence_number", n.furs().sequenceNumber());
        } else {
            out.putNull("furs");
        }
        if (n.fina() != null) {
            out.putObject("fina").put("business_premise_name", n.fina().businessPremiseName())
                    .put("electronic_device_name", n.fina().electronicDeviceName())
                    .put("sequence_number", n.fina().sequenceNumber());
        } else {
            out.putNull("fina");
        }
        return out;
    }

    private ObjectNode notExported(EntityDocuments as, ObjectNode op) {
        Instant since = null;
        String sinceText = text(op, "not_exported_since", false);
        if (sinceText != null) {
            try {
                since = Instant.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw ValidationException.of("not_exported_since", "invalid_value", "must be an ISO instant, was \""
                        + sinceText + "\"");
            }
        }
        boolean drafts = op.hasNonNull("include_drafts") && op.get("include_drafts").asBoolean()
                || op.hasNonNull("include_non_booked") && op.get("include_non_booked").asInt() == 1;
        var filter = op.hasNonNull("filter") ? QueryParser.parse(op.get("filter")) : null;
        List<Document> list = as.notExported(type(op, "type"), new NotExportedRequest(text(op, "system_id", false),
                since, drafts, filter));
        ObjectNode out = NODES.objectNode();
        ArrayNode data = out.putArray("data");
        list.forEach(d -> data.add(InvoicingJson.toTree(d)));
        return out;
    }

    private ObjectNode markExported(EntityDocuments as, ObjectNode op) {
        JsonNode entries = op.has("documents") ? op.get("documents") : op.get("invoices");
        if (entries == null || !entries.isArray()) {
            throw ValidationException.of("documents", "required", "an array of {document_id, system_id, note}");
        }
        List<ExportMark> marks = new ArrayList<>();
        for (JsonNode e : entries) {
            String id = text(e, e.has("document_id") ? "document_id" : "invoice_id", true);
            marks.add(new ExportMark(DocumentId.parse(ref(id)), text(e, "system_id", false), text(e, "note", false)));
        }
        List<Document> marked = as.markExported(marks);
        ObjectNode out = NODES.objectNode();
        ArrayNode ids = out.putArray("marked");
        marked.forEach(d -> ids.add(d.id().value()));
        return out;
    }

    private ObjectNode document(Document d) {
        return (ObjectNode) InvoicingJson.toTree(d);
    }

    private DocumentId id(ObjectNode op) {
        return DocumentId.parse(ref(text(op, "id", true)));
    }

    /** Resolves {@code $N} to what line N returned. */
    private String ref(String value) {
        if (value != null && value.startsWith("$")) {
            try {
                String resolved = results.get(Integer.parseInt(value.substring(1)));
                if (resolved == null) {
                    throw ValidationException.of("id", "unknown_reference", value + " refers to a line that returned "
                            + "no id");
                }
                return resolved;
            } catch (NumberFormatException e) {
                throw ValidationException.of("id", "invalid_reference", "expected $N, was \"" + value + "\"");
            }
        }
        return value;
    }

    private static ObjectNode body(ObjectNode op) {
        JsonNode body = op.get("body");
        if (body == null || !body.isObject()) {
            throw ValidationException.of("body", "required", "an object is required");
        }
        return (ObjectNode) body;
    }

    private static DocumentType type(ObjectNode op, String field) {
        String value = text(op, field, true);
        return WireValues.parse(DocumentType.class, value).orElseThrow(() -> ValidationException.of(field,
                "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class) + ", was \"" + value
                        + "\""));
    }

    private static int integer(ObjectNode op, String field) {
        JsonNode n = op.get(field);
        if (n == null || !n.canConvertToInt()) {
            throw ValidationException.of(field, "invalid_value", "must be an integer, was " + n);
        }
        return n.asInt();
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode n = node == null ? null : node.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw ValidationException.of(field, "required", "is required");
            }
            return null;
        }
        return n.asText();
    }

    private static ObjectNode error(InvoicingException e) {
        ObjectNode out = NODES.objectNode();
        ObjectNode err = out.putObject("error");
        ArrayNode errors;
        if (e instanceof ValidationException v) {
            err.put("type", "validation_error");
            err.put("message", e.getMessage());
            errors = err.putArray("errors");
            for (Violation x : v.violations()) {
                errors.addObject().put("path", x.path()).put("code", x.code()).put("message", x.message());
            }
            return out;
        }
        String type = e instanceof DocumentStateException ? "document_state_error"
                : e instanceof NotFoundException ? "not_found" : e instanceof SpiException ? "spi_error" : "error";
        err.put("type", type);
        err.put("message", e.getMessage());
        errors = err.putArray("errors");
        if (e instanceof DocumentStateException s) {
            errors.addObject().put("path", "").put("code", s.rule()).put("message", e.getMessage());
        }
        return out;
    }

    /** @return the ids and tokens returned so far, by line number (for tests) */
    Map<Integer, String> references() {
        return Map.copyOf(results);
    }
}
