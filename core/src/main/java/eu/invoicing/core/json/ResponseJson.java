package eu.invoicing.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.SpiException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.lifecycle.NextNumber;
import eu.invoicing.core.lifecycle.VersionList;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.version.DocumentVersion;
import eu.invoicing.core.version.TimelineEvent;
import eu.invoicing.core.version.User;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The reference API's response shapes around documents: lists with their pagination, versions, the
 * timeline, next-number, the not-exported list, mark-as-exported, share answers and errors. A host that
 * serves the reference API over HTTP (the {@code server} module) and the CLI's {@code batch} both write
 * them from here, so every writer gives exactly the same JSON.
 *
 * <p>Every method returns a new tree that the caller owns (and may change without affecting anyone);
 * timestamps are written with milliseconds at UTC ({@code 2025-03-15T00:00:00.000Z}), as everywhere in
 * the reference. Stateless and thread-safe.
 */
public final class ResponseJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResponseJson() {
    }

    /**
     * A list response: {@code {"data":[...],"pagination":{"total","next_cursor","prev_cursor","has_more"}}}.
     *
     * @param page the page, not null
     * @return the tree
     */
    public static ObjectNode page(Page<Document> page) {
        Objects.requireNonNull(page, "page");
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

    /**
     * The version history: {@code {"versions":[...],"count"}}, newest first.
     *
     * @param list the versions, not null
     * @return the tree
     */
    public static ObjectNode versions(VersionList list) {
        Objects.requireNonNull(list, "list");
        ObjectNode out = NODES.objectNode();
        ArrayNode versions = out.putArray("versions");
        list.versions().forEach(v -> versions.add(version(v)));
        out.put("count", list.count());
        return out;
    }

    /**
     * One version record: {@code id, document_type, document_id, version, snapshot, changed_fields, user,
     * reason, created_at}.
     *
     * @param v the version, not null
     * @return the tree
     */
    public static ObjectNode version(DocumentVersion v) {
        Objects.requireNonNull(v, "v");
        ObjectNode out = NODES.objectNode();
        out.put("id", v.id());
        out.put("document_type", WireValues.of(v.documentType()));
        out.put("document_id", v.documentId().value());
        out.put("version", v.version());
        out.set("snapshot", InvoicingJson.toTree(v.snapshot()));
        ArrayNode fields = out.putArray("changed_fields");
        v.changedFields().forEach(fields::add);
        out.set("user", user(v.user()));
        out.put("reason", v.reason());
        out.put("created_at", instant(v.createdAt()));
        return out;
    }

    /**
     * A document's timeline: {@code {"timeline":[{"type","at","user","note"}]}}, oldest first.
     *
     * @param events the events, not null
     * @return the tree
     */
    public static ObjectNode timeline(List<TimelineEvent> events) {
        Objects.requireNonNull(events, "events");
        ObjectNode out = NODES.objectNode();
        ArrayNode data = out.putArray("timeline");
        for (TimelineEvent e : events) {
            ObjectNode n = data.addObject();
            n.put("type", e.type().wireValue());
            n.put("at", instant(e.at()));
            n.set("user", user(e.user()));
            n.put("note", e.note());
        }
        return out;
    }

    /**
     * The answer of {@code GET /documents/next-number}: {@code {"number","furs","fina","pt"}}; {@code pt} is
     * always null (the library does not compute Portuguese certification data).
     *
     * @param n the preview, not null
     * @return the tree
     */
    public static ObjectNode nextNumber(NextNumber n) {
        Objects.requireNonNull(n, "n");
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
        out.putNull("pt");
        return out;
    }

    /**
     * The answer of {@code GET /v10/invoices/export}: {@code {"invoices":[...]}} (the reference's
     * "invoices.* — An array of object invoice").
     *
     * @param documents the documents not yet exported, not null
     * @return the tree
     */
    public static ObjectNode notExported(List<Document> documents) {
        Objects.requireNonNull(documents, "documents");
        ObjectNode out = NODES.objectNode();
        ArrayNode data = out.putArray("invoices");
        documents.forEach(d -> data.add(InvoicingJson.toTree(d)));
        return out;
    }

    /**
     * The answer of {@code POST /v10/invoices/mark-as-exported}: {@code {"marked":[ids]}}.
     *
     * @param marked the documents marked, not null
     * @return the tree
     */
    public static ObjectNode marked(List<Document> marked) {
        Objects.requireNonNull(marked, "marked");
        ObjectNode out = NODES.objectNode();
        ArrayNode ids = out.putArray("marked");
        marked.forEach(d -> ids.add(d.id().value()));
        return out;
    }

    /**
     * The answer of {@code POST} and {@code GET /documents/{id}/share}: {@code {"shareable_id"}}.
     *
     * @param token the token, nullable (not shared)
     * @return the tree
     */
    public static ObjectNode shareToken(String token) {
        return NODES.objectNode().put("shareable_id", token);
    }

    /**
     * The answer of {@code DELETE /documents/{id}/share}: {@code {"id","shareable_id":null}}.
     *
     * @param document the document, no longer shared, not null
     * @return the tree
     */
    public static ObjectNode unshared(Document document) {
        Objects.requireNonNull(document, "document");
        return NODES.objectNode().put("id", document.id().value()).putNull("shareable_id");
    }

    /**
     * The answer of a permanent deletion: {@code {"id","deleted":true}}.
     *
     * @param id the deleted document's id, not null
     * @return the tree
     */
    public static ObjectNode deleted(String id) {
        Objects.requireNonNull(id, "id");
        return NODES.objectNode().put("id", id).put("deleted", true);
    }

    /**
     * An error: {@code {"error":{"type","message","errors":[{"path","code","message"}]}}}. The type is
     * {@link #errorType(InvoicingException)}; a validation error lists every violation, a state error its
     * rule (at path {@code ""}), every other error an empty list.
     *
     * @param e the failure, not null
     * @return the tree
     */
    public static ObjectNode error(InvoicingException e) {
        Objects.requireNonNull(e, "e");
        ObjectNode out = NODES.objectNode();
        ObjectNode err = out.putObject("error");
        err.put("type", errorType(e));
        err.put("message", e.getMessage());
        ArrayNode errors = err.putArray("errors");
        if (e instanceof ValidationException v) {
            for (Violation x : v.violations()) {
                errors.add(violation(x));
            }
        } else if (e instanceof DocumentStateException s) {
            errors.addObject().put("path", "").put("code", s.rule().wireName()).put("message", e.getMessage());
        }
        return out;
    }

    /**
     * An error of a given type with its violations, for failures that are no library exception (an HTTP
     * server's {@code unauthorized}, {@code payload_too_large}, ...).
     *
     * @param type the error type, not null
     * @param message the message, not null
     * @param violations the violations, not null (may be empty)
     * @return the tree, in the shape of {@link #error(InvoicingException)}
     */
    public static ObjectNode error(String type, String message, List<Violation> violations) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        ObjectNode out = NODES.objectNode();
        ObjectNode err = out.putObject("error");
        err.put("type", type);
        err.put("message", message);
        ArrayNode errors = err.putArray("errors");
        for (Violation x : Objects.requireNonNull(violations, "violations")) {
            errors.add(violation(x));
        }
        return out;
    }

    /**
     * The stable type name of a failure: {@code validation_error}, {@code document_state_error},
     * {@code not_found}, {@code spi_error}, else {@code error}.
     *
     * @param e the failure, not null
     * @return its type
     */
    public static String errorType(InvoicingException e) {
        Objects.requireNonNull(e, "e");
        return e instanceof ValidationException ? "validation_error" : e instanceof DocumentStateException
                ? "document_state_error" : e instanceof NotFoundException ? "not_found"
                : e instanceof SpiException ? "spi_error" : "error";
    }

    /**
     * Formats an instant the way every timestamp of the wire format is written.
     *
     * @param at not null
     * @return e.g. {@code 2025-03-15T00:00:00.000Z}
     */
    public static String instant(Instant at) {
        return DocumentJsonWriter.INSTANT.format(Objects.requireNonNull(at, "at"));
    }

    private static ObjectNode violation(Violation x) {
        return NODES.objectNode().put("path", x.path()).put("code", x.code()).put("message", x.message());
    }

    private static JsonNode user(User u) {
        if (u == null) {
            return NODES.nullNode();
        }
        return NODES.objectNode().put("id", u.id()).put("name", u.name()).put("email", u.email());
    }
}
