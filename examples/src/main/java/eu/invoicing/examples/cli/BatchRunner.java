package eu.invoicing.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.ResponseJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.lifecycle.DocumentPatch;
import eu.invoicing.core.lifecycle.EntityCustomers;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.ExportMark;
import eu.invoicing.core.lifecycle.FinalizeOptions;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.lifecycle.NotExportedRequest;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.QueryParser;
import eu.invoicing.core.spi.Customer;
import eu.invoicing.core.version.User;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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
        return execute(lineNumber, line).json();
    }

    /**
     * Applies one operation.
     *
     * @param lineNumber the 1-based line number (what {@code $N} refers to)
     * @param line one operation as JSON, not null
     * @return the result line and, when refused, why
     */
    public Outcome execute(int lineNumber, String line) {
        try {
            JsonNode op = InvoicingJson.parse(line);
            if (!op.isObject()) {
                throw ValidationException.of("", "invalid_operation", "each line must be a JSON object");
            }
            return new Outcome(run((ObjectNode) op, lineNumber).toString(), null, null);
        } catch (InvoicingException e) {
            return new Outcome(error(e).toString(), errorType(e), e);
        } catch (RuntimeException e) {
            InvoicingException internal = new InvoicingException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            return new Outcome(error(internal).toString(), "error", internal);
        }
    }

    /**
     * What one line gave.
     *
     * @param json the result line (JSON), not null
     * @param errorType null when the operation succeeded, else the {@code error.type} of the line:
     *     {@code validation_error}, {@code document_state_error} and {@code not_found} are bad input,
     *     {@code spi_error} and {@code error} internal failures
     * @param failure the refusal, null when the operation succeeded
     */
    public record Outcome(String json, String errorType, InvoicingException failure) {
        /** @return whether the operation was refused for its input (not for an internal failure) */
        public boolean refused() {
            return errorType != null && !internal();
        }

        /** @return whether the operation failed inside the library or an SPI */
        public boolean internal() {
            return "spi_error".equals(errorType) || "error".equals(errorType);
        }
    }

    /** Fields every operation may carry besides its own. */
    private static final Set<String> COMMON = Set.of("op", "user");

    /** The fields of each operation (docs/batch.md); any other key is {@code unknown_field}. */
    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("create", Set.of("type", "body")),
            Map.entry("create_custom", Set.of("type", "body")),
            Map.entry("calculate", Set.of("type", "body")),
            Map.entry("get", Set.of("id")),
            Map.entry("update", Set.of("id", "body")),
            Map.entry("finalize", Set.of("id", "body")),
            Map.entry("void", Set.of("id", "body")),
            Map.entry("delete", Set.of("id")),
            Map.entry("restore", Set.of("id")),
            Map.entry("delete_permanent", Set.of("id")),
            Map.entry("list", Set.of("type", "query", "order_by", "next_cursor", "cursor", "prev_cursor", "limit",
                    "search", "deleted", "include_total_count", "include")),
            Map.entry("versions", Set.of("id")),
            Map.entry("version", Set.of("id", "version")),
            Map.entry("timeline", Set.of("id")),
            Map.entry("next_number", Set.of("type", "business_premise_name", "electronic_device_name",
                    "business_unit")),
            Map.entry("share", Set.of("id")),
            Map.entry("unshare", Set.of("id")),
            Map.entry("share_token", Set.of("id")),
            Map.entry("shared", Set.of("token")),
            Map.entry("payment", Set.of("id", "body")),
            Map.entry("delete_payment", Set.of("id", "payment_id")),
            Map.entry("convert", Set.of("id", "to", "is_draft", "invoice_id")),
            Map.entry("fiscalize", Set.of("id")),
            Map.entry("not_exported", Set.of("type", "system_id", "not_exported_since", "include_drafts",
                    "include_non_booked", "filter")),
            Map.entry("mark_exported", Set.of("documents", "invoices")),
            Map.entry("customer_create", Set.of("body")),
            Map.entry("customer_get", Set.of("id")),
            Map.entry("customer_update", Set.of("id", "body")),
            Map.entry("customer_list", Set.of("search", "limit", "offset")));

    /** The fields an operation cannot do without, reported together with every other bad field of the line. */
    private static final Map<String, Set<String>> REQUIRED = requiredFields();

    /** The JSON type of each operation field, whichever operation carries it. */
    private static final Map<String, OpFields.Kind> KINDS = Map.ofEntries(
            Map.entry("op", OpFields.Kind.TEXT), Map.entry("type", OpFields.Kind.TEXT), Map.entry("id", OpFields.Kind.TEXT),
            Map.entry("body", OpFields.Kind.OBJECT), Map.entry("user", OpFields.Kind.OBJECT),
            Map.entry("query", OpFields.Kind.TEXT_OR_OBJECT), Map.entry("order_by", OpFields.Kind.TEXT_OR_ARRAY),
            Map.entry("next_cursor", OpFields.Kind.TEXT), Map.entry("cursor", OpFields.Kind.TEXT),
            Map.entry("prev_cursor", OpFields.Kind.TEXT), Map.entry("limit", OpFields.Kind.INTEGER),
            Map.entry("search", OpFields.Kind.TEXT), Map.entry("deleted", OpFields.Kind.BOOLEAN),
            Map.entry("include_total_count", OpFields.Kind.BOOLEAN), Map.entry("include", OpFields.Kind.TEXT_OR_ARRAY),
            Map.entry("version", OpFields.Kind.INTEGER), Map.entry("business_premise_name", OpFields.Kind.TEXT),
            Map.entry("electronic_device_name", OpFields.Kind.TEXT), Map.entry("business_unit", OpFields.Kind.TEXT),
            Map.entry("token", OpFields.Kind.TEXT), Map.entry("payment_id", OpFields.Kind.TEXT),
            Map.entry("to", OpFields.Kind.TEXT), Map.entry("is_draft", OpFields.Kind.BOOLEAN),
            Map.entry("invoice_id", OpFields.Kind.TEXT), Map.entry("system_id", OpFields.Kind.TEXT),
            Map.entry("not_exported_since", OpFields.Kind.TEXT), Map.entry("include_drafts", OpFields.Kind.BOOLEAN),
            Map.entry("include_non_booked", OpFields.Kind.INTEGER), Map.entry("documents", OpFields.Kind.ARRAY),
            Map.entry("invoices", OpFields.Kind.ARRAY), Map.entry("offset", OpFields.Kind.INTEGER));

    private static Map<String, Set<String>> requiredFields() {
        Map<String, Set<String>> required = new HashMap<>();
        for (String op : List.of("create", "create_custom", "calculate")) {
            required.put(op, Set.of("type", "body"));
        }
        for (String op : List.of("get", "finalize", "void", "delete", "restore", "delete_permanent", "versions",
                "timeline", "share", "unshare", "share_token", "convert", "fiscalize")) {
            required.put(op, Set.of("id"));
        }
        required.put("update", Set.of("id", "body"));
        required.put("version", Set.of("id", "version"));
        required.put("payment", Set.of("id", "body"));
        required.put("delete_payment", Set.of("id", "payment_id"));
        required.put("list", Set.of("type"));
        required.put("next_number", Set.of("type"));
        required.put("shared", Set.of("token"));
        required.put("customer_create", Set.of("body"));
        required.put("customer_get", Set.of("id"));
        required.put("customer_update", Set.of("id", "body"));
        return Map.copyOf(required);
    }

    private ObjectNode run(ObjectNode op, int lineNumber) {
        String name = OpFields.text(op, "", "op", true);
        Set<String> fields = FIELDS.get(name);
        if (fields == null) {
            throw ValidationException.of("op", "unknown_operation", "unknown operation \"" + name + "\"");
        }
        Set<String> known = new HashSet<>(fields);
        known.addAll(COMMON);
        OpFields.precheck(op, known, REQUIRED.getOrDefault(name, Set.of()), KINDS);
        EntityDocuments as = docs;
        ObjectNode user = OpFields.object(op, "", "user", false);
        if (user != null) {
            OpFields.onlyKnown(user, "user", Set.of("id", "name", "email"));
            as = docs.as(new User(OpFields.text(user, "user", "id", false), OpFields.text(user, "user", "name", false),
                    OpFields.text(user, "user", "email", false)));
        }
        ObjectNode result = switch (name) {
            case "create" -> document(remember(lineNumber, create(as, op, false)));
            case "create_custom" -> document(remember(lineNumber, create(as, op, true)));
            case "calculate" -> (ObjectNode) InvoicingJson.calculationTree(as.calculate(
                    InvoicingJson.readRequest(body(op), type(op, "type"))));
            case "get" -> document(as.get(id(op)));
            case "finalize" -> document(remember(lineNumber, as.finalizeDocument(id(op), finalizeOptions(op))));
            case "update" -> document(remember(lineNumber, update(as, op)));
            case "void" -> document(remember(lineNumber, voidDocument(as, op)));
            case "delete" -> document(remember(lineNumber, as.delete(id(op))));
            case "restore" -> document(remember(lineNumber, as.restore(id(op))));
            case "delete_permanent" -> {
                DocumentId id = id(op);
                as.deletePermanently(id);
                yield ResponseJson.deleted(id.value());
            }
            case "list" -> list(as, op);
            case "versions" -> ResponseJson.versions(as.versions(id(op)));
            case "version" -> ResponseJson.version(as.version(id(op), version(op)));
            case "timeline" -> ResponseJson.timeline(as.timeline(id(op)));
            case "next_number" -> ResponseJson.nextNumber(as.nextNumber(type(op, "type"), text(op, "business_premise_name", false),
                    text(op, "electronic_device_name", false), text(op, "business_unit", false)));
            case "share" -> {
                String token = as.share(id(op));
                results.put(lineNumber, token);
                yield ResponseJson.shareToken(token);
            }
            case "unshare" -> {
                yield ResponseJson.unshared(as.unshare(id(op)));
            }
            case "share_token" -> ResponseJson.shareToken(as.shareToken(id(op)).orElse(null));
            case "shared" -> document(invoicing.findShared(ref(text(op, "token", true), "token")));
            case "payment" -> document(payment(as, op));
            case "delete_payment" -> document(as.deletePayment(id(op), text(op, "payment_id", true)));
            case "convert" -> document(remember(lineNumber, convert(as, op)));
            case "fiscalize" -> document(as.retryFiscalization(id(op)));
            case "not_exported" -> notExported(as, op);
            case "mark_exported" -> markExported(as, op);
            case "customer_create" -> customer(lineNumber, as.customers().create(InvoicingJson.readParty(body(op), "body")));
            case "customer_get" -> customer(lineNumber, as.customers().get(customerId(op)));
            case "customer_update" -> customer(lineNumber, as.customers().update(customerId(op),
                    InvoicingJson.readParty(body(op), "body")));
            case "customer_list" -> customerList(as, op);
            default -> throw new IllegalStateException("operation without a case: " + name);
        };
        return result;
    }

    private ObjectNode customer(int lineNumber, Customer c) {
        results.put(lineNumber, c.id());
        return (ObjectNode) InvoicingJson.customerTree(c);
    }

    private String customerId(ObjectNode op) {
        return ref(text(op, "id", true), "id");
    }

    private ObjectNode customerList(EntityDocuments as, ObjectNode op) {
        Integer limit = OpFields.integer(op, "", "limit", 1, EntityCustomers.MAX_LIMIT);
        Integer offset = OpFields.integer(op, "", "offset", 0, Integer.MAX_VALUE);
        List<Customer> list = as.customers().search(text(op, "search", false), offset == null ? 0 : offset,
                limit == null ? DocumentQuery.DEFAULT_LIMIT : limit);
        ObjectNode out = NODES.objectNode();
        ArrayNode data = out.putArray("data");
        list.forEach(c -> data.add(InvoicingJson.customerTree(c)));
        return out;
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
        String reason = OpFields.text(body, "body", "change_reason", false);
        body.remove("change_reason");
        Set<String> present = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(present::add);
        DocumentRequest values = InvoicingJson.readRequest(body, id.type());
        return as.update(id, DocumentPatch.of(values.draft(), present, reason, values.linkedDocuments()));
    }

    private Document voidDocument(EntityDocuments as, ObjectNode op) {
        DocumentId id = id(op);
        ObjectNode body = body(op);
        OpFields.onlyKnown(body, "body", Set.of("reason", "has_original_document"));
        return as.voidDocument(id, OpFields.text(body, "body", "reason", false),
                OpFields.bool(body, "body", "has_original_document"));
    }

    private FinalizeOptions finalizeOptions(ObjectNode op) {
        ObjectNode body = OpFields.object(op, "", "body", false);
        if (body == null) {
            return new FinalizeOptions(null, null, null);
        }
        OpFields.onlyKnown(body, "body", Set.of("furs", "fina", "business_unit"));
        FursData furs = null;
        FinaData fina = null;
        ObjectNode f = OpFields.object(body, "body", "furs", false);
        if (f != null) {
            OpFields.onlyKnown(f, "body.furs", Set.of("business_premise_name", "electronic_device_name",
                    "operator_tax_number"));
            furs = new FursData(OpFields.text(f, "body.furs", "business_premise_name", false),
                    OpFields.text(f, "body.furs", "electronic_device_name", false), null, null,
                    OpFields.text(f, "body.furs", "operator_tax_number", false), null, null, null, null, null, null);
        }
        ObjectNode g = OpFields.object(body, "body", "fina", false);
        if (g != null) {
            OpFields.onlyKnown(g, "body.fina", Set.of("business_premise_name", "electronic_device_name",
                    "operator_oib", "payment_method", "payment_type"));
            String method = OpFields.text(g, "body.fina", "payment_method", false);
            fina = new FinaData(OpFields.text(g, "body.fina", "business_premise_name", false),
                    OpFields.text(g, "body.fina", "electronic_device_name", false), null, null,
                    OpFields.text(g, "body.fina", "operator_oib", false), method != null ? method
                    : OpFields.text(g, "body.fina", "payment_type", false), null, null, null, null, null);
        }
        return new FinalizeOptions(furs, fina, OpFields.text(body, "body", "business_unit", false));
    }

    private static int version(ObjectNode op) {
        Integer version = OpFields.integer(op, "", "version", 1, Integer.MAX_VALUE);
        if (version == null) {
            throw ValidationException.of("version", "required", "is required");
        }
        return version;
    }

    private Document payment(EntityDocuments as, ObjectNode op) {
        DocumentId id = id(op);
        ObjectNode wrapper = NODES.objectNode();
        wrapper.set("payment", body(op));
        List<Payment> parsed;
        try {
            parsed = InvoicingJson.readRequest(wrapper, DocumentType.INVOICE).draft().values().payments();
        } catch (ValidationException e) {
            // The body was read as a request's "payment" field: report its paths as the line's "body".
            List<Violation> moved = new ArrayList<>();
            for (Violation v : e.violations()) {
                String path = v.path().equals("payment") || v.path().startsWith("payment.")
                        || v.path().startsWith("payment[") ? "body" + v.path().substring("payment".length()) : v.path();
                moved.add(Violation.of(path, v.code(), v.message()));
            }
            throw new ValidationException(moved);
        }
        if (parsed.isEmpty()) {
            throw ValidationException.of("body", "required", "a payment {amount, type, date, reference, note} is required");
        }
        return as.addPayment(id, parsed.get(0));
    }

    private Document convert(EntityDocuments as, ObjectNode op) {
        DocumentId id = id(op);
        boolean draft = OpFields.flag(op, "", "is_draft");
        if (id.type() == DocumentType.ADVANCE_INVOICE) {
            return as.applyAdvance(id, DocumentId.parse(ref(text(op, "invoice_id", true), "invoice_id"), "invoice_id"));
        }
        DocumentType to = type(op, "to");
        return switch (to) {
            case CREDIT_NOTE -> as.createCreditNote(id, null, draft);
            case DELIVERY_NOTE -> as.createDeliveryNote(id, draft);
            default -> as.convert(id, to, draft);
        };
    }

    private ObjectNode list(EntityDocuments as, ObjectNode op) {
        DocumentType type = type(op, "type");
        DocumentQuery.Builder q = DocumentQuery.builder();
        if (op.hasNonNull("query")) {
            JsonNode query = op.get("query");
            if (!query.isTextual() && !query.isObject()) {
                throw ValidationException.of("query", "invalid_type", "must be an object or its JSON text, was "
                        + OpFields.describe(query));
            }
            q.query(query.isTextual() ? query.textValue() : query.toString());
        }
        JsonNode order = op.get("order_by");
        if (order != null && order.isArray()) {
            // The reference: "Sort by one field or provide a repeated array for multi-column ordering."
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                if (!order.get(i).isTextual()) {
                    throw ValidationException.of("order_by[" + i + "]", "invalid_type", "must be a string, was "
                            + OpFields.describe(order.get(i)));
                }
                columns.add(order.get(i).textValue());
            }
            q.orderBy(columns);
        } else {
            q.orderBy(text(op, "order_by", false));
        }
        q.nextCursor(text(op, op.has("next_cursor") ? "next_cursor" : "cursor", false));
        q.prevCursor(text(op, "prev_cursor", false));
        q.limit(OpFields.integer(op, "", "limit", 1, DocumentQuery.MAX_LIMIT));
        q.search(text(op, "search", false));
        q.deleted(OpFields.flag(op, "", "deleted"));
        Boolean totalCount = OpFields.bool(op, "", "include_total_count");
        if (totalCount != null) {
            q.includeTotalCount(totalCount);
        }
        if (op.hasNonNull("include")) {
            List<String> include = new ArrayList<>();
            JsonNode inc = op.get("include");
            if (inc.isArray()) {
                for (int i = 0; i < inc.size(); i++) {
                    if (!inc.get(i).isTextual()) {
                        throw ValidationException.of("include[" + i + "]", "invalid_type", "must be a string, was "
                                + OpFields.describe(inc.get(i)));
                    }
                    include.add(inc.get(i).textValue());
                }
            } else if (inc.isTextual()) {
                for (String s : inc.textValue().split(",")) {
                    include.add(s.trim());
                }
            } else {
                throw ValidationException.of("include", "invalid_type", "must be an array of strings or a comma list, was "
                        + OpFields.describe(inc));
            }
            q.include(include);
        }
        return ResponseJson.page(as.list(type, q.build()));
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
        Integer nonBooked = OpFields.integer(op, "", "include_non_booked", 0, 1);
        boolean drafts = OpFields.flag(op, "", "include_drafts") || nonBooked != null && nonBooked == 1;
        var filter = op.hasNonNull("filter") ? QueryParser.parse(op.get("filter")) : null;
        List<Document> list = as.notExported(type(op, "type"), new NotExportedRequest(text(op, "system_id", false),
                since, drafts, filter));
        return ResponseJson.notExported(list);
    }

    private ObjectNode markExported(EntityDocuments as, ObjectNode op) {
        String field = op.has("documents") ? "documents" : "invoices";
        JsonNode entries = op.get(field);
        if (entries == null || !entries.isArray()) {
            throw ValidationException.of(field, entries == null || entries.isNull() ? "required" : "invalid_type",
                    "an array of {document_id, system_id, note} is required");
        }
        List<ExportMark> marks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode e = entries.get(i);
            if (!e.isObject()) {
                throw ValidationException.of(at, "invalid_type", "must be an object {document_id, system_id, note}, was "
                        + OpFields.describe(e));
            }
            OpFields.onlyKnown(e, at, Set.of("document_id", "invoice_id", "system_id", "note"));
            String idField = e.has("document_id") ? "document_id" : "invoice_id";
            String id = OpFields.text(e, at, idField, true);
            marks.add(new ExportMark(DocumentId.parse(ref(id, at + "." + idField), at + "." + idField),
                    OpFields.text(e, at, "system_id", false), OpFields.text(e, at, "note", false)));
        }
        return ResponseJson.marked(as.markExported(marks));
    }

    private ObjectNode document(Document d) {
        return (ObjectNode) InvoicingJson.toTree(d);
    }

    private DocumentId id(ObjectNode op) {
        return DocumentId.parse(ref(text(op, "id", true), "id"), "id");
    }

    /** Resolves {@code $N} (N a line number, 1 or more) to what line N returned; {@code path} names the field. */
    private String ref(String value, String path) {
        if (value == null || !value.startsWith("$")) {
            return value;
        }
        String digits = value.substring(1);
        if (!REFERENCE.matcher(digits).matches()) {
            throw ValidationException.of(path, "invalid_reference", "expected $N with N a line number (1 or more), was \""
                    + (value.length() > 40 ? value.substring(0, 37) + "..." : value) + "\"");
        }
        String resolved = results.get(Integer.parseInt(digits));
        if (resolved == null) {
            throw ValidationException.of(path, "unknown_reference", value + " refers to a line that returned no id");
        }
        return resolved;
    }

    private static final Pattern REFERENCE = Pattern.compile("[1-9][0-9]{0,8}");

    private static ObjectNode body(ObjectNode op) {
        return OpFields.object(op, "", "body", true);
    }

    private static DocumentType type(ObjectNode op, String field) {
        String value = text(op, field, true);
        return WireValues.parse(DocumentType.class, value).orElseThrow(() -> ValidationException.of(field,
                "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class) + ", was \"" + value
                        + "\""));
    }

    private static String text(ObjectNode op, String field, boolean required) {
        return OpFields.text(op, "", field, required);
    }

    private static String errorType(InvoicingException e) {
        return ResponseJson.errorType(e);
    }

    private static ObjectNode error(InvoicingException e) {
        return ResponseJson.error(e);
    }

    /** @return the ids and tokens returned so far, by line number (for tests) */
    Map<Integer, String> references() {
        return Map.copyOf(results);
    }
}
