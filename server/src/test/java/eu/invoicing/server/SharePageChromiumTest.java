package eu.invoicing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public share page loaded by a real browser: headless Chromium renders the page of a finalized, shared
 * invoice served on a loopback port, and the DOM it builds shows the document's number and total. Without
 * Chromium the test is skipped, unless {@code -Dinvoicing.shared.required=true} (CI, which installs it).
 */
class SharePageChromiumTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static InvoicingServer server;
    private static String key;

    @BeforeAll
    static void start() {
        Entity a = Entity.sampleSlovenian();
        server = InvoicingServer.builder().entity(a).build().start();
        key = server.keys().issue(List.of(a.id())).secret();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static JsonNode post(String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).as(resp.body()).isBetween(200, 201);
        return InvoicingJson.parse(resp.body());
    }

    static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        if (Boolean.getBoolean("invoicing.shared.required")) {
            throw new IllegalStateException("chromium is required (-Dinvoicing.shared.required=true) but not on the PATH");
        }
        Assumptions.abort("chromium is not installed: the share page browser test is SKIPPED");
        return null;
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + command);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return text;
    }

    @Test
    void sharedInvoice_renderedByChromium_showsNumberAndTotal() throws Exception {
        String browser = chromium();
        JsonNode created = post("/invoices", "{\"is_draft\":true,\"customer\":{\"name\":\"Acme d.o.o.\"},"
                + "\"items\":[{\"name\":\"Consulting\",\"quantity\":3,\"price\":412.5,\"taxes\":[{\"rate\":22}]}]}");
        String id = created.get("id").asText();
        JsonNode fin = post("/documents/" + id + "/finalize", null);
        String token = post("/documents/" + id + "/share", null).get("shareable_id").asText();
        String url = "http://127.0.0.1:" + server.port() + "/invoices/shareable/" + token + "/html";
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> base = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile));
        List<String> dump = new ArrayList<>(base);
        dump.addAll(List.of("--dump-dom", url));
        String dom = run(dump);
        String text = dom.replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace('\u00a0', ' ')
                .replaceAll("\\s+", " ");
        assertThat(text).as(dom).contains(fin.get("number").asText());
        // 3 x 412.50 = 1237.50, + 22 % VAT = 1509.75, written in the Slovenian entity's locale
        assertThat(text).as(dom).contains("1.509,75");
        String shot = System.getProperty("invoicing.screenshot");
        if (shot != null) {
            List<String> png = new ArrayList<>(base);
            png.addAll(List.of("--screenshot=" + shot, "--window-size=1000,1400", url));
            run(png);
        }
    }
}
