package eu.invoicing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.testing.SharedFiles;
import eu.invoicing.server.testing.ApiClient;
import eu.invoicing.server.testing.JsonDiff;
import eu.invoicing.core.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference's examples over real HTTP, field by field: for each endpoint of the reference documents that shows
 * an example response, the example request (parsed from the document, never copied) is sent to a server on a
 * loopback port and the answer is compared with the example response by {@link JsonDiff}, ids, timestamps and
 * generated numbers aside ({@link #VOLATILE}). The issuer of each document's examples is the entity the requests
 * are made on, built from the example itself; the server's clock is set to the example's date.
 */
class ReferenceContractTest {
    /** What the reference's examples show but a server cannot reproduce: generated ids, times, numbers, tokens. */
    static final Set<String> VOLATILE = Set.of("id", "entity_id", "number", "created_at", "updated_at",
            "estimate_id", "advance_invoice_id", "credit_note_id", "invoice_id", "tax_id", "customer_id",
            "shareable_id", "document_id");
    /**
     * Fields the server writes where an example omits them (docs/server.md, "Deviations from the reference
     * examples"): each is named in the reference's own "Returns" lists (total_discount, calculation_mode,
     * creation_source, date_due, transaction_type) or is the per-line tax breakdown (name, base, amount).
     * Where an example does show one of them, it is compared.
     */
    static final Set<String> ADDITIONS = Set.of("total_discount", "calculation_mode", "creation_source",
            "date_due", "transaction_type", "name", "base", "amount", "reverse_charge");
    /**
     * Where the reference's text and its example disagree and the server follows the text: "defaults to 30 days
     * from creation" (the examples show one calendar month).
     */
    static final Set<String> TEXT_OVER_EXAMPLE = Set.of("date_valid_till", "date_due");
    private static final Pattern ENDPOINT = Pattern.compile("(?m)^(?:Endpoint: )?(GET|POST|PATCH|DELETE) ?(/\\S+)$");
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private static final Map<String, Entity> ENTITIES = new LinkedHashMap<>();
    private static InvoicingServer server;
    private static String key;

    /** One endpoint's part of a reference document: its request body and response example, when it shows them. */
    record Section(String method, String path, JsonNode request, JsonNode response) {
    }

    @BeforeAll
    static void start() {
        InvoicingServer.Builder b = InvoicingServer.builder().clock(CLOCK);
        int n = 0;
        for (String slug : List.of("estimates", "advance-invoices", "credit-notes")) {
            JsonNode issuer = section(slug, "POST", "/" + slug).response().get("issuer");
            ObjectNode e = ((ObjectNode) issuer.deepCopy());
            e.put("id", String.format("ent_%024x", ++n));
            e.put("currency_code", section(slug, "POST", "/" + slug).response().get("currency_code").asText());
            Entity entity = InvoicingJson.readEntity(e);
            ENTITIES.put(slug, entity);
            b.entity(entity);
        }
        Entity eur = InvoicingJson.readEntity(String.format("{\"id\":\"ent_%024x\",\"name\":\"Euro Entity\","
                + "\"country_code\":\"SI\",\"currency_code\":\"EUR\"}", ++n));
        ENTITIES.put("calculate", eur);
        b.entity(eur);
        // The export job status example's archive is "acme_documents_2024-06-01_2024-06-30.zip".
        Entity acme = InvoicingJson.readEntity(String.format("{\"id\":\"ent_%024x\",\"name\":\"Acme\","
                + "\"country_code\":\"SI\",\"currency_code\":\"EUR\"}", ++n));
        ENTITIES.put("exports", acme);
        b.entity(acme);
        server = b.build().start();
        key = server.keys().issue(ENTITIES.values().stream().map(Entity::id).toList()).secret();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    // ---- reading the reference ---------------------------------------------------------------------------

    static List<Section> sections(String file) {
        String text = SharedFiles.read("reference/" + file + "-api.txt");
        Matcher m = ENDPOINT.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (m.find()) {
            if (!heads.isEmpty() && heads.get(heads.size() - 1)[0].equals(m.group(1))
                    && heads.get(heads.size() - 1)[1].equals(m.group(2)) && m.start() - starts.get(starts.size() - 1)[0]
                    < 40) {
                continue; // the credit notes document repeats some endpoint lines
            }
            starts.add(new int[] {m.start()});
            heads.add(new String[] {m.group(1), m.group(2)});
        }
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i)[0];
            int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            String part = text.substring(from, to);
            int d = part.indexOf("-d '");
            JsonNode request = d < 0 ? null : InvoicingJson.parse(firstJson(part, d + 4));
            int j = part.indexOf("\njson\n");
            JsonNode response = j < 0 ? null : InvoicingJson.parse(part.substring(j + 6, jsonEnd(part, j + 6)));
            out.add(new Section(heads.get(i)[0], heads.get(i)[1], request, response));
        }
        return out;
    }

    static Section section(String file, String method, String path) {
        return sections(file).stream().filter(s -> s.method().equals(method) && s.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(file + ": no " + method + " " + path));
    }

    private static String firstJson(String text, int from) {
        int start = text.indexOf('{', from);
        return text.substring(start, jsonEnd(text, start));
    }

    /** The end of the JSON value starting at {@code from} (an object, or a bare literal such as null). */
    private static int jsonEnd(String text, int from) {
        int start = from;
        while (Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (text.charAt(start) != '{' && text.charAt(start) != '[') {
            int end = text.indexOf('\n', start);
            return end < 0 ? text.length() : end;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{' || ch == '[') {
                depth++;
            } else if ((ch == '}' || ch == ']') && --depth == 0) {
                return i + 1;
            }
        }
        throw new AssertionError("unterminated JSON at " + from);
    }

    // ---- HTTP --------------------------------------------------------------------------------------------

    static HttpResponse<String> send(String slug, String method, String path, JsonNode body) throws Exception {
        return ApiClient.send(server.port(), method, path, key, body == null ? null : body.toString(), "entity_id",
                ENTITIES.get(slug).id());
    }

    static JsonNode ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return InvoicingJson.parse(r.body());
    }

    /** Sets the server's clock to the example's date, so that dates defaulted from "today" are the example's. */
    static void at(JsonNode example) {
        CLOCK.set(Instant.parse(example.path("date").asText("2026-01-01T00:00:00.000Z")));
    }

    static void assertSame(String what, JsonNode expected, JsonNode actual, Set<String> alsoIgnored) {
        expected = taxTotalAsAmount(expected);
        Set<String> ignored = new java.util.HashSet<>(VOLATILE);
        ignored.addAll(alsoIgnored);
        List<String> diff = JsonDiff.diff(expected, actual, ignored, ADDITIONS);
        assertThat(diff).as("%s differs from the reference example:%n%s%nactual: %s", what,
                String.join("\n", diff), actual).isEmpty();
    }

    /**
     * A document example turned into the create request that gives it: the fields a client sends (the
     * server computes the rest), for endpoints whose example shows a document already there.
     */
    static ObjectNode requestFor(JsonNode doc) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String f : List.of("date", "currency_code", "issuer", "customer", "note", "metadata", "payment_terms",
                "tax_clause", "date_valid_till", "date_due", "date_service", "date_service_to")) {
            if (doc.has(f) && !doc.get(f).isNull()) {
                out.set(f, doc.get(f));
            }
        }
        ArrayNode items = out.putArray("items");
        for (JsonNode i : doc.get("items")) {
            ObjectNode item = items.addObject();
            for (String f : List.of("name", "description", "quantity", "price", "gross_price", "unit", "metadata",
                    "discounts")) {
                if (i.has(f) && !i.get(f).isNull()) {
                    item.set(f, i.get(f));
                }
            }
            ArrayNode taxes = item.putArray("taxes");
            i.path("taxes").forEach(t -> taxes.addObject().set("rate", t.get("rate")));
        }
        return out;
    }

    // ---- the endpoints -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"estimates", "advance-invoices", "credit-notes"})
    void create_exampleRequest_givesTheExampleResponse(String slug) throws Exception {
        Section s = section(slug, "POST", "/" + slug);
        at(s.response());
        JsonNode got = ok(send(slug, "POST", "/" + slug, s.request()), 201);
        assertSame("POST /" + slug, s.response(), got, TEXT_OVER_EXAMPLE);
        assertThat(java.time.Duration.between(Instant.parse(got.get("date").asText()), Instant.parse(
                got.get(slug.equals("estimates") ? "date_valid_till" : "date_due").asText())).toDays()).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"estimates", "advance-invoices", "credit-notes"})
    void get_ofTheExampleDocument_givesTheExampleResponse(String slug) throws Exception {
        Section s = section(slug, "GET", "/" + slug + "/{id}");
        at(s.response());
        String id = ok(send(slug, "POST", "/" + slug, requestFor(s.response())), 201).get("id").asText();
        JsonNode got = ok(send(slug, "GET", "/" + slug + "/" + id, null), 200);
        assertSame("GET /" + slug + "/{id}", s.response(), got, Set.of());
    }

    /**
     * Some credit note examples write a tax summary entry as {@code {"rate": 22, "total": 858}}, the others (and
     * the custom create request) as {@code {"rate", "base", "amount"}}; the server writes the second shape
     * everywhere, its {@code amount} being the first shape's {@code total} (docs/server.md).
     */
    static JsonNode taxTotalAsAmount(JsonNode example) {
        JsonNode out = example.deepCopy();
        List<JsonNode> docs = new ArrayList<>();
        docs.add(out);
        out.path("data").forEach(docs::add);
        for (JsonNode d : docs) {
            for (JsonNode t : d.path("taxes")) {
                if (t.isObject() && t.has("total") && !t.has("amount")) {
                    ((ObjectNode) t).set("amount", ((ObjectNode) t).remove("total"));
                }
            }
        }
        return out;
    }

    /** An object with another's fields laid over it: what a PATCH of {@code patch} on {@code base} gives. */
    static JsonNode overlay(JsonNode base, JsonNode patch) {
        ObjectNode out = base.deepCopy();
        patch.fields().forEachRemaining(f -> out.set(f.getKey(), f.getValue()));
        return out;
    }

    private String seed(String slug, JsonNode example) throws Exception {
        at(example);
        return ok(send(slug, "POST", "/" + slug, requestFor(example)), 201).get("id").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"estimates", "advance-invoices", "credit-notes"})
    void patch_exampleRequest_onTheExampleDocument_givesTheExampleWithTheChange(String slug) throws Exception {
        Section s = section(slug, "PATCH", "/" + slug + "/{id}");
        String id = seed(slug, s.response());
        JsonNode got = ok(send(slug, "PATCH", "/" + slug + "/" + id, s.request()), 200);
        ObjectNode change = s.request().deepCopy();
        change.remove("change_reason");
        assertSame("PATCH /" + slug + "/{id}", overlay(s.response(), change), got, Set.of());
        JsonNode version = ok(send(slug, "GET", "/" + slug + "/" + id + "/versions/1", null), 200);
        assertThat(version.get("reason").asText()).isEqualTo(s.request().get("change_reason").asText());
        assertThat(JsonDiff.names(version)).containsAll(JsonDiff.names(
                section(slug, "GET", "/" + slug + "/{id}/versions/{version}").response()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"estimates", "advance-invoices", "credit-notes"})
    void list_ofTheExampleDocument_givesTheExamplePage(String slug) throws Exception {
        Section s = section(slug, "GET", "/" + slug);
        JsonNode doc = s.response().get("data").get(0);
        String id = seed(slug, doc);
        JsonNode got = ok(send(slug, "GET", "/" + slug + "?limit=1&query=" + java.net.URLEncoder.encode(
                "{\"id\":\"" + id + "\"}", java.nio.charset.StandardCharsets.UTF_8), null), 200);
        assertSame("GET /" + slug, s.response(), got, Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"estimates", "advance-invoices", "credit-notes"})
    void shareAndShareable_exampleShapes(String slug) throws Exception {
        Section view = section(slug, "GET", "/" + slug + "/shareable/{shareableId}");
        String id = seed(slug, view.response());
        JsonNode token = ok(send(slug, "POST", "/documents/" + id + "/share", null), 200);
        assertThat(JsonDiff.names(token)).isEqualTo(JsonDiff.names(section(slug, "POST", "/documents/{id}/share")
                .response()));
        assertThat(ok(send(slug, "GET", "/documents/" + id + "/share", null), 200)).isEqualTo(token);
        JsonNode got = ok(send(slug, "GET", "/" + slug + "/shareable/" + token.get("shareable_id").asText(), null),
                200);
        assertSame("GET /" + slug + "/shareable/{shareableId}", view.response(), got, Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"estimates", "advance-invoices", "credit-notes"})
    void nextNumber_exampleShape(String slug) throws Exception {
        JsonNode example = section(slug, "GET", "/documents/next-number").response();
        JsonNode got = ok(send(slug, "GET", "/documents/next-number?type=estimate", null), 200);
        assertSame("GET /documents/next-number", example, got, Set.of("fina", "pt"));
        assertThat(got.get("number").asText()).matches("\\d{4}-\\d{5}");
    }

    @Test
    void creditNoteCustom_exampleRequest_keepsTheGivenTotals() throws Exception {
        Section s = section("credit-notes", "POST", "/credit-notes/custom");
        at(s.response());
        JsonNode got = ok(send("credit-notes", "POST", "/credit-notes/custom", s.request()), 201);
        // The example response repeats the object example (850 without tax); the request's own totals are what a
        // custom create keeps, so they are laid over it.
        JsonNode expected = overlay(s.response(), JsonNodeFactory.instance.objectNode()
                .put("total", s.request().get("total").decimalValue())
                .put("total_with_tax", s.request().get("total_with_tax").decimalValue())
                .set("taxes", s.request().get("taxes")));
        assertSame("POST /credit-notes/custom", expected, got, Set.of("items", "total_due", "reverse_charge"));
    }

    @Test
    void creditNoteVoid_exampleRequest() throws Exception {
        Section s = section("credit-notes", "POST", "/credit-notes/{id}/void");
        JsonNode example = section("credit-notes", "GET", "/credit-notes/{id}").response();
        String id = seed("credit-notes", example);
        JsonNode got = ok(send("credit-notes", "POST", "/credit-notes/" + id + "/void", s.request()), 200);
        assertThat(got.get("voided_at").isNull()).isFalse();
        assertThat(got.get("void_reason").asText()).isEqualTo(s.request().get("reason").asText());
        assertSame("POST /credit-notes/{id}/void", example, got, Set.of("voided_at", "void_reason"));
    }

    @Test
    void calculate_exampleRequest_givesTheExampleResponse() throws Exception {
        Section s = section("credit-notes", "POST", "/documents/calculate");
        // The example's currency is EUR, not that of the credit notes' issuer (USD): it is made on an EUR entity.
        JsonNode got = ok(send("calculate", "POST", "/documents/calculate?type=invoice", s.request()), 200);
        assertSame("POST /documents/calculate", s.response(), got, Set.of());
    }

    // ---- versions ----------------------------------------------------------------------------------------

    /**
     * Makes the document of a version example and updates it as the example's history says: first the items
     * (their descriptions, so that no amount moves) with the reason of version 1, then, when {@code secondReason}
     * is not null, the note with that reason (version 2).
     *
     * @return the document's id
     */
    private String history(String slug, JsonNode snapshot, String firstReason, String secondReason) throws Exception {
        String id = seed(slug, snapshot);
        ObjectNode first = JsonNodeFactory.instance.objectNode();
        first.set("items", revisedItems(snapshot));
        first.put("change_reason", firstReason);
        ok(send(slug, "PATCH", "/" + slug + "/" + id, first), 200);
        if (secondReason != null) {
            ObjectNode second = JsonNodeFactory.instance.objectNode();
            second.put("note", "Revised");
            second.put("change_reason", secondReason);
            ok(send(slug, "PATCH", "/" + slug + "/" + id, second), 200);
        }
        return id;
    }

    /** The example document's items as an update sends them, each with the description "Revised". */
    private static ArrayNode revisedItems(JsonNode doc) {
        ArrayNode items = (ArrayNode) requestFor(doc).get("items");
        items.forEach(i -> ((ObjectNode) i).put("description", "Revised"));
        return items;
    }

    /**
     * A version example as this server answers it: its {@code user} is null, since the server acts through API
     * keys and has no users (docs/server.md, "Deviations from the reference examples").
     */
    private static JsonNode withoutUser(JsonNode version) {
        ObjectNode out = version.deepCopy();
        out.putNull("user");
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"estimates", "advance-invoices", "credit-notes"})
    void version_ofTheExampleHistory_givesTheExampleVersion(String slug) throws Exception {
        JsonNode example = section(slug, "GET", "/" + slug + "/{id}/versions/{version}").response();
        String id = history(slug, example.get("snapshot"), example.get("reason").asText(), null);
        JsonNode got = ok(send(slug, "GET", "/" + slug + "/" + id + "/versions/" + example.get("version").asInt(),
                null), 200);
        assertThat(got.get("user").isNull()).as(got.toString()).isTrue();
        assertThat(got.get("document_id").asText()).isEqualTo(id);
        assertSame("GET /" + slug + "/{id}/versions/{version}", withoutUser(example), got, Set.of());
    }

    /**
     * The list example's newest version shows as its snapshot the document before any update, although the
     * older version changed the items; the snapshot of a version is the state before its update, so the test
     * expects the older version's item change in the newer version's snapshot (docs/server.md).
     */
    @ParameterizedTest
    @ValueSource(strings = {"estimates", "advance-invoices", "credit-notes"})
    void versions_ofTheExampleHistory_giveTheExampleList(String slug) throws Exception {
        JsonNode example = section(slug, "GET", "/" + slug + "/{id}/versions").response();
        JsonNode newest = example.get("versions").get(0);
        JsonNode oldest = example.get("versions").get(1);
        String id = history(slug, oldest.get("snapshot"), oldest.get("reason").asText(),
                newest.get("reason").asText());
        JsonNode got = ok(send(slug, "GET", "/" + slug + "/" + id + "/versions", null), 200);
        ObjectNode expected = example.deepCopy();
        ArrayNode versions = expected.putArray("versions");
        ObjectNode afterFirst = (ObjectNode) withoutUser(newest);
        ArrayNode items = (ArrayNode) afterFirst.get("snapshot").get("items");
        items.forEach(i -> ((ObjectNode) i).put("description", "Revised"));
        versions.add(afterFirst);
        versions.add(withoutUser(oldest));
        assertSame("GET /" + slug + "/{id}/versions", expected, got, Set.of());
    }

    // ---- export jobs -------------------------------------------------------------------------------------

    /**
     * The export job status example ({@code processing}, 25 documents, the archive of June 2024 of "Acme") from
     * the create request's example with the example archive's period: 25 invoices of June 2024 are exported as
     * PDFs. Status and progress move while the job runs: the start and every poll answer is compared with the
     * example with them aside (and with {@code file_url} aside once completed), the last one also with the
     * completed state ({@code completed}, 100, the download path). {@code result} is named in the reference's
     * "Returns" list but absent from the example: an addition.
     */
    @Test
    void pdfExportJob_exampleRequest_givesTheExampleStatus() throws Exception {
        JsonNode example = section("exports", "GET", "/documents/export/pdf/{jobId}").response();
        for (int i = 1; i <= example.get("total_docs").asInt(); i++) {
            ok(send("exports", "POST", "/invoices", InvoicingJson.parse(String.format("{\"date\":"
                    + "\"2024-06-%02dT00:00:00.000Z\",\"items\":[{\"name\":\"Service\",\"quantity\":1,"
                    + "\"price\":100,\"taxes\":[{\"rate\":22}]}]}", i))), 201);
        }
        ObjectNode request = section("exports", "POST", "/documents/export/pdf").request().deepCopy();
        request.put("date_from", "2024-06-01").put("date_to", "2024-06-30");
        JsonNode status = ok(send("exports", "POST", "/documents/export/pdf", request), 202);
        String job = status.get("id").asText();
        Set<String> moving = Set.of("status", "progress", "file_url", "result");
        for (int i = 0; i < 600 && !"completed".equals(status.get("status").asText()); i++) {
            assertThat(status.get("status").asText()).isIn("queued", "processing");
            assertSame("GET /documents/export/pdf/{jobId}", example, status, moving);
            assertThat(status.get("file_url").isNull()).isTrue();
            Thread.sleep(100);
            status = ok(send("exports", "GET", "/documents/export/pdf/" + job, null), 200);
        }
        ObjectNode completed = example.deepCopy();
        completed.put("status", "completed").put("progress", 100)
                .put("file_url", "/documents/export/pdf/" + job + "/download");
        assertSame("GET /documents/export/pdf/{jobId}", completed, status, Set.of("result"));
        assertThat(status.get("result").get("exported").asInt()).isEqualTo(example.get("total_docs").asInt());
        assertThat(status.get("result").get("skipped").asInt()).isZero();
    }
}
