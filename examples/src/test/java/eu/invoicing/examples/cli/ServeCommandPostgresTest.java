package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code invoicing serve --database} on a real PostgreSQL server (zonky's embedded PostgreSQL, started for the
 * class as the postgres module's tests start it): documents, numbering, entities and API keys survive a restart of
 * the server (no new first key, a revoked key stays revoked), and the password can come from an environment
 * variable instead of the command line.
 */
class ServeCommandPostgresTest {
    private static final String DRAFT = "{\"is_draft\":true,\"items\":[{\"name\":\"Hosting\",\"quantity\":1,"
            + "\"price\":50,\"taxes\":[{\"rate\":22}]}]}";
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        Path dir = Files.createTempDirectory("invoicing-serve-pg-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setCleanDataDirectory(true)
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void serve_database_documentsNumbersAndKeysSurviveARestart() throws Exception {
        // The password from the environment: it never appears on the command line.
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres";
        List<String> env = List.of("INVOICING_TEST_DB_PASSWORD=postgres");
        String[] args = {"--port", "0", "--database", url, "--database-password-env", "INVOICING_TEST_DB_PASSWORD",
                "--schema", "serve_test"};
        String id;
        String number;
        String key;
        String keyId;
        String revokedKey;
        try (ServeProcess serve = ServeProcess.start(env, args)) {
            key = serve.startLine().get("api_key").asText();
            keyId = serve.startLine().get("key_id").asText();
            HttpResponse<String> second = serve.send("POST", "/api-keys", key, "{}");
            assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
            JsonNode secondKey = InvoicingJson.parse(second.body());
            revokedKey = secondKey.get("key").asText();
            HttpResponse<String> revoke = serve.send("DELETE", "/api-keys/" + secondKey.get("id").asText(), key,
                    null);
            assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
            HttpResponse<String> created = serve.send("POST", "/invoices", key, DRAFT);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            id = InvoicingJson.parse(created.body()).get("id").asText();
            HttpResponse<String> fin = serve.send("POST", "/documents/" + id + "/finalize", key, null);
            assertThat(fin.statusCode()).as(fin.body()).isEqualTo(200);
            number = InvoicingJson.parse(fin.body()).get("number").asText();
            assertThat(serve.terminate()).isEqualTo(143);
            assertThat(serve.stderr()).contains("stopped");
        }
        try (ServeProcess again = ServeProcess.start(env, args)) {
            // The keys are on the database: no new first key, nothing secret printed, the old key works.
            JsonNode start = again.startLine();
            assertThat(start.get("api_key_exists").asBoolean()).isTrue();
            assertThat(start.get("key_id").asText()).isEqualTo(keyId);
            assertThat(start.has("api_key")).isFalse();
            assertThat(again.laterStdout()).doesNotContain(key);
            assertThat(again.send("GET", "/invoices/" + id, revokedKey, null).statusCode()).isEqualTo(401);
            JsonNode stored = InvoicingJson.parse(again.send("GET", "/invoices/" + id, key, null).body());
            assertThat(stored.get("number").asText()).isEqualTo(number);
            assertThat(stored.get("items")).hasSize(1);
            String second = InvoicingJson.parse(again.send("POST", "/invoices", key, DRAFT).body()).get("id").asText();
            JsonNode fin = InvoicingJson.parse(again.send("POST", "/documents/" + second + "/finalize", key, null)
                    .body());
            assertThat(fin.get("number").asText()).isEqualTo(next(number));
            assertThat(again.terminate()).isEqualTo(143);
        }
        Path otherEntity = Files.createTempFile("invoicing-serve-entity-", ".json");
        Files.writeString(otherEntity, "{\"id\":\"ent_000000000000000000000077\",\"name\":\"Other d.o.o.\","
                + "\"country_code\":\"SI\",\"tax_number\":\"SI87654321\",\"currency_code\":\"EUR\"}");
        String[] otherArgs = {"--port", "0", "--database", url, "--database-password-env",
            "INVOICING_TEST_DB_PASSWORD", "--schema", "serve_test", "--entity", otherEntity.toString()};
        try (ServeProcess other = ServeProcess.start(env, otherArgs)) {
            // A new entity on the same database gets its own first key, which sees nothing of the first entity.
            String otherKey = other.startLine().get("api_key").asText();
            assertThat(other.send("GET", "/invoices/" + id, otherKey, null).statusCode()).isEqualTo(404);
            assertThat(other.send("GET", "/invoices/" + id, key, null).statusCode()).isEqualTo(200);
            assertThat(other.terminate()).isEqualTo(143);
        } finally {
            Files.deleteIfExists(otherEntity);
        }
        assertThat(CliRun.run("", "serve", "--port", "0", "--database", "jdbc:postgresql://localhost:"
                + postgres.getPort() + "/postgres?user=nobody&password=wrong").errors().get(0).get("code").asText())
                .isEqualTo("unreachable");
    }

    /** The number after {@code 2026-00001}: the same pattern, the counter plus one. */
    private static String next(String number) {
        int at = number.length();
        while (at > 0 && Character.isDigit(number.charAt(at - 1))) {
            at--;
        }
        String digits = number.substring(at);
        String incremented = Integer.toString(Integer.parseInt(digits) + 1);
        return number.substring(0, at) + "0".repeat(Math.max(0, digits.length() - incremented.length()))
                + incremented;
    }
}
