package eu.invoicing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.testing.SharedFiles;
import eu.invoicing.server.testing.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference API over real HTTP: one server on a random loopback port for the whole class. */
class ServerHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static InvoicingServer server;
    private static String keyA;
    private static String keyB;

    @BeforeAll
    static void start() {
        Entity a = Entity.sampleSlovenian();
        Entity b = InvoicingJson.readEntity("{\"id\":\"ent_000000000000000000000002\",\"name\":\"Other GmbH\","
                + "\"country_code\":\"AT\",\"currency_code\":\"EUR\"}");
        server = InvoicingServer.builder().entity(a).entity(b)
                .limits(ServerLimits.DEFAULTS.withMaxBodyBytes(64 * 1024).withMaxItems(3)).build().start();
        keyA = server.keys().issue(List.of(a.id())).secret();
        keyB = server.keys().issue(List.of(b.id())).secret();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return ApiClient.send(server.port(), method, path, key, body);
    }

    static JsonNode json(HttpResponse<String> r) {
        return InvoicingJson.parse(r.body());
    }

    @Test
    void health_noKey_ok() throws Exception {
        HttpResponse<String> r = send("GET", "/health", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("ok");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void noOrBadKey_is401InTheErrorShape() throws Exception {
        for (String key : new String[] {null, "ik_wrong", "garbage"}) {
            HttpResponse<String> r = send("GET", "/estimates", key, null);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(json(r).get("error").get("type").asText()).isEqualTo("unauthorized");
        }
    }

    /** The reference's example request of each create endpoint gives the keys and totals of its example response. */
    @ParameterizedTest
    @ValueSource(strings = {"estimates", "advance-invoices", "credit-notes"})
    void create_referenceExampleRequest_givesTheReferenceExampleResponse(String slug) throws Exception {
        String doc = SharedFiles.read("reference/" + slug + "-api.txt");
        int at = doc.indexOf("\nPOST/" + slug + "\n");
        String request = firstJson(doc, doc.indexOf("-d '", at) + 4);
        JsonNode expected = InvoicingJson.parse(firstJson(doc, doc.indexOf("\njson\n", at) + 6));
        HttpResponse<String> r = send("POST", "/" + slug, keyA, request);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode got = json(r);
        assertThat(got.get("id").asText()).startsWith(expected.get("id").asText().substring(0, 4));
        for (String k : List.of("total", "total_with_tax")) {
            assertThat(got.get(k).decimalValue()).as(k).isEqualByComparingTo(expected.get(k).decimalValue());
        }
        assertThat(got.get("items")).hasSameSizeAs(expected.get("items"));
        assertThat(got.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void lifecycle_createFinalizeListShareUpdateVersions_overHttp() throws Exception {
        String body = "{\"is_draft\":true,\"items\":[{\"name\":\"Consulting\",\"quantity\":2,\"price\":100,"
                + "\"taxes\":[{\"rate\":22}]}]}";
        JsonNode created = json(send("POST", "/invoices", keyA, body));
        String id = created.get("id").asText();
        assertThat(created.get("is_draft").asBoolean()).isTrue();
        HttpResponse<String> upd = send("PATCH", "/invoices/" + id, keyA, "{\"note\":\"Thanks\",\"change_reason\":\"typo\"}");
        assertThat(upd.statusCode()).as(upd.body()).isEqualTo(200);
        JsonNode versions = json(send("GET", "/invoices/" + id + "/versions", keyA, null));
        assertThat(versions.get("count").asInt()).isEqualTo(1);
        assertThat(json(send("GET", "/invoices/" + id + "/versions/1", keyA, null)).get("reason").asText())
                .isEqualTo("typo");
        JsonNode fin = json(send("POST", "/documents/" + id + "/finalize", keyA, null));
        assertThat(fin.get("number").asText()).isNotBlank();
        JsonNode list = json(send("GET", "/invoices?limit=1&include_total_count=true&order_by=-date", keyA, null));
        assertThat(list.get("data")).hasSize(1);
        assertThat(list.get("pagination").has("has_more")).isTrue();
        HttpResponse<String> del = send("DELETE", "/documents/" + id, keyA, null);
        assertThat(del.statusCode()).isEqualTo(409);
        assertThat(json(del).get("error").get("type").asText()).isEqualTo("document_state_error");
        String token = json(send("POST", "/documents/" + id + "/share", keyA, null)).get("shareable_id").asText();
        HttpResponse<String> page = send("GET", "/invoices/shareable/" + token + "/html", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(fin.get("number").asText());
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        HttpResponse<String> pdf = send("GET", "/invoices/shareable/" + token + "/pdf", null, null);
        assertThat(pdf.body()).startsWith("%PDF");
        send("DELETE", "/documents/" + id + "/share", keyA, null);
        HttpResponse<String> revoked = send("GET", "/invoices/shareable/" + token + "/html", null, null);
        HttpResponse<String> unknown = send("GET", "/invoices/shareable/nosuchtoken/html", null, null);
        assertThat(revoked.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
        assertThat(revoked.body()).isEqualTo(unknown.body());
        JsonNode next = json(send("GET", "/documents/next-number?type=invoice", keyA, null));
        assertThat(names(next)).containsExactly("number", "furs", "fina", "pt");
    }

    @Test
    void anotherEntitysDocument_is404_andUnchanged() throws Exception {
        String id = json(send("POST", "/estimates", keyA, "{\"items\":[{\"name\":\"A\",\"quantity\":1,\"price\":10}]}"))
                .get("id").asText();
        HttpResponse<String> get = send("GET", "/estimates/" + id, keyB, null);
        HttpResponse<String> none = send("GET", "/estimates/est_000000000000000000000000", keyB, null);
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.body()).isEqualTo(none.body().replace("est_000000000000000000000000", id));
        assertThat(send("PATCH", "/estimates/" + id, keyB, "{\"note\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(json(send("GET", "/estimates/" + id, keyA, null)).path("note").isNull()).isTrue();
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/estimates/" + id))
                .header("Authorization", "Bearer " + keyB).header("entity_id", "ent_000000000000000000000001").build();
        assertThat(HTTP.send(r, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void badInput_400NamingEveryPath_noDocumentWritten() throws Exception {
        long before = json(send("GET", "/estimates?include_total_count=true", keyA, null)).get("pagination")
                .get("total").asLong();
        HttpResponse<String> r = send("POST", "/estimates", keyA,
                "{\"items\":[{\"name\":\"A\",\"quantity\":-1,\"price\":\"x\"}],\"date\":\"nope\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        json(r).get("error").get("errors").forEach(e -> paths.add(e.get("path").asText()));
        assertThat(paths).contains("date", "items[0].price");
        assertThat(json(send("GET", "/estimates?include_total_count=true", keyA, null)).get("pagination")
                .get("total").asLong()).isEqualTo(before);
        assertThat(send("POST", "/estimates", keyA, "{not json").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/estimates?limit=1000", keyA, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/estimates?deleted=maybe", keyA, null).statusCode()).isEqualTo(400);
    }

    @Test
    void badQueryValue_quotedOnceInTheMessage() throws Exception {
        HttpResponse<String> r = send("GET", "/estimates?deleted=maybe", keyA, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").get("errors").get(0).get("message").asText())
                .isEqualTo("must be true or false, was \"maybe\"");
        HttpResponse<String> limit = send("GET", "/estimates?limit=abc", keyA, null);
        assertThat(json(limit).get("error").get("errors").get(0).get("message").asText())
                .isEqualTo("must be an integer, was \"abc\"");
    }

    @Test
    void limits_bodyTooLarge413_tooManyItems400() throws Exception {
        HttpResponse<String> big = send("POST", "/estimates", keyA, "{\"note\":\"" + "x".repeat(70 * 1024) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(json(big).get("error").get("type").asText()).isEqualTo("payload_too_large");
        String item = "{\"name\":\"A\",\"quantity\":1,\"price\":1}";
        HttpResponse<String> many = send("POST", "/estimates", keyA, "{\"items\":[" + String.join(",", item, item,
                item, item) + "]}");
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(json(many).get("error").get("errors").get(0).get("code").asText()).isEqualTo("too_many");
    }

    /**
     * Issue 11: the reference's shareable html/pdf take "locale" values such as de-AT (falling back to de
     * formatting and labels); export headers default to the entity locale and take tags too; e-SLOG is
     * "only available for Slovenian entities with e-SLOG support" (settings.eslog.enabled).
     */
    @Test
    void fidelity_regionalLocalesEntityLanguageAndEslogSetting_overHttp() throws Exception {
        String id = json(send("POST", "/invoices", keyA, "{\"items\":[{\"name\":\"A\",\"quantity\":1,\"price\":1000,"
                + "\"taxes\":[{\"rate\":22}]}]}")).get("id").asText();
        String token = json(send("POST", "/documents/" + id + "/share", keyA, null)).get("shareable_id").asText();
        HttpResponse<String> page = send("GET", "/invoices/shareable/" + token + "/html?locale=de-AT&language=de-AT",
                null, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Rechnung</h1>", "1.220,00");
        HttpResponse<String> bad = send("GET", "/invoices/shareable/" + token + "/html?locale=de-!!", null, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").get("errors").get(0).get("path").asText()).isEqualTo("locale");
        String slovene = send("GET", "/documents/export?type=invoice&format=csv", keyA, null).body();
        assertThat(slovene).contains("Številka");
        assertThat(send("GET", "/documents/export?type=invoice&format=csv&language=de-AT", keyA, null).body())
                .contains("Nummer");
        // Entity A has e-SLOG on: this document fails e-SLOG's business rules (no unit), not the setting.
        assertThat(send("GET", "/invoices/shareable/" + token + "/eslog", null, null).body())
                .contains("\"errors\"").doesNotContain("eslog_disabled");
        String other = json(send("POST", "/invoices", keyB, "{\"items\":[{\"name\":\"A\",\"quantity\":1,\"price\":10,"
                + "\"taxes\":[{\"rate\":20}]}]}")).get("id").asText();
        HttpResponse<String> eslog = send("POST", "/documents/export/eslog", keyB, "{\"document_ids\":[\"" + other + "\"]}");
        assertThat(eslog.statusCode()).as(eslog.body()).isEqualTo(400);
        assertThat(eslog.body()).contains("\"settings.eslog.enabled\"", "\"eslog_disabled\"", "\"entity.country_code\"");
    }

    /**
     * The reference's render parameters: "Override UPN QR enabled setting for preview", "Override UPN QR
     * display mode for preview", "Override EPC QR enabled setting for preview"; the entity stays as it was.
     */
    @Test
    void render_paymentCodeOverrides_applyToThePreviewOnly() throws Exception {
        String body = "{\"items\":[{\"name\":\"A\",\"quantity\":1,\"price\":100,\"taxes\":[{\"rate\":22}]}]}";
        assertThat(send("POST", "/advance-invoices/render", keyA, body).body()).doesNotContain("UPN QR", "EPC QR");
        HttpResponse<String> upn = send("POST", "/advance-invoices/render?upn_qr_enabled=true&upn_qr_display_mode=full_slip",
                keyA, body);
        assertThat(upn.statusCode()).as(upn.body()).isEqualTo(200);
        assertThat(upn.body()).contains("UPN QR");
        assertThat(send("POST", "/advance-invoices/render?epc_qr_enabled=true", keyA, body).body()).contains("EPC QR");
        assertThat(send("POST", "/advance-invoices/render", keyA, body).body()).doesNotContain("UPN QR");
        assertThat(send("POST", "/credit-notes/render?upn_qr_enabled=false&epc_qr_enabled=false", keyA, body).statusCode())
                .isEqualTo(200);
        HttpResponse<String> bad = send("POST", "/credit-notes/render?upn_qr_display_mode=slip&epc_qr_enabled=maybe",
                keyA, body);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"upn_qr_display_mode\"", "\"epc_qr_enabled\"");
    }

    @Test
    void exports_jobCreatePollDownload_andTracking() throws Exception {
        String id = json(send("POST", "/invoices", keyA, "{\"items\":[{\"name\":\"A\",\"quantity\":1,\"price\":10,"
                + "\"taxes\":[{\"rate\":22}]}]}")).get("id").asText();
        HttpResponse<String> start = send("POST", "/documents/export/pdf", keyA, "{\"document_ids\":[\"" + id + "\"]}");
        assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
        String job = json(start).get("id").asText();
        JsonNode status = json(start);
        for (int i = 0; i < 100 && !"completed".equals(status.get("status").asText()); i++) {
            Thread.sleep(100);
            status = json(send("GET", "/documents/export/pdf/" + job, keyA, null));
        }
        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(send("GET", "/documents/export/pdf/" + job, keyB, null).statusCode()).isEqualTo(404);
        HttpRequest dl = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/documents/export/pdf/" + job + "/download")).header("Authorization", "Bearer " + keyA).build();
        HttpResponse<byte[]> zip = HTTP.send(dl, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.body()[0]).isEqualTo((byte) 'P');
        assertThat(zip.body()[1]).isEqualTo((byte) 'K');
        JsonNode pending = json(send("GET", "/v10/invoices/export?system_id=erp", keyA, null));
        assertThat(pending.get("invoices").size()).isGreaterThanOrEqualTo(1);
        HttpResponse<String> mark = send("POST", "/v10/invoices/mark-as-exported", keyA,
                "{\"invoices\":[{\"invoice_id\":\"" + id + "\",\"system_id\":\"erp\"}]}");
        assertThat(mark.statusCode()).as(mark.body()).isEqualTo(200);
        JsonNode after = json(send("GET", "/v10/invoices/export?system_id=erp", keyA, null));
        after.get("invoices").forEach(d -> assertThat(d.get("id").asText()).isNotEqualTo(id));
        HttpResponse<String> csv = send("GET", "/documents/export?type=invoice&format=csv", keyA, null);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(send("GET", "/v10/invoices/export", keyA, null).statusCode()).isEqualTo(400);
    }

    @Test
    void keys_storedHashed_listedRevoked() throws Exception {
        HttpResponse<String> issued = send("POST", "/api-keys", keyA, "{}");
        assertThat(issued.statusCode()).isEqualTo(201);
        String secret = json(issued).get("key").asText();
        assertThat(secret).startsWith("ik_").hasSizeGreaterThanOrEqualTo(3 + 22);
        assertThat(server.keys().storedHashes()).doesNotContain(secret).contains(ApiKeys.hash(secret));
        HttpResponse<String> list = send("GET", "/api-keys", keyA, null);
        assertThat(list.body()).doesNotContain(secret);
        assertThat(send("GET", "/estimates", secret, null).statusCode()).isEqualTo(200);
        String keyId = json(issued).get("id").asText();
        assertThat(send("DELETE", "/api-keys/" + keyId, keyB, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api-keys/" + keyId, keyA, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/estimates", secret, null).statusCode()).isEqualTo(401);
    }

    /** /openapi.json describes exactly the routes served, and they cover every endpoint of the five reference documents. */
    @Test
    void openApi_equalsTheRoutes_andCoversEveryReferenceEndpoint() throws Exception {
        JsonNode doc = json(send("GET", "/openapi.json", null, null));
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> p = doc.get("paths").fieldNames(); p.hasNext(); ) {
            String path = p.next();
            doc.get("paths").get(path).fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path));
        }
        Set<String> routes = new TreeSet<>();
        server.routes().forEach(r -> routes.add(r.key()));
        routes.add("GET /openapi.json");
        assertThat(documented).isEqualTo(routes);
        Set<String> reference = new TreeSet<>();
        Pattern endpoint = Pattern.compile("(?m)^(?:Endpoint: )?(GET|POST|PATCH|DELETE) ?(/\\S+)$");
        for (String f : List.of("estimates", "advance-invoices", "credit-notes", "exports", "export-tracking")) {
            Matcher m = endpoint.matcher(SharedFiles.read("reference/" + f + "-api.txt"));
            while (m.find()) {
                reference.add(m.group(1) + " " + m.group(2));
            }
        }
        assertThat(reference).hasSizeGreaterThan(40);
        assertThat(routes).containsAll(reference);
        // Every documented route answers something other than the router's 404 for an unknown path.
        for (String r : reference) {
            String[] mp = r.split(" ");
            HttpResponse<String> resp = send(mp[0], mp[1].replaceAll("\\{[^}]+}", "x"), keyA,
                    mp[0].equals("GET") || mp[0].equals("DELETE") ? null : "{}");
            assertThat(resp.body()).as(r).doesNotContain("no such endpoint");
        }
    }

    private static String firstJson(String text, int from) {
        int start = text.indexOf('{', from);
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return text.substring(start, i + 1);
            }
        }
        throw new AssertionError("no JSON at " + from);
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
