package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code invoicing serve}: started as its own JVM through the picocli entry point on a random port, used over
 * the JDK's HTTP client with the key it wrote, and stopped with SIGTERM; bad input is refused before anything is
 * served (exit 2, errors JSON), in-process.
 */
class ServeCommandTest {
    private static final String ITEM = "{\"items\":[{\"name\":\"Consulting\",\"quantity\":2,\"price\":100,"
            + "\"taxes\":[{\"rate\":22}]}],\"is_draft\":true}";

    @TempDir
    Path dir;

    @Test
    void serve_apiKeyFile_ownerOnlyKeyNotPrinted_apiWorks_sigtermStopsGracefully() throws Exception {
        Path entityFile = dir.resolve("entity.json");
        Entity entity = InvoicingJson.readEntity("{\"id\":\"ent_000000000000000000000042\",\"name\":\"Serve d.o.o.\","
                + "\"country_code\":\"SI\",\"tax_number\":\"SI12345678\",\"currency_code\":\"EUR\"}");
        Files.writeString(entityFile, InvoicingJson.writeEntity(entity));
        Path keyFile = dir.resolve("api-key");
        int port;
        try (ServeProcess serve = ServeProcess.start(List.of(), "--port", "0", "--entity", entityFile.toString(),
                "--api-key-file", keyFile.toString())) {
            JsonNode start = serve.startLine();
            assertThat(start.has("api_key")).isFalse();
            assertThat(start.get("api_key_file").asText()).isEqualTo(keyFile.toString());
            assertThat(start.get("entity_id").asText()).isEqualTo(entity.id());
            port = serve.port();
            assertThat(port).isPositive();
            assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String key = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
            assertThat(key).startsWith("ik_").hasSizeGreaterThanOrEqualTo(3 + 43);
            assertThat(start.toString()).doesNotContain(key);

            assertThat(serve.send("GET", "/invoices", null, null).statusCode()).isEqualTo(401);
            HttpResponse<String> created = serve.send("POST", "/invoices", key, ITEM);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = InvoicingJson.parse(created.body()).get("id").asText();
            HttpResponse<String> fin = serve.send("POST", "/documents/" + id + "/finalize", key, null);
            assertThat(fin.statusCode()).as(fin.body()).isEqualTo(200);
            assertThat(InvoicingJson.parse(fin.body()).get("issuer").get("name").asText()).isEqualTo("Serve d.o.o.");
            JsonNode list = InvoicingJson.parse(serve.send("GET", "/invoices", key, null).body());
            assertThat(list.get("data").get(0).get("id").asText()).isEqualTo(id);
            JsonNode keys = InvoicingJson.parse(serve.send("GET", "/api-keys", key, null).body());
            assertThat(keys.get("data").get(0).get("id").asText()).isEqualTo(start.get("key_id").asText());

            int exit = serve.terminate();
            assertThat(exit).as(serve.stderr()).isEqualTo(143);
            assertThat(serve.stderr()).contains("serving on http://127.0.0.1:" + port)
                    .contains("eu.invoicing.server.access").contains("path=/invoices status=201")
                    .contains("stopped").doesNotContain(key);
            assertThat(serve.laterStdout()).isEmpty();
        }
        assertThat(refuses(port)).isTrue();
    }

    @Test
    void serve_withoutKeyFile_printsTheKeyOnceInTheStartLine() throws Exception {
        try (ServeProcess serve = ServeProcess.start(List.of(), "--port", "0")) {
            String key = serve.startLine().get("api_key").asText();
            assertThat(key).startsWith("ik_");
            assertThat(serve.startLine().get("entity_id").asText()).isEqualTo(Entity.sampleSlovenian().id());
            assertThat(serve.send("GET", "/estimates", key, null).statusCode()).isEqualTo(200);
            assertThat(serve.terminate()).isEqualTo(143);
            assertThat(serve.stderr()).doesNotContain(key);
        }
    }

    @Test
    void serve_rates_aForeignDocumentWithoutExchangeRateTakesTheFilesRate_asTheSaasFetchesIt() throws Exception {
        Path rates = Files.writeString(dir.resolve("eurofxref-daily.xml"), "<?xml version=\"1.0\"?>"
                + "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" "
                + "xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\"><Cube><Cube time=\"2026-03-13\">"
                + "<Cube currency=\"USD\" rate=\"1.0850\"/></Cube></Cube></gesmes:Envelope>");
        try (ServeProcess serve = ServeProcess.start(List.of(), "--port", "0", "--rates", rates.toString())) {
            String key = serve.startLine().get("api_key").asText();
            HttpResponse<String> created = serve.send("POST", "/invoices", key, "{\"currency_code\":\"USD\","
                    + "\"date\":\"2026-03-15\"," + ITEM.substring(1));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode rate = InvoicingJson.parse(created.body()).get("exchange_rate");
            assertThat(rate.get("rate").decimalValue()).isEqualByComparingTo("0.9216589862");
            assertThat(rate.get("source").asText()).isEqualTo("ECB");
            assertThat(serve.terminate()).isEqualTo(143);
        }
        CliRun.Result bad = CliRun.run("", "serve", "--port", "0", "--rates", dir.resolve("none.xml").toString());
        assertThat(bad.exit()).isEqualTo(InvoicingCli.EXIT_BAD_INPUT);
        assertThat(bad.errors().get(0).get("path").asText()).isEqualTo("--rates");
    }

    @Test
    void serve_badPort_portInUse_unknownHost_badDatabaseUrl_missingEntity_areBadInput() throws Exception {
        CliRun.Result range = CliRun.run("", "serve", "--port", "70000");
        assertThat(range.exit()).isEqualTo(InvoicingCli.EXIT_BAD_INPUT);
        assertThat(range.errors().get(0).get("path").asText()).isEqualTo("port");
        assertThat(range.errors().get(0).get("code").asText()).isEqualTo("out_of_range");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun.Result inUse = CliRun.run("", "serve", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(inUse.exit()).as(inUse.err()).isEqualTo(InvoicingCli.EXIT_BAD_INPUT);
            assertThat(inUse.err()).as("stderr starts with the errors").startsWith("{\"errors\":");
            assertThat(inUse.errors().get(0).get("code").asText()).isEqualTo("in_use");
        }
        CliRun.Result host = CliRun.run("", "serve", "--port", "0", "--host", "no-such-host.invalid");
        assertThat(host.exit()).isEqualTo(InvoicingCli.EXIT_BAD_INPUT);
        assertThat(host.errors().get(0).get("path").asText()).isEqualTo("host");
        assertThat(host.errors().get(0).get("message").asText()).isEqualTo("no such host: \"no-such-host.invalid\"");
        CliRun.Result db = CliRun.run("", "serve", "--port", "0", "--database", "mysql://localhost/x?password=s3cret");
        assertThat(db.exit()).isEqualTo(InvoicingCli.EXIT_BAD_INPUT);
        assertThat(db.errors().get(0).get("path").asText()).isEqualTo("database");
        assertThat(db.err()).doesNotContain("s3cret");
        Path keyFile = dir.resolve("never");
        CliRun.Result entity = CliRun.run("", "serve", "--port", "0", "--entity", dir.resolve("none.json").toString(),
                "--api-key-file", keyFile.toString());
        assertThat(entity.exit()).isEqualTo(InvoicingCli.EXIT_BAD_INPUT);
        assertThat(entity.errors().get(0).get("code").asText()).isEqualTo("not_found");
        assertThat(keyFile).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    private static boolean refuses(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }
}
