package eu.invoicing.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.Entity;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown over real HTTP: a request in flight when {@link InvoicingServer#stop()} is called finishes
 * with its 2xx answer and its document stored whole; the port refuses new connections from the moment the stop
 * begins, and a request on a connection already open is answered 503 in the error shape; export archives are
 * deleted. The server is started once and stopped by the test itself.
 */
class ServerShutdownHttpTest {
    private static final int ITEMS = 300;

    @Test
    void stop_finishesTheRequestInFlight_storesItWhole_refusesNewConnections_deletesArchives() throws Exception {
        Entity entity = Entity.sampleSlovenian();
        InvoicingServer server = InvoicingServer.builder().entity(entity).build().start();
        int port = server.port();
        String key = server.keys().issue(List.of(entity.id())).secret();
        Path archives = server.exportDirectory();
        String exported = exportOne(server, key);
        assertThat(archives.resolve(exported)).isDirectory();

        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < ITEMS; i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\":\"Line ").append(i)
                    .append("\",\"quantity\":1,\"price\":1,\"taxes\":[{\"rate\":22}]}");
        }
        byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        int half = bytes.length / 2;
        CompletableFuture<Void> stopping;
        String answer;
        String rejected;
        try (Socket slow = new Socket(); Socket idle = new Socket()) {
            // A keep-alive connection, open and idle when the stop begins.
            idle.connect(new InetSocketAddress("127.0.0.1", port));
            idle.setSoTimeout(60_000);
            idle.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readResponse(idle.getInputStream())).startsWith("HTTP/1.1 200");

            slow.connect(new InetSocketAddress("127.0.0.1", port));
            slow.setSoTimeout(60_000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /invoices HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, half);
            out.flush();
            awaitTrue(() -> server.runningRequests() == 1, "the slow request reached its handler");

            stopping = CompletableFuture.runAsync(server::stop);
            // The stop has begun once the port refuses connections; the request is still waiting for its body.
            awaitTrue(() -> refuses(port), "the port refuses new connections while stopping");
            assertThat(stopping).isNotDone();
            // A new request on the open connection is refused in the error shape, and the connection closed.
            idle.getOutputStream().write(("GET /estimates HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + key + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            rejected = readResponse(idle.getInputStream());
            assertThat(idle.getInputStream().read()).isEqualTo(-1);

            out.write(bytes, half, bytes.length - half);
            out.flush();
            answer = readResponse(slow.getInputStream());
        }
        stopping.get(60, TimeUnit.SECONDS);

        assertThat(rejected).startsWith("HTTP/1.1 503");
        assertThat(InvoicingJson.parse(rejected.substring(rejected.indexOf("\r\n\r\n") + 4)).get("error").get("type")
                .asText()).isEqualTo("shutting_down");
        assertThat(answer).startsWith("HTTP/1.1 201");
        JsonNode created = InvoicingJson.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(created.get("items")).hasSize(ITEMS);
        Document stored = server.invoicing().entity(entity).get(DocumentId.parse(created.get("id").asText(), "id"));
        assertThat(stored.items()).hasSize(ITEMS);
        assertThat(stored.totalWithTax()).isEqualByComparingTo(created.get("total_with_tax").decimalValue());
        assertThat(refuses(port)).isTrue();
        HttpClient http = HttpClient.newHttpClient();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        assertThat(archives).doesNotExist();
        server.stop();
    }

    private static String exportOne(InvoicingServer server, String key) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/invoices"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"items\":[{\"name\":\"A\",\"quantity\":1,\"price\":10}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = InvoicingJson.parse(created.body()).get("id").asText();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/documents/export/pdf"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"document_ids\":[\"" + id + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        String job = InvoicingJson.parse(started.body()).get("id").asText();
        awaitTrue(() -> {
            try (var files = Files.walk(server.exportDirectory().resolve(job))) {
                return files.anyMatch(f -> f.toString().endsWith(".zip"));
            } catch (java.io.IOException e) {
                return false;
            }
        }, "the export archive was written");
        return job;
    }

    private static boolean refuses(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition c, String what) throws Exception {
        // Bounded waiting for a state, never for a time: fails only if the state is not reached in 30 s.
        for (int i = 0; i < 3000; i++) {
            if (c.holds()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("not reached in 30 s: " + what);
    }

    private static String readResponse(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            String text = out.toString(StandardCharsets.UTF_8);
            int head = text.indexOf("\r\n\r\n");
            if (head >= 0) {
                int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
                if (at >= 0 && at < head) {
                    int length = Integer.parseInt(text.substring(at + 15, text.indexOf("\r\n", at)).trim());
                    if (out.size() - head - 4 >= length) {
                        break;
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
