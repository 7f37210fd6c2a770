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
 * class as the postgres module's tests start it): documents and numbering survive a restart of the server, and
 * the password can come from an environment variable instead of the command line.
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
    void serve_database_documentsAndNumbersSurviveARestart() throws Exception {
        // The password from the environment: it never appears on the command line.
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres";
        List<String> env = List.of("INVOICING_TEST_DB_PASSWORD=postgres");
        String[] args = {"--port", "0", "--database", url, "--database-password-env", "INVOICING_TEST_DB_PASSWORD",
                "--schema", "serve_test"};
        String id;
        String number;
        try (ServeProcess serve = ServeProcess.start(env, args)) {
            String key = serve.startLine().get("api_key").asText();
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
            // Keys live as long as the process: the restarted server issues a new one.
            String key = again.startLine().get("api_key").asText();
            JsonNode stored = InvoicingJson.parse(again.send("GET", "/invoices/" + id, key, null).body());
            assertThat(stored.get("number").asText()).isEqualTo(number);
            assertThat(stored.get("items")).hasSize(1);
            String second = InvoicingJson.parse(again.send("POST", "/invoices", key, DRAFT).body()).get("id").asText();
            JsonNode fin = InvoicingJson.parse(again.send("POST", "/documents/" + second + "/finalize", key, null)
                    .body());
            assertThat(fin.get("number").asText()).isEqualTo(next(number));
            assertThat(again.terminate()).isEqualTo(143);
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
