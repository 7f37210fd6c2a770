package eu.invoicing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
import eu.invoicing.server.testing.ApiClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's lifecycle, isolation and bad-input rules replayed over real HTTP (one server on a loopback port):
 * void, trash and restore, payments, conversions, cursor walks, other-entity access and refused input.
 */
class LifecycleReplayTest {
    private static InvoicingServer server;
    private static String keyA;
    private static String keyB;

    @BeforeAll
    static void start() {
        Entity a = Entity.sampleSlovenian();
        Entity b = InvoicingJson.readEntity("{\"id\":\"ent_000000000000000000000002\",\"name\":\"Other GmbH\","
                + "\"country_code\":\"AT\",\"currency_code\":\"EUR\"}");
        server = InvoicingServer.builder().entity(a).entity(b).build().start();
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

    static JsonNode ok(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return InvoicingJson.parse(r.body());
    }

    /** A refusal: its status, and the error body shape {error:{type,message,errors[{path,code,message}]}}. */
    static JsonNode refused(HttpResponse<String> r, int status, String type) {
        JsonNode body = ok(r, status);
        assertThat(body.fieldNames()).toIterable().containsExactly("error");
        JsonNode e = body.get("error");
        assertThat(e.get("type").asText()).isEqualTo(type);
        assertThat(e.get("message").isTextual()).isTrue();
        e.get("errors").forEach(v -> assertThat(v.fieldNames()).toIterable().containsExactly("path", "code", "message"));
        return e;
    }

    static String draft(String slug, String price) throws Exception {
        return ok(send("POST", "/" + slug, keyA, "{\"is_draft\":true,\"items\":[{\"name\":\"Work\",\"quantity\":1,"
                + "\"price\":" + price + ",\"taxes\":[{\"rate\":22}]}]}"), 201).get("id").asText();
    }

    @Test
    void update_withVersions_thenFinalize_thenVoid_thenNoMoreUpdates() throws Exception {
        String id = draft("invoices", "100");
        ok(send("PATCH", "/invoices/" + id, keyA, "{\"note\":\"one\",\"change_reason\":\"first\"}"), 200);
        ok(send("PATCH", "/invoices/" + id, keyA, "{\"items\":[{\"name\":\"Work\",\"quantity\":2,\"price\":100}]}"),
                200);
        JsonNode versions = ok(send("GET", "/invoices/" + id + "/versions", keyA, null), 200);
        assertThat(versions.get("count").asInt()).isEqualTo(2);
        assertThat(versions.get("versions").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get("versions").get(0).get("changed_fields").toString()).contains("items");
        JsonNode fin = ok(send("POST", "/documents/" + id + "/finalize", keyA, null), 200);
        assertThat(fin.path("is_draft").asBoolean(false)).isFalse();
        assertThat(fin.get("number").asText()).isNotBlank();
        refused(send("POST", "/documents/" + id + "/finalize", keyA, null), 409, "document_state_error");
        JsonNode voided = ok(send("POST", "/invoices/" + id + "/void", keyA, "{\"reason\":\"duplicate\"}"), 200);
        assertThat(voided.get("voided_at").isNull()).isFalse();
        refused(send("PATCH", "/invoices/" + id, keyA, "{\"note\":\"x\"}"), 409, "document_state_error");
        assertThat(ok(send("GET", "/invoices/" + id, keyA, null), 200).get("note").asText()).isEqualTo("one");
    }

    @Test
    void trash_restore_permanent() throws Exception {
        String id = draft("estimates", "10");
        ok(send("DELETE", "/documents/" + id, keyA, null), 200);
        assertThat(ok(send("GET", "/estimates?deleted=true&limit=100", keyA, null), 200).get("data").toString())
                .contains(id);
        assertThat(ok(send("GET", "/estimates?limit=100", keyA, null), 200).get("data").toString()).doesNotContain(id);
        ok(send("POST", "/documents/" + id + "/restore", keyA, null), 200);
        assertThat(ok(send("GET", "/estimates?limit=100", keyA, null), 200).get("data").toString()).contains(id);
        refused(send("DELETE", "/documents/" + id + "/permanent", keyA, null), 409, "document_state_error");
        ok(send("DELETE", "/documents/" + id, keyA, null), 200);
        ok(send("DELETE", "/documents/" + id + "/permanent", keyA, null), 200);
        refused(send("GET", "/estimates/" + id, keyA, null), 404, "not_found");
    }

    @Test
    void payments_andConversions() throws Exception {
        String inv = draft("invoices", "100");
        ok(send("POST", "/documents/" + inv + "/finalize", keyA, null), 200);
        JsonNode paid = ok(send("POST", "/documents/" + inv + "/payments", keyA,
                "{\"amount\":122,\"type\":\"bank_transfer\"}"), 201);
        assertThat(paid.get("paid_in_full").asBoolean()).isTrue();
        assertThat(paid.get("total_due").decimalValue()).isZero();
        String est = draft("estimates", "50");
        ok(send("POST", "/documents/" + est + "/finalize", keyA, null), 200);
        JsonNode converted = ok(send("POST", "/documents/" + est + "/convert", keyA,
                "{\"to\":\"invoice\",\"is_draft\":true}"), 201);
        assertThat(converted.get("id").asText()).startsWith("inv_");
        assertThat(converted.get("total_with_tax").decimalValue()).isEqualByComparingTo("61");
        String adv = draft("advance-invoices", "100");
        ok(send("POST", "/documents/" + adv + "/finalize", keyA, null), 200);
        ok(send("POST", "/documents/" + adv + "/payments", keyA, "{\"amount\":122,\"type\":\"cash\"}"), 201);
        String fin = draft("invoices", "300");
        ok(send("POST", "/documents/" + fin + "/finalize", keyA, null), 200);
        JsonNode applied = ok(send("POST", "/documents/" + adv + "/convert", keyA, "{\"invoice_id\":\"" + fin + "\"}"),
                201);
        assertThat(applied.get("total_paid").decimalValue()).isEqualByComparingTo("122");
        refused(send("POST", "/documents/" + est + "/convert", keyA, "{\"to\":\"nonsense\"}"), 400,
                "validation_error");
    }

    @Test
    void list_walkingEveryPageByCursor_seesEachDocumentOnce() throws Exception {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            created.add(ok(send("POST", "/delivery-notes", keyA, "{\"items\":[{\"name\":\"n" + i
                    + "\",\"quantity\":1,\"price\":" + (i % 5) + "}]}"), 201).get("id").asText());
        }
        for (String order : List.of("-total", "date", "-created_at")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = ok(send("GET", "/delivery-notes?limit=4&order_by=" + order + (cursor == null ? ""
                        : "&next_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), keyA, null), 200);
                page.get("data").forEach(d -> seen.add(d.get("id").asText()));
                cursor = page.get("pagination").get("next_cursor").isNull() ? null
                        : page.get("pagination").get("next_cursor").asText();
                assertThat(++pages).isLessThan(20);
            } while (cursor != null);
            assertThat(seen).as(order).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        }
    }

    @Test
    void anotherEntitysDocument_isNotFoundOnEveryRoute_andUnchanged() throws Exception {
        String id = draft("invoices", "100");
        String before = ok(send("GET", "/invoices/" + id, keyA, null), 200).toString();
        refused(send("GET", "/invoices/" + id, keyB, null), 404, "not_found");
        refused(send("PATCH", "/invoices/" + id, keyB, "{\"note\":\"x\"}"), 404, "not_found");
        refused(send("POST", "/documents/" + id + "/finalize", keyB, null), 404, "not_found");
        refused(send("POST", "/documents/" + id + "/share", keyB, null), 404, "not_found");
        refused(send("DELETE", "/documents/" + id, keyB, null), 404, "not_found");
        refused(send("POST", "/documents/" + id + "/payments", keyB, "{\"amount\":1,\"type\":\"cash\"}"), 404,
                "not_found");
        refused(send("GET", "/invoices/" + id + "/versions", keyB, null), 404, "not_found");
        refused(send("GET", "/documents/" + id + "/html", keyB, null), 404, "not_found");
        assertThat(ok(send("GET", "/invoices/" + id, keyA, null), 200).toString()).isEqualTo(before);
        assertThat(ok(send("GET", "/invoices?limit=100", keyB, null), 200).get("data").toString()).doesNotContain(id);
    }

    @Test
    void badInput_isRefusedNamingEveryPath_andChangesNothing() throws Exception {
        String id = draft("invoices", "100");
        String before = ok(send("GET", "/invoices/" + id, keyA, null), 200).toString();
        long count = ok(send("GET", "/invoices?include_total_count=true", keyA, null), 200).get("pagination")
                .get("total").asLong();
        JsonNode e = refused(send("PATCH", "/invoices/" + id, keyA, "{\"date\":\"soon\",\"items\":[{\"name\":\"A\","
                + "\"quantity\":\"many\",\"price\":1},{\"quantity\":1,\"price\":\"x\"}],\"currency_code\":\"XXXX\"}"),
                400, "validation_error");
        List<String> paths = new ArrayList<>();
        e.get("errors").forEach(v -> paths.add(v.get("path").asText()));
        assertThat(paths).contains("date", "items[0].quantity", "items[1].price", "currency_code");
        assertThat(ok(send("GET", "/invoices/" + id, keyA, null), 200).toString()).isEqualTo(before);
        JsonNode c = refused(send("POST", "/invoices", keyA, "{\"items\":[{\"name\":\"A\",\"quantity\":1,\"price\":1,"
                + "\"taxes\":[{\"rate\":\"high\"}]}],\"customer\":{\"name\":7}}"), 400, "validation_error");
        List<String> createPaths = new ArrayList<>();
        c.get("errors").forEach(v -> createPaths.add(v.get("path").asText()));
        assertThat(createPaths).contains("items[0].taxes[0].rate", "customer.name");
        refused(send("POST", "/invoices", keyA, "[1,2]"), 400, "validation_error");
        refused(send("GET", "/invoices?order_by=nonsense", keyA, null), 400, "validation_error");
        refused(send("GET", "/invoices?query=%7Bbad", keyA, null), 400, "validation_error");
        assertThat(ok(send("GET", "/invoices?include_total_count=true", keyA, null), 200).get("pagination")
                .get("total").asLong()).isEqualTo(count);
    }

    /** Each refusal the reference's text states, with its status and the error shape. */
    @Test
    void referenceErrorCases_statusAndErrorShape() throws Exception {
        String fin = draft("invoices", "10");
        ok(send("POST", "/documents/" + fin + "/finalize", keyA, null), 200);
        // "Only draft documents can be deleted. Finalized documents cannot be deleted - use void instead."
        refused(send("DELETE", "/documents/" + fin, keyA, null), 409, "document_state_error");
        // "Only documents with failed FURS or FINA fiscalization can be retried."
        refused(send("POST", "/documents/" + fin + "/fiscalize", keyA, null), 409, "document_state_error");
        // "Date range cannot exceed 1 year."
        refused(send("GET", "/documents/export?type=invoice&format=csv&date_from=2024-01-01&date_to=2025-06-01",
                keyA, null), 400, "validation_error");
        // sales per item: "date_from ... Required."
        refused(send("GET", "/documents/export/sales-per-item?format=csv", keyA, null), 400, "validation_error");
        // "You can at a max mark 10 invoices at a time"
        StringBuilder eleven = new StringBuilder("{\"invoices\":[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("{\"invoice_id\":\"").append(fin).append("\",\"system_id\":\"erp\"}");
        }
        refused(send("POST", "/v10/invoices/mark-as-exported", keyA, eleven.append("]}").toString()), 400,
                "validation_error");
        // "system_id ... Required: Yes"
        refused(send("GET", "/v10/invoices/export", keyA, null), 400, "validation_error");
        // "items ... At least one item is required."
        refused(send("POST", "/estimates", keyA, "{\"items\":[]}"), 400, "validation_error");
        // next-number "type ... required"
        refused(send("GET", "/documents/next-number", keyA, null), 400, "validation_error");
        // An unknown share token, and an unknown export job
        refused(send("GET", "/invoices/shareable/nosuchtoken", null, null), 404, "not_found");
        refused(send("GET", "/documents/export/pdf/nosuchjob", keyA, null), 404, "not_found");
    }
}
