package eu.invoicing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.ResponseJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.lifecycle.DocumentPatch;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.ExportMark;
import eu.invoicing.core.lifecycle.FinalizeOptions;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.lifecycle.NotExportedRequest;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.QueryParser;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.eslog.EslogSerializer;
import eu.invoicing.eslog.EslogValidator;
import eu.invoicing.export.BulkExportRequest;
import eu.invoicing.export.BulkExports;
import eu.invoicing.export.DocumentListExport;
import eu.invoicing.export.DocumentListExporter;
import eu.invoicing.export.ExportFormat;
import eu.invoicing.export.ExportPeriod;
import eu.invoicing.export.SalesPerItemExport;
import eu.invoicing.export.SalesPerItemExporter;
import eu.invoicing.export.i18n.ExportLanguage;
import eu.invoicing.export.job.EntryOutcome;
import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobJson;
import eu.invoicing.export.job.ExportJobKind;
import eu.invoicing.export.local.StoreDocuments;
import eu.invoicing.rendering.HtmlRenderer;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.rendering.RenderMode;
import eu.invoicing.rendering.RenderOptions;
import eu.invoicing.rendering.Template;
import eu.invoicing.rendering.i18n.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The endpoints of the five reference documents (and the server's own), each as a {@link Route} with its
 * handler. Handlers speak the library's wire format ({@link InvoicingJson}, {@link ResponseJson},
 * {@link ExportJobJson}); everything they change goes through {@link EntityDocuments}, so every rule, isolation
 * and atomicity guarantee of the library holds over HTTP.
 *
 * <p>Thread-safe: handlers share only thread-safe parts (the library, the key store, concurrent maps).
 */
