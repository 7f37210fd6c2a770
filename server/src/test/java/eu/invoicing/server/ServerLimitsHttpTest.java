package eu.invoicing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
import eu.invoicing.server.testing.ApiClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits of {@link ServerLimits} over real HTTP, each set small: requests per key (429 with Retry-After), body
 * size (413), items per document, page size, the idle timeout, and the expiry of export archives; and the access
 * log. One server on a random loopback port for the class; each test takes keys of its own, so that the rate limit
 * of one test never refuses another's requests.
 */
class ServerLimitsHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PER_MINUTE = 6;
    private static final Entity ENTITY = Entity.sampleSlovenian();
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static InvoicingServer server;

    @BeforeAll
    static void start() {
        server = InvoicingServer.builder().entity(ENTITY).clock(CLOCK)
                .limits(ServerLimits.DEFAULTS.withRequestsPerMinute(PER_MINUTE).withMaxBodyBytes(8 * 1024)
                        .withMaxItems(3).withMaxPageSize(10).withIdleTimeout(Duration.ofMillis(500))
                        .withExportRetention(Duration.ofHours(1)))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String newKey() {
        return server.keys().issue(List.of(ENTITY.id())).secret();
    }

    private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return ApiClient.send(server.port(), method, path, key, body);
    }

    private static JsonNode error(HttpResponse<String> r) {
        return InvoicingJson.parse(r.body()).get("error");
    }

    private static long estimates() throws Exception {
        // Read straight from the library: listing over HTTP would spend the rate of a key.
        return server.invoicing().entity(ENTITY).list(eu.invoicing.core.model.DocumentType.ESTIMATE,
                eu.invoicing.core.query.DocumentQuery.builder().includeTotalCount(true).build()).total();
    }

    @Test
    void rate_overTheLimitOfAKey_is429WithRetryAfter_otherKeysUnaffected() throws Exception {
        String key = newKey();
        for (int i = 0; i < PER_MINUTE; i++) {
            assertThat(send("GET", "/estimates", key, null).statusCode()).as("request %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = send("GET", "/estimates", key, null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(error(refused).get("type").asText()).isEqualTo("rate_limited");
        assertThat(error(refused).get("message").asText()).contains("at most " + PER_MINUTE
                + " requests per minute per API key");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        // One request comes back every 60 / PER_MINUTE = 10 s.
        assertThat(retryAfter).isBetween(1L, 10L);
        assertThat(error(refused).get("message").asText()).contains("retry after " + retryAfter + " s");
        // A refused request writes nothing.
        long before = estimates();
        assertThat(send("POST", "/estimates", key, "{\"items\":[{\"name\":\"A\",\"quantity\":1,\"price\":1}]}")
                .statusCode()).isEqualTo(429);
        assertThat(estimates()).isEqualTo(before);
        assertThat(send("GET", "/estimates", newKey(), null).statusCode()).isEqualTo(200);
        // Requests without a valid key are 401 before any rate is counted.
        assertThat(send("GET", "/estimates", "ik_unknown", null).statusCode()).isEqualTo(401);
    }

    @Test
    void body_overTheLimit_is413_withAndWithoutContentLength_nothingWritten() throws Exception {
        String key = newKey();
        long before = estimates();
        String big = "{\"note\":\"" + "x".repeat(9 * 1024) + "\",\"items\":[{\"name\":\"A\",\"quantity\":1,"
                + "\"price\":1}]}";
        HttpResponse<String> declared = send("POST", "/estimates", key, big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(error(declared).get("type").asText()).isEqualTo("payload_too_large");
        assertThat(error(declared).get("message").asText()).contains("larger than 8192 bytes");
        assertThat(error(declared).get("errors").get(0).get("code").asText()).isEqualTo("too_large");
        // Chunked: no Content-Length to refuse up front; the body is cut off while it is read.
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/estimates"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build();
        HttpResponse<String> streamed = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(error(streamed).get("type").asText()).isEqualTo("payload_too_large");
        // Far over the limit: the client, sending all of it, still receives the 413 and nothing is written.
        HttpResponse<String> huge = send("POST", "/estimates", key, "{\"note\":\"" + "x".repeat(3 * 1024 * 1024)
                + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Connection")).contains("close");
        assertThat(estimates()).isEqualTo(before);
        String small = "{\"note\":\"" + "x".repeat(7 * 1024) + "\",\"items\":[{\"name\":\"A\",\"quantity\":1,"
                + "\"price\":1}]}";
        assertThat(send("POST", "/estimates", key, small).statusCode()).isEqualTo(201);
    }

    @Test
    void items_overTheLimit_is400AtItems_onCreateAndUpdate() throws Exception {
        String key = newKey();
        String item = "{\"name\":\"A\",\"quantity\":1,\"price\":1}";
        HttpResponse<String> ok = send("POST", "/estimates", key, "{\"items\":[" + String.join(",", item, item, item)
                + "]}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        String id = InvoicingJson.parse(ok.body()).get("id").asText();
        String four = "{\"items\":[" + String.join(",", item, item, item, item) + "]}";
        for (HttpResponse<String> r : List.of(send("POST", "/estimates", key, four),
                send("PATCH", "/estimates/" + id, key, four))) {
            assertThat(r.statusCode()).isEqualTo(400);
            JsonNode e = error(r).get("errors").get(0);
            assertThat(e.get("path").asText()).isEqualTo("items");
            assertThat(e.get("code").asText()).isEqualTo("too_many");
            assertThat(e.get("message").asText()).isEqualTo("at most 3 items per document, was 4");
        }
        assertThat(InvoicingJson.parse(send("GET", "/estimates/" + id, key, null).body()).get("items")).hasSize(3);
    }

    @Test
    void pageSize_overTheLimit_is400AtLimit() throws Exception {
        String key = newKey();
        assertThat(send("GET", "/estimates?limit=10", key, null).statusCode()).isEqualTo(200);
        HttpResponse<String> r = send("GET", "/estimates?limit=11", key, null);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = error(r).get("errors").get(0);
        assertThat(e.get("path").asText()).isEqualTo("limit");
        assertThat(e.get("code").asText()).isEqualTo("out_of_range");
        assertThat(e.get("message").asText()).isEqualTo("must be 1-10, was 11");
        assertThat(send("GET", "/estimates?limit=0", key, null).statusCode()).isEqualTo(400);
    }

    /** A client that stops half-way through its body, or never sends a request, is cut off after the idle timeout. */
    @Test
    void idleTimeout_stalledRequestOrSilentConnection_isClosed_nothingWritten() throws Exception {
        long before = estimates();
        String key = newKey();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()));
            // Far longer than the 500 ms idle timeout: a read that outlasts it means the server kept the connection.
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /estimates HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"items\":[")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readUntilClosed(s.getInputStream());
            assertThat(answer).doesNotContain("201");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()));
            s.setSoTimeout(20_000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(estimates()).isEqualTo(before);
        assertThat(send("GET", "/health", key, null).statusCode()).isEqualTo(200);
    }

    /** An export job and its archive live for the retention time after the job started, then both are gone. */
    @Test
    void exportArchive_keptForTheRetention_thenJobIs404AndFileDeleted() throws Exception {
        String key = newKey();
        String id = InvoicingJson.parse(send("POST", "/invoices", key, "{\"items\":[{\"name\":\"A\",\"quantity\":1,"
                + "\"price\":10,\"taxes\":[{\"rate\":22}]}]}").body()).get("id").asText();
        String job = InvoicingJson.parse(send("POST", "/documents/export/pdf", key, "{\"document_ids\":[\"" + id
                + "\"]}").body()).get("id").asText();
        Path dir = server.exportDirectory().resolve(job);
        for (int i = 0; i < 200 && !isCompleted(job); i++) {
            Thread.sleep(50);
        }
        assertThat(isCompleted(job)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".zip")).count()).isEqualTo(1);
        }
        String key2 = newKey();
        assertThat(download(job, key2).statusCode()).isEqualTo(200);
        // Downloaded once, still there: a broken download may be repeated.
        assertThat(download(job, key2).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(59));
        assertThat(send("GET", "/documents/export/pdf/" + job, key2, null).statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(2));
        HttpResponse<String> gone = send("GET", "/documents/export/pdf/" + job, key2, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(download(job, key2).statusCode()).isEqualTo(404);
        assertThat(dir).doesNotExist();
        assertThat(server.exportDirectory()).exists();
    }

    /** Each request is one event on eu.invoicing.server.access, with its fields and never a secret or token. */
    @Test
    void accessLog_oneStructuredLinePerRequest_withoutSecretsOrShareTokens() throws Exception {
        String key = newKey();
        String id = InvoicingJson.parse(send("POST", "/invoices", key, "{\"items\":[{\"name\":\"A\",\"quantity\":1,"
                + "\"price\":10}]}").body()).get("id").asText();
        String token = InvoicingJson.parse(send("POST", "/documents/" + id + "/share", key, null).body())
                .get("shareable_id").asText();
        String keyId = server.keys().authenticate(key).orElseThrow().id();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String log;
        try {
            // slf4j-simple (the tests' backend) writes to whatever System.err is at the time of each event.
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            send("GET", "/invoices/" + id + "?include=payments", key, null);
            send("GET", "/invoices/shareable/" + token + "/html", key, null);
            send("GET", "/estimates", "ik_wrong", null);
            log = awaitLines(captured, 3);
        } finally {
            System.setErr(original);
        }
        assertThat(log).contains("eu.invoicing.server.access");
        assertThat(log).contains("method=GET path=/invoices/" + id + " status=200 ms=");
        assertThat(log).contains("key=" + keyId + " entity=" + ENTITY.id() + " remote=127.0.0.1");
        assertThat(log).contains("method=GET path=/invoices/shareable/-/html status=200");
        assertThat(log).contains("method=GET path=/estimates status=401 ms=").contains("key=- entity=-");
        assertThat(log).doesNotContain(key).doesNotContain(token).doesNotContain("include=payments");
    }

    private static String awaitLines(ByteArrayOutputStream out, int lines) throws InterruptedException {
        // The request log is written after the response: wait for it (bounded), not for a time.
        for (int i = 0; i < 200; i++) {
            String text = out.toString(StandardCharsets.UTF_8);
            if (text.lines().filter(l -> l.contains("eu.invoicing.server.access")).count() >= lines) {
                return text;
            }
            Thread.sleep(20);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isCompleted(String job) throws Exception {
        return "completed".equals(InvoicingJson.parse(send("GET", "/documents/export/pdf/" + job, newKey(), null)
                .body()).get("status").asText());
    }

    private static HttpResponse<byte[]> download(String job, String key) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/documents/export/pdf/" + job + "/download")).header("Authorization", "Bearer " + key).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String readUntilClosed(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