final class ReferenceApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The URL segment of each kind: the reference's {@code /estimates}, ... and the same shape for the others. */
    static final Map<String, DocumentType> KINDS;

    static {
        Map<String, DocumentType> kinds = new LinkedHashMap<>();
        kinds.put("invoices", DocumentType.INVOICE);
        kinds.put("estimates", DocumentType.ESTIMATE);
        kinds.put("credit-notes", DocumentType.CREDIT_NOTE);
        kinds.put("advance-invoices", DocumentType.ADVANCE_INVOICE);
        kinds.put("delivery-notes", DocumentType.DELIVERY_NOTE);
        KINDS = Map.copyOf(kinds);
    }

    private static final List<String> KIND_ORDER = List.of("invoices", "estimates", "credit-notes",
            "advance-invoices", "delivery-notes");
    private static final Set<DocumentType> ESLOG_KINDS = Set.of(DocumentType.INVOICE, DocumentType.CREDIT_NOTE,
            DocumentType.ADVANCE_INVOICE);
    private static final List<String> LIST_PARAMS = List.of("limit", "next_cursor", "prev_cursor",
            "include_total_count", "order_by", "query", "search", "deleted", "include");
    private static final List<String> RENDER_PARAMS = List.of("template", "locale", "language");

    /** What a handler does with one call. */
    interface Action {
        void handle(Call call) throws IOException;
    }

    /** A route and its handler. */
    record Endpoint(Route route, Action action) {
    }

    private final Invoicing invoicing;
    private final DocumentStore store;
    private final ServerEntities entities;
    private final ApiKeys keys;
    private final ServerLimits limits;
    private final BulkExports bulk;
    private final Clock clock;
    private final HtmlRenderer html = HtmlRenderer.create();
    private final PdfRenderer pdf;
    /** The jobs started here, by entity (a job of another entity is not found), and their archives. */
    private final ExportArchives archives;
    private final List<Endpoint> endpoints = new ArrayList<>();

    ReferenceApi(Invoicing invoicing, DocumentStore store, ServerEntities entities, ApiKeys keys, ServerLimits limits,
                 BulkExports bulk, ExportArchives archives, Clock clock) {
        this.invoicing = invoicing;
        this.store = store;
        this.entities = entities;
        this.keys = keys;
        this.limits = limits;
        this.bulk = bulk;
        this.archives = archives;
        this.clock = clock;
        this.pdf = PdfRenderer.create(clock);
        define();
    }

    /** @return every endpoint, in registration order (specific paths before parameterised ones) */
    List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    private void add(String method, String path, String summary, boolean auth, String source, List<String> query,
                     Action action) {
        endpoints.add(new Endpoint(new Route(method, path, summary, auth, source, query), action));
    }

    private static String source(String slug) {
        return switch (slug) {
            case "estimates" -> "estimates-api.txt";
            case "credit-notes" -> "credit-notes-api.txt";
            case "advance-invoices" -> "advance-invoices-api.txt";
            default -> "server";
        };
    }

    private void define() {
        add("GET", "/health", "Health: 200 with {\"status\":\"ok\"} while the server accepts requests", false,
                "server", List.of(), c -> c.json(200, NODES.objectNode().put("status", "ok")));
        for (String slug : KIND_ORDER) {
            DocumentType type = KINDS.get(slug);
            String src = source(slug);
            String name = WireValues.of(type);
            add("GET", "/" + slug + "/shareable/{shareableId}", "View a shared " + name + " by its token (no key)",
                    false, src, List.of(), c -> c.json(200, InvoicingJson.toTree(shared(c, type))));
            add("GET", "/" + slug + "/shareable/{shareableId}/html", "A shared " + name + " as HTML (no key)",
                    false, src, RENDER_PARAMS, c -> {
                        Document d = shared(c, type);
                        c.html(html.render(d, entities.require(d.entityId()), renderOptions(c, false)));
                    });
            add("GET", "/" + slug + "/shareable/{shareableId}/pdf", "A shared " + name + " as PDF (no key)",
                    false, src, RENDER_PARAMS, c -> {
                        Document d = shared(c, type);
                        c.bytes(200, "application/pdf", pdf.render(d, entities.require(d.entityId()),
                                renderOptions(c, false)), null);
                    });
            if (ESLOG_KINDS.contains(type)) {
                add("GET", "/" + slug + "/shareable/{shareableId}/eslog", "A shared " + name
                        + " as e-SLOG 2.0 XML (no key)", false, slug.equals("credit-notes") ? src : "server",
                        List.of(), c -> c.bytes(200, "application/xml", eslog(shared(c, type)), null));
            }
            add("POST", "/" + slug + "/render", "Render an HTML preview of a " + name + " without saving it", true,
                    src, List.of("template", "locale", "language", "partial", "upn_qr_enabled", "upn_qr_display_mode",
                            "epc_qr_enabled"), c -> {
                        Entity previewEntity = previewEntity(c);
                        Document d = c.docs().calculate(request(c, type));
                        boolean complete = "false".equals(c.query("partial"));
                        c.html(html.render(d, previewEntity, renderOptions(c, complete)));
                    });
            add("POST", "/" + slug + "/custom", "Create a " + name + " with totals given by the caller", true,
                    slug.equals("credit-notes") ? src : "server", List.of(),
                    c -> c.json(201, InvoicingJson.toTree(c.docs().createCustom(request(c, type)))));
            add("POST", "/" + slug, "Create a " + name, true, src, List.of(),
                    c -> c.json(201, InvoicingJson.toTree(c.docs().create(request(c, type)))));
            add("GET", "/" + slug, "List " + name + "s: cursor pagination, query, search, order_by, deleted", true,
                    src, LIST_PARAMS, c -> c.json(200, ResponseJson.page(c.docs().list(type, listQuery(c)))));
            add("GET", "/" + slug + "/{id}", "Get a " + name + " by id", true, src, List.of("include"), c -> {
                include(c);
                c.json(200, InvoicingJson.toTree(c.docs().get(id(c, type))));
            });
            add("PATCH", "/" + slug + "/{id}", "Update a " + name + " (a version is recorded)", true, src, List.of(),
                    c -> c.json(200, InvoicingJson.toTree(update(c, type))));
            add("POST", "/" + slug + "/{id}/void", "Void a " + name, true,
                    slug.equals("credit-notes") ? src : "server", List.of(), c -> {
                        ObjectNode body = c.bodyObject(true);
                        onlyKnown(body, Set.of("reason", "has_original_document"));
                        c.json(200, InvoicingJson.toTree(c.docs().voidDocument(id(c, type), text(body, "reason"),
                                bool(body, "has_original_document"))));
                    });
            add("GET", "/" + slug + "/{id}/versions", "The version history of a " + name + ", newest first", true,
                    src, List.of(), c -> c.json(200, ResponseJson.versions(c.docs().versions(id(c, type)))));
            add("GET", "/" + slug + "/{id}/versions/{version}", "One version of a " + name, true, src, List.of(),
                    c -> c.json(200, ResponseJson.version(c.docs().version(id(c, type), version(c)))));
        }
        add("GET", "/documents/next-number", "Preview the next number of a type without consuming it", true,
                "estimates-api.txt", List.of("type", "business_premise_name", "electronic_device_name",
                        "business_unit"), c -> c.json(200, ResponseJson.nextNumber(c.docs().nextNumber(
                        requiredType(c), c.query("business_premise_name"), c.query("electronic_device_name"),
                        c.query("business_unit")))));
        add("POST", "/documents/calculate", "Calculate totals, taxes and transaction type without saving", true,
                "credit-notes-api.txt", List.of("type"),
                c -> c.json(200, calculation(c.docs().calculate(request(c, requiredType(c))))));
        add("GET", "/documents/export", "Export documents to XLSX or CSV", true, "exports-api.txt",
                List.of("type", "format", "date_from", "date_to", "language", "query", "search"), this::listExport);
        add("GET", "/documents/export/sales-per-item", "Export sales per item for a period", true,
                "exports-api.txt", List.of("format", "date_from", "date_to", "language"), this::salesExport);
        for (String kind : List.of("pdf", "eslog")) {
            ExportJobKind jobKind = kind.equals("pdf") ? ExportJobKind.PDF : ExportJobKind.ESLOG;
            add("POST", "/documents/export/" + kind, "Start a bulk " + kind + " export job (a ZIP)", true,
                    "exports-api.txt", List.of(), c -> startExport(c, jobKind));
            add("GET", "/documents/export/" + kind + "/{jobId}", "The status of a bulk " + kind + " export job",
                    true, "exports-api.txt", List.of(), c -> c.json(200, jobJson(job(c, jobKind))));
            add("GET", "/documents/export/" + kind + "/{jobId}/download", "Download a completed " + kind
                    + " export ZIP", true, "exports-api.txt", List.of(), c -> download(c, jobKind));
        }
        add("GET", "/documents/{id}/html", "Render a saved document as HTML", true, "estimates-api.txt",
                RENDER_PARAMS, c -> c.html(html.render(c.docs().get(id(c, null)), c.docs().entity(),
                        renderOptions(c, false))));
        add("GET", "/documents/{id}/pdf", "Render a saved document as PDF", true, "estimates-api.txt",
                RENDER_PARAMS, c -> {
                    Document d = c.docs().get(id(c, null));
                    c.bytes(200, "application/pdf", pdf.render(d, c.docs().entity(), renderOptions(c, false)), null);
                });
        add("POST", "/documents/{id}/finalize", "Finalize a draft: number it, fiscalize it if applicable", true,
                "estimates-api.txt", List.of("type"),
                c -> c.json(200, InvoicingJson.toTree(c.docs().finalizeDocument(id(c, null), finalizeOptions(c)))));
        add("DELETE", "/documents/{id}", "Delete a draft (to the trash)", true, "estimates-api.txt",
                List.of("type"), c -> c.json(200, InvoicingJson.toTree(c.docs().delete(id(c, null)))));
        add("DELETE", "/documents/{id}/permanent", "Permanently delete a document in the trash", true,
                "credit-notes-api.txt", List.of("type"), c -> {
                    DocumentId id = id(c, null);
                    c.docs().deletePermanently(id);
                    c.json(200, ResponseJson.deleted(id.value()));
                });
        add("POST", "/documents/{id}/restore", "Restore a document from the trash", true, "credit-notes-api.txt",
                List.of("type"), c -> c.json(200, InvoicingJson.toTree(c.docs().restore(id(c, null)))));
        add("POST", "/documents/{id}/share", "Make a document shareable: its token", true, "estimates-api.txt",
                List.of(), c -> c.json(200, ResponseJson.shareToken(c.docs().share(id(c, null)))));
        add("DELETE", "/documents/{id}/share", "Revoke a document's share token", true, "estimates-api.txt",
                List.of(), c -> c.json(200, ResponseJson.unshared(c.docs().unshare(id(c, null)))));
        add("GET", "/documents/{id}/share", "A document's share token, null when not shared", true,
                "estimates-api.txt", List.of(),
                c -> c.json(200, ResponseJson.shareToken(c.docs().shareToken(id(c, null)).orElse(null))));
        add("POST", "/documents/{id}/fiscalize", "Retry a failed fiscalization", true, "credit-notes-api.txt",
                List.of("type"), c -> c.json(200, InvoicingJson.toTree(c.docs().retryFiscalization(id(c, null)))));
        add("GET", "/documents/{id}/timeline", "A document's timeline, oldest first", true, "server", List.of(),
                c -> c.json(200, ResponseJson.timeline(c.docs().timeline(id(c, null)))));
        add("POST", "/documents/{id}/payments", "Record a payment {amount, type, date, reference, note}", true,
                "server", List.of(), c -> c.json(201, InvoicingJson.toTree(payment(c))));
        add("DELETE", "/documents/{id}/payments/{paymentId}", "Delete a payment (soft)", true, "server", List.of(),
                c -> c.json(200, InvoicingJson.toTree(c.docs().deletePayment(id(c, null), c.path("paymentId")))));
        add("POST", "/documents/{id}/convert", "Convert: estimate to invoice or advance invoice, invoice to credit"
                + " or delivery note, a paid advance applied to invoice_id", true, "server", List.of(),
                c -> c.json(201, InvoicingJson.toTree(convert(c))));
        add("GET", "/v10/invoices/export", "Invoices not yet exported to a system", true, "export-tracking-api.txt",
                List.of("system_id", "not_exported_since", "include_non_booked", "query", "filter_groups"),
                this::notExported);
        add("POST", "/v10/invoices/mark-as-exported", "Mark up to 10 invoices as exported to a system", true,
                "export-tracking-api.txt", List.of(), this::markExported);
        add("GET", "/entities", "The entities the API key may act on", true, "server", List.of(), c -> {
            ObjectNode out = NODES.objectNode();
            ArrayNode data = out.putArray("data");
            for (String id : c.key().entityIds()) {
                data.add(InvoicingJson.parse(InvoicingJson.writeEntity(entities.require(id))));
            }
            c.json(200, out);
        });
        add("POST", "/api-keys", "Issue an API key for some of the caller's entities (its secret is shown once)",
                true, "server", List.of(), this::issueKey);
        add("GET", "/api-keys", "The API keys of the caller's entities (never their secrets)", true, "server",
                List.of(), c -> {
                    ObjectNode out = NODES.objectNode();
                    ArrayNode data = out.putArray("data");
                    keys.list(c.key().entityIds()).forEach(k -> data.add(keyJson(k)));
                    c.json(200, out);
                });
        add("DELETE", "/api-keys/{id}", "Revoke an API key", true, "server", List.of(), c -> {
            ApiKeys.ApiKey k = keys.revoke(c.path("id"), c.key().entityIds())
                    .orElseThrow(() -> new NotFoundException("no such API key"));
            c.json(200, keyJson(k));
        });
    }

    // ---- documents -------------------------------------------------------------------------------------------

    /**
     * The calculation of a request, in the reference's shape: its "Returns" list has no payment state, which the
     * library's tree carries for the kinds that can be paid.
     */
    private static JsonNode calculation(Document d) {
        ObjectNode tree = (ObjectNode) InvoicingJson.calculationTree(d);
        tree.remove(List.of("total_paid", "total_due", "paid_in_full"));
        return tree;
    }

    private Document shared(Call c, DocumentType type) {
        Document d = invoicing.findShared(c.path("shareableId"));
        if (d.type() != type) {
            throw new NotFoundException("no shared document with this token");
        }
        return d;
    }

    private DocumentRequest request(Call c, DocumentType type) {
        ObjectNode body = c.bodyObject(false);
        checkItems(body);
        return InvoicingJson.readRequest(body, type);
    }

    private void checkItems(JsonNode body) {
        JsonNode items = body.get("items");
        if (items != null && items.isArray() && items.size() > limits.maxItems()) {
            throw ValidationException.of("items", "too_many", "at most " + limits.maxItems()
                    + " items per document, was " + items.size());
        }
    }

    private Document update(Call c, DocumentType type) {
        DocumentId id = id(c, type);
        ObjectNode body = c.bodyObject(false).deepCopy();
        checkItems(body);
        JsonNode reasonNode = body.remove("change_reason");
        String reason = null;
        if (reasonNode != null && !reasonNode.isNull()) {
            if (!reasonNode.isTextual()) {
                throw ValidationException.of("change_reason", "invalid_type", "must be a string");
            }
            reason = reasonNode.textValue();
        }
        Set<String> present = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(present::add);
        DocumentRequest values = InvoicingJson.readRequest(body, type);
        return c.docs().update(id, DocumentPatch.of(values.draft(), present, reason, values.linkedDocuments()));
    }

    private Document payment(Call c) {
        DocumentId id = id(c, null);
        ObjectNode wrapper = NODES.objectNode();
        wrapper.set("payment", c.bodyObject(false));
        List<Payment> parsed;
        try {
            parsed = InvoicingJson.readRequest(wrapper, DocumentType.INVOICE).draft().values().payments();
        } catch (ValidationException e) {
            // Read as a request's "payment" field: report the paths as the body's own.
            List<Violation> moved = new ArrayList<>();
            for (Violation v : e.violations()) {
                String p = v.path();
                moved.add(Violation.of(p.equals("payment") ? "" : p.startsWith("payment.") ? p.substring(8) : p,
                        v.code(), v.message()));
            }
            throw new ValidationException(moved);
        }
        if (parsed.isEmpty()) {
            throw ValidationException.of("", "required", "a payment {amount, type, date, reference, note} is required");
        }
        return c.docs().addPayment(id, parsed.get(0));
    }

    private Document convert(Call c) {
        DocumentId id = id(c, null);
        ObjectNode body = c.bodyObject(false);
        onlyKnown(body, Set.of("to", "is_draft", "invoice_id"));
        boolean draft = Boolean.TRUE.equals(bool(body, "is_draft"));
        if (id.type() == DocumentType.ADVANCE_INVOICE) {
            String invoice = text(body, "invoice_id");
            if (invoice == null) {
                throw ValidationException.of("invoice_id", "required", "the invoice the advance is applied to");
            }
            return c.docs().applyAdvance(id, DocumentId.parse(invoice, "invoice_id"));
        }
        String to = text(body, "to");
        if (to == null) {
            throw ValidationException.of("to", "required", "the type to convert to");
        }
        DocumentType target = WireValues.parse(DocumentType.class, to).orElseThrow(() -> ValidationException.of("to",
                "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class) + ", was "
                        + Violation.quote(to)));
        return switch (target) {
            case CREDIT_NOTE -> c.docs().createCreditNote(id, null, draft);
            case DELIVERY_NOTE -> c.docs().createDeliveryNote(id, draft);
            default -> c.docs().convert(id, target, draft);
        };
    }

    private FinalizeOptions finalizeOptions(Call c) {
        ObjectNode body = c.bodyObject(true);
        if (body.isEmpty()) {
            return new FinalizeOptions(null, null, null);
        }
        onlyKnown(body, Set.of("furs", "fina", "business_unit"));
        FursData furs = null;
        FinaData fina = null;
        JsonNode f = body.get("furs");
        if (f != null && f.isObject()) {
            onlyKnown((ObjectNode) f, "furs", Set.of("business_premise_name", "electronic_device_name",
                    "operator_tax_number"));
            furs = new FursData(text(f, "business_premise_name"), text(f, "electronic_device_name"), null, null,
                    text(f, "operator_tax_number"), null, null, null, null, null, null);
        }
        JsonNode g = body.get("fina");
        if (g != null && g.isObject()) {
            onlyKnown((ObjectNode) g, "fina", Set.of("business_premise_name", "electronic_device_name",
                    "operator_oib", "payment_method", "payment_type"));
            String method = text(g, "payment_method");
            fina = new FinaData(text(g, "business_premise_name"), text(g, "electronic_device_name"), null, null,
                    text(g, "operator_oib"), method != null ? method : text(g, "payment_type"), null, null, null,
                    null, null);
        }
        return new FinalizeOptions(furs, fina, text(body, "business_unit"));
    }

    private byte[] eslog(Document d) {
        Entity entity = entities.require(d.entityId());
        EslogContext.requireAvailable(entity);
        EslogContext context = EslogContext.forEntity(entity);
        List<Violation> errors = EslogValidator.checkWithoutSchema(d, context);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new EslogSerializer().toBytes(d, context);
    }

    private static RenderOptions renderOptions(Call c, boolean complete) {
        RenderOptions.Builder b = RenderOptions.builder().mode(complete ? RenderMode.COMPLETE : RenderMode.PARTIAL);
        ViolationCollector problems = new ViolationCollector();
        String template = c.query("template");
        if (template != null) {
            try {
                b.template(Template.of(template));
            } catch (ValidationException e) {
                e.violations().forEach(problems::add);
            }
        }
        String locale = c.query("locale");
        if (locale != null) {
            try {
                b.locale(locale);
            } catch (ValidationException e) {
                e.violations().forEach(v -> problems.add("locale", v.code(), v.message()));
            }
        }
        String language = c.query("language");
        if (language != null) {
            try {
                b.language(Language.of(language));
            } catch (RuntimeException e) {
                problems.add("language", "invalid_value", "unknown language " + Violation.quote(language));
            }
        }
        problems.throwIfAny();
        return b.build();
    }

    // ---- lists ----------------------------------------------------------------------------------------------

    private DocumentQuery listQuery(Call c) {
        ViolationCollector problems = new ViolationCollector();
        DocumentQuery.Builder q = DocumentQuery.builder();
        String query = c.query("query");
        List<String> order = c.queryAll("order_by");
        List<String> columns = new ArrayList<>();
        for (String o : order) {
            for (String part : o.split(",")) {
                if (!part.isBlank()) {
                    columns.add(part.trim());
                }
            }
        }
        try {
            if (query != null) {
                q.query(query);
            }
            if (columns.size() == 1) {
                q.orderBy(columns.get(0));
            } else if (!columns.isEmpty()) {
                q.orderBy(columns);
            }
            q.nextCursor(c.query("next_cursor"));
            q.prevCursor(c.query("prev_cursor"));
        } catch (ValidationException e) {
            e.violations().forEach(problems::add);
        }
        Integer limit = integer(c, "limit", 1, limits.maxPageSize(), problems);
        q.limit(limit);
        q.search(c.query("search"));
        Boolean deleted = flag(c, "deleted", problems);
        q.deleted(Boolean.TRUE.equals(deleted));
        Boolean total = flag(c, "include_total_count", problems);
        if (total != null) {
            q.includeTotalCount(total);
        }
        List<String> include = includeList(c, problems);
        if (!include.isEmpty()) {
            try {
                q.include(include);
            } catch (ValidationException e) {
                e.violations().forEach(problems::add);
            }
        }
        problems.throwIfAny();
        try {
            return q.build();
        } catch (ValidationException e) {
            throw e;
        }
    }

    private static void include(Call c) {
        ViolationCollector problems = new ViolationCollector();
        for (String name : includeList(c, problems)) {
            if (eu.invoicing.core.query.Include.ofWireName(name).isEmpty()) {
                problems.add("include", "invalid_value", "unknown relation " + Violation.quote(name));
            }
        }
        problems.throwIfAny();
    }

    private static List<String> includeList(Call c, ViolationCollector problems) {
        List<String> out = new ArrayList<>();
        for (String v : c.queryAll("include")) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static Integer integer(Call c, String name, int min, int max, ViolationCollector problems) {
        String v = c.query(name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                problems.add(name, "out_of_range", "must be " + min + "-" + max + ", was " + n);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(name, "invalid_type", "must be an integer, was " + Violation.quote(v));
            return null;
        }
    }

    /**
     * The entity a preview renders with: the reference's "Override UPN QR enabled setting for preview",
     * "Override UPN QR display mode for preview" and "Override EPC QR enabled setting for preview"
     * replace the entity's settings for this rendering only; nothing is stored.
     */
    private static Entity previewEntity(Call c) {
        Entity entity = c.docs().entity();
        ViolationCollector problems = new ViolationCollector();
        Boolean upn = flag(c, "upn_qr_enabled", problems);
        Boolean epc = flag(c, "epc_qr_enabled", problems);
        String modeText = c.query("upn_qr_display_mode");
        EntitySettings.UpnDisplayMode mode = null;
        if (modeText != null) {
            mode = WireValues.parse(EntitySettings.UpnDisplayMode.class, modeText).orElse(null);
            if (mode == null) {
                problems.add("upn_qr_display_mode", "invalid_value", "must be one of "
                        + WireValues.allowed(EntitySettings.UpnDisplayMode.class) + ", was "
                                + Violation.quote(modeText));
            }
        }
        problems.throwIfAny();
        if (upn == null && epc == null && mode == null) {
            return entity;
        }
        EntitySettings settings = entity.settings();
        EntitySettings.UpnQr current = settings.upnQr();
        EntitySettings.UpnQr upnQr = new EntitySettings.UpnQr(upn != null ? upn : current.enabled(),
                mode != null ? mode : current.displayMode(), current.purposeCode());
        EntitySettings.EpcQr epcQr = epc != null ? new EntitySettings.EpcQr(epc) : settings.epcQr();
        return entity.withSettings(settings.toBuilder().upnQr(upnQr).epcQr(epcQr).build());
    }

    private static Boolean flag(Call c, String name, ViolationCollector problems) {
        String v = c.query(name);
        if (v == null) {
            return null;
        }
        if (v.equals("true") || v.equals("1")) {
            return true;
        }
        if (v.equals("false") || v.equals("0")) {
            return false;
        }
        problems.add(name, "invalid_value", "must be true or false, was " + Violation.quote(v));
        return null;
    }

    // ---- exports --------------------------------------------------------------------------------------------

    private ExportLanguage exportLanguage(Call c, ViolationCollector problems) {
        String language = c.query("language");
        if (language == null) {
            // The reference: "Defaults to the entity locale when omitted."
            return ExportLanguage.forEntity(c.docs().entity());
        }
        Optional<ExportLanguage> l = ExportLanguage.fromCode(language);
        if (l.isEmpty()) {
            problems.add("language", "invalid_value", "unknown language " + Violation.quote(language));
            return null;
        }
        return l.get();
    }

    private static LocalDate date(Call c, String name, ViolationCollector problems) {
        String v = c.query(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            problems.add(name, "invalid_date", "must be an ISO date (YYYY-MM-DD), was " + Violation.quote(v));
            return null;
        }
    }

    private static <T> T collect(ViolationCollector problems, java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (ValidationException e) {
            e.violations().forEach(problems::add);
            return null;
        }
    }

    private void listExport(Call c) throws IOException {
        ViolationCollector problems = new ViolationCollector();
        String typeText = c.query("type");
        DocumentType type = null;
        if (typeText == null) {
            problems.add("type", "required", "is required");
        } else {
            type = WireValues.parse(DocumentType.class, typeText).orElse(null);
            if (type == null) {
                problems.add("type", "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class)
                        + ", was " + Violation.quote(typeText));
            }
        }
        String formatText = c.query("format");
        ExportFormat format = formatText == null ? null : collect(problems, () -> ExportFormat.parse(formatText));
        if (formatText == null) {
            problems.add("format", "required", "is required");
        }
        ExportLanguage language = exportLanguage(c, problems);
        LocalDate from = date(c, "date_from", problems);
        LocalDate to = date(c, "date_to", problems);
        ExportPeriod period = collect(problems, () -> ExportPeriod.optional(from, to));
        DocumentType kind = type;
        DocumentListExport.Builder builder = kind == null || format == null ? null
                : collect(problems, () -> DocumentListExport.builder(kind, format).query(c.query("query")));
        problems.throwIfAny();
        DocumentListExport request = builder.language(language).period(period).search(c.query("search"))
                .entityId(c.docs().entity().id()).build();
        String entityId = c.docs().entity().id();
        StoreDocuments source = StoreDocuments.of(store);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocumentListExporter.create(clock).export(request, () -> source.stream(entityId, kind, DocumentQuery.all()),
                out);
        c.bytes(200, format.contentType(), out.toByteArray(), WireValues.of(kind) + "s." + format.wireValue());
    }

    private void salesExport(Call c) throws IOException {
        ViolationCollector problems = new ViolationCollector();
        String formatText = c.query("format");
        ExportFormat format = formatText == null ? null : collect(problems, () -> ExportFormat.parse(formatText));
        if (formatText == null) {
            problems.add("format", "required", "is required");
        }
        ExportLanguage language = exportLanguage(c, problems);
        LocalDate from = date(c, "date_from", problems);
        LocalDate to = date(c, "date_to", problems);
        ExportPeriod period = collect(problems, () -> ExportPeriod.of(from, to));
        problems.throwIfAny();
        String entityId = c.docs().entity().id();
        StoreDocuments source = StoreDocuments.of(store);
        Stream<Document> docs = Stream.of(DocumentType.INVOICE, DocumentType.CREDIT_NOTE, DocumentType.ADVANCE_INVOICE)
                .flatMap(t -> source.stream(entityId, t, DocumentQuery.all()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SalesPerItemExporter.create(clock).export(new SalesPerItemExport(period, format, language, false), docs, out);
        c.bytes(200, format.contentType(), out.toByteArray(), "sales-per-item." + format.wireValue());
    }

    private void startExport(Call c, ExportJobKind kind) {
        ObjectNode body = c.bodyObject(false);
        onlyKnown(body, Set.of("document_ids", "types", "date_from", "date_to", "locale", "language"));
        ViolationCollector problems = new ViolationCollector();
        List<String> ids = strings(body, "document_ids", problems);
        List<String> types = strings(body, "types", problems);
        LocalDate from = bodyDate(body, "date_from", problems);
        LocalDate to = bodyDate(body, "date_to", problems);
        problems.throwIfAny();
        BulkExportRequest request = BulkExportRequest.parse(ids, types, from, to, text(body, "locale"),
                text(body, "language"));
        Entity entity = c.docs().entity();
        ExportJob job;
        if (kind == ExportJobKind.PDF) {
            job = bulk.startPdf(entity, request, pdf);
        } else {
            EslogContext context = EslogContext.forEntity(entity);
            EslogSerializer serializer = new EslogSerializer();
            job = bulk.startEslog(entity, request, document -> {
                List<Violation> errors = EslogValidator.checkWithoutSchema(document, context);
                if (!errors.isEmpty()) {
                    return EntryOutcome.skip("e-SLOG invalid: " + errors.stream()
                            .map(v -> v.path().isEmpty() ? v.message() : v.path() + ": " + v.message())
                            .collect(Collectors.joining("; ")));
                }
                return EntryOutcome.file(serializer.toBytes(document, context));
            });
        }
        archives.started(job, entity.id());
        // A job that finished before this line was reached is re-read, so that the answer shows it done.
        c.json(202, jobJson(bulk.jobs().find(job.id()).orElse(job)));
    }

    private ExportJob job(Call c, ExportJobKind kind) {
        String id = c.path("jobId");
        if (!archives.entityOf(id).filter(c.docs().entity().id()::equals).isPresent()) {
            throw new NotFoundException("no such export job");
        }
        ExportJob job = bulk.jobs().find(id).orElseThrow(() -> new NotFoundException("no such export job"));
        if (job.kind() != kind) {
            throw new NotFoundException("no such export job");
        }
        return job;
    }

    private void download(Call c, ExportJobKind kind) throws IOException {
        ExportJob job = job(c, kind);
        if (job.status() != eu.invoicing.export.job.ExportJobStatus.COMPLETED) {
            throw new HttpFailure(409, "document_state_error", "the export job is " + job.status().wireValue()
                    + ", not completed", List.of(Violation.of("", "job_not_completed", "the export job is "
                    + job.status().wireValue())));
        }
        Optional<InputStream> in = bulk.jobs().download(job.id());
        if (in.isEmpty()) {
            throw new NotFoundException("the export archive is gone");
        }
        try (InputStream s = in.get()) {
            c.bytes(200, "application/zip", s.readAllBytes(), job.fileName());
        }
    }

    private static JsonNode jobJson(ExportJob job) {
        ObjectNode node = (ObjectNode) InvoicingJson.parse(ExportJobJson.write(job));
        if (job.fileUrl() != null) {
            // The archive is downloaded through the API (the blob store's own location is not the client's).
            node.put("file_url", "/documents/export/" + (job.kind() == ExportJobKind.PDF ? "pdf" : "eslog") + "/"
                    + job.id() + "/download");
        }
        return node;
    }

    // ---- export tracking ------------------------------------------------------------------------------------

    private void notExported(Call c) {
        ViolationCollector problems = new ViolationCollector();
        String system = c.query("system_id");
        if (system == null || system.isBlank()) {
            problems.add("system_id", "required", "is required");
        }
        Instant since = null;
        String sinceText = c.query("not_exported_since");
        if (sinceText != null) {
            try {
                since = Instant.parse(sinceText);
            } catch (DateTimeParseException e) {
                problems.add("not_exported_since", "invalid_value", "must be a UTC date-time, was "
                        + Violation.quote(sinceText));
            }
        }
        Integer nonBooked = integer(c, "include_non_booked", 0, 1, problems);
        String filterText = c.query("query") != null ? c.query("query") : c.query("filter_groups");
        eu.invoicing.core.query.Condition filter = filterText == null ? null
                : collect(problems, () -> QueryParser.parse(filterText));
        problems.throwIfAny();
        c.json(200, ResponseJson.notExported(c.docs().notExported(DocumentType.INVOICE, new NotExportedRequest(system,
                since, nonBooked != null && nonBooked == 1, filter))));
    }

    private void markExported(Call c) {
        ObjectNode body = c.bodyObject(false);
        String field = body.has("invoices") ? "invoices" : "documents";
        onlyKnown(body, Set.of("invoices", "documents"));
        JsonNode entries = body.get(field);
        if (entries == null || !entries.isArray()) {
            throw ValidationException.of(field, entries == null || entries.isNull() ? "required" : "invalid_type",
                    "an array of {invoice_id, system_id, note} is required");
        }
        ViolationCollector problems = new ViolationCollector();
        List<ExportMark> marks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode e = entries.get(i);
            if (!e.isObject()) {
                problems.add(at, "invalid_type", "must be an object {invoice_id, system_id, note}");
                continue;
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!Set.of("document_id", "invoice_id", "system_id", "note").contains(k)) {
                    problems.add(at + "." + k, "unknown_field", "unknown field");
                }
            }
            String idField = e.has("invoice_id") ? "invoice_id" : "document_id";
            String id = text(e, idField);
            if (id == null) {
                problems.add(at + ".invoice_id", "required", "is required");
                continue;
            }
            try {
                marks.add(new ExportMark(DocumentId.parse(id, at + "." + idField), text(e, "system_id"),
                        text(e, "note")));
            } catch (ValidationException x) {
                x.violations().forEach(problems::add);
            }
        }
        problems.throwIfAny();
        c.json(200, ResponseJson.marked(c.docs().markExported(marks)));
    }

    // ---- keys -----------------------------------------------------------------------------------------------

    private void issueKey(Call c) {
        ObjectNode body = c.bodyObject(true);
        onlyKnown(body, Set.of("entity_ids"));
        ViolationCollector problems = new ViolationCollector();
        List<String> ids = strings(body, "entity_ids", problems);
        problems.throwIfAny();
        if (ids == null || ids.isEmpty()) {
            ids = c.key().entityIds();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!c.key().entityIds().contains(ids.get(i))) {
                // Another key's entity is as unknown as an entity that does not exist.
                problems.add("entity_ids[" + i + "]", "not_found", "no such entity");
            }
        }
        problems.throwIfAny();
        ApiKeys.IssuedKey issued = keys.issue(ids);
        ObjectNode out = keyJson(issued.key());
        out.put("key", issued.secret());
        c.json(201, out);
    }

    private static ObjectNode keyJson(ApiKeys.ApiKey k) {
        ObjectNode out = NODES.objectNode();
        out.put("id", k.id());
        ArrayNode ids = out.putArray("entity_ids");
        k.entityIds().forEach(ids::add);
        out.put("created_at", ResponseJson.instant(k.createdAt()));
        out.put("revoked_at", k.revokedAt() == null ? null : ResponseJson.instant(k.revokedAt()));
        return out;
    }

    // ---- small readers --------------------------------------------------------------------------------------

    /**
     * The document id of the path. A malformed id is a validation error; an id of another kind than the route's
     * is not found (as a document of another entity is).
     */
    private static DocumentId id(Call c, DocumentType expected) {
        String raw = c.path("id");
        DocumentId id = DocumentId.parse(raw, "id");
        String type = c.query("type");
        if (type != null) {
            DocumentType given = WireValues.parse(DocumentType.class, type).orElseThrow(() -> ValidationException.of(
                    "type", "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class) + ", was "
                            + Violation.quote(type)));
            if (given != id.type()) {
                throw new NotFoundException("no " + type + " with this id");
            }
        }
        if (expected != null && id.type() != expected) {
            throw new NotFoundException("no " + WireValues.of(expected) + " with this id");
        }
        return id;
    }

    private static DocumentType requiredType(Call c) {
        String type = c.query("type");
        if (type == null) {
            throw ValidationException.of("type", "required", "is required");
        }
        return WireValues.parse(DocumentType.class, type).orElseThrow(() -> ValidationException.of("type",
                "invalid_value", "must be one of " + WireValues.allowed(DocumentType.class) + ", was "
                        + Violation.quote(type)));
    }

    private static int version(Call c) {
        String v = c.path("version");
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ValidationException.of("version", "invalid_value", "must be an integer >= 1, was " + Violation.quote(v));
    }

    private static void onlyKnown(ObjectNode body, Set<String> known) {
        onlyKnown(body, "", known);
    }

    private static void onlyKnown(ObjectNode body, String at, Set<String> known) {
        ViolationCollector problems = new ViolationCollector();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                problems.add(at.isEmpty() ? k : at + "." + k, "unknown_field", "unknown field");
            }
        }
        problems.throwIfAny();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ValidationException.of(field, "invalid_type", "must be a string");
        }
        return v.textValue();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ValidationException.of(field, "invalid_type", "must be true or false");
        }
        return v.booleanValue();
    }

    private static List<String> strings(JsonNode node, String field, ViolationCollector problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            problems.add(field, "invalid_type", "must be an array of strings");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                problems.add(field + "[" + i + "]", "invalid_type", "must be a string");
            } else {
                out.add(v.get(i).textValue());
            }
        }
        return out;
    }

    private static LocalDate bodyDate(JsonNode node, String field, ViolationCollector problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            problems.add(field, "invalid_type", "must be an ISO date string");
            return null;
        }
        String s = v.textValue();
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            problems.add(field, "invalid_date", "must be an ISO date (YYYY-MM-DD), was " + Violation.quote(s));
            return null;
        }
    }

    /** @return the distinct paths of the routes with their methods, for tests */
    Set<String> keys() {
        Set<String> out = new HashSet<>();
        endpoints.forEach(e -> out.add(e.route().key()));
        return out;
    }
}
