package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --database URL} on {@code batch} and {@code export}, and {@code migrate}, against one real PostgreSQL
 * server (zonky's binaries, started once for the class) and the {@code embedded} throwaway server.
 */
class DatabaseCommandsTest {
    private static final String ITEM = "{\"items\":[{\"name\":\"Consulting\",\"quantity\":2,\"price\":100,"
            + "\"taxes\":[{\"rate\":22}]}]";
    private static EmbeddedPostgres server;
    private static String url;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setCleanDataDirectory(true).start();
        url = server.getJdbcUrl("postgres", "postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static List<JsonNode> lines(String out) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            nodes.add(InvoicingJson.parse(line));
        }
        return nodes;
    }

    @Test
    void migrate_freshThenAgain_printsTheVersionAndHowManyWereApplied() {
        CliRun.Result first = CliRun.run("", "migrate", "--database", url, "--schema", "cli_migrate");
        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode json = InvoicingJson.parse(first.out().strip());
        assertThat(json.get("schema").asText()).isEqualTo("cli_migrate");
        assertThat(json.get("version").asText()).matches("[1-9][0-9]*");
        assertThat(json.get("applied").asInt()).isEqualTo(Integer.parseInt(json.get("version").asText()));
        CliRun.Result again = CliRun.run("", "migrate", "--database", url, "--schema", "cli_migrate");
        assertThat(again.exit()).isZero();
        assertThat(InvoicingJson.parse(again.out().strip()).get("applied").asInt()).isZero();
        assertThat(InvoicingJson.parse(again.out().strip()).get("version")).isEqualTo(json.get("version"));
        assertThat(again.err()).as("nothing but the JSON answer").isEmpty();
    }

    @Test
    void migrate_badInput_exit2NamingTheOption() {
        CliRun.Result noUrl = CliRun.run("", "migrate");
        assertThat(noUrl.exit()).isEqualTo(2);
        assertThat(noUrl.errors().get(0).get("path").asText()).isEqualTo("--database");
        CliRun.Result badSchema = CliRun.run("", "migrate", "--database", url, "--schema", "Bad-Name");
        assertThat(badSchema.exit()).isEqualTo(2);
        assertThat(badSchema.errors().get(0).get("path").asText()).isEqualTo("--schema");
    }

    @Test
    void database_notAPostgresUrlOrUnreachable_exit2AndThePasswordIsNeverPrinted() {
        CliRun.Result other = CliRun.run("", "batch", "--database", "mysql://x?password=secret1");
        assertThat(other.exit()).isEqualTo(2);
        JsonNode e = other.errors().get(0);
        assertThat(e.get("path").asText()).isEqualTo("--database");
        assertThat(e.get("code").asText()).isEqualTo("invalid_value");
        assertThat(other.err()).doesNotContain("secret1");
        CliRun.Result closed = CliRun.run("{\"op\":\"list\",\"type\":\"invoice\"}", "batch", "--database",
                "jdbc:postgresql://127.0.0.1:1/none?user=u&password=secret2&connectTimeout=2");
        assertThat(closed.exit()).isEqualTo(2);
        assertThat(closed.errors().get(0).get("code").asText()).isEqualTo("unreachable");
        assertThat(closed.err()).doesNotContain("secret2");
    }

    @Test
    void batch_withDatabase_documentsOfOneRunAreThereForTheNextAndForExport(@TempDir Path dir) throws Exception {
        String create = "{\"op\":\"create\",\"type\":\"invoice\",\"body\":" + ITEM + ",\"is_draft\":true}}\n"
                + "{\"op\":\"finalize\",\"id\":\"$1\"}\n";
        CliRun.Result first = CliRun.run(create, "batch", "--database", url, "--now", "2026-03-15T10:00:00Z");
        assertThat(first.exit()).as(first.err()).isZero();
        List<JsonNode> out = lines(first.out());
        String id = out.get(0).get("id").asText();
        assertThat(out.get(1).get("number").asText()).isEqualTo("2026-00001");

        CliRun.Result second = CliRun.run(create + "{\"op\":\"get\",\"id\":\"" + id + "\"}\n"
                + "{\"op\":\"list\",\"type\":\"invoice\"}\n", "batch", "--database", url, "--now", "2026-03-16T10:00:00Z");
        assertThat(second.exit()).as(second.err()).isZero();
        List<JsonNode> next = lines(second.out());
        assertThat(next.get(1).get("number").asText()).as("numbering goes on across runs").isEqualTo("2026-00002");
        assertThat(next.get(2).get("number").asText()).isEqualTo("2026-00001");
        assertThat(next.get(3).toString()).contains(id, next.get(0).get("id").asText());

        CliRun.Result csv = CliRun.run("", "export", "--format", "csv", "--type", "invoice", "--database", url);
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).contains("2026-00001", "2026-00002");

        Path zip = dir.resolve("pdfs.zip");
        CliRun.Result pdfs = CliRun.run("", "export", "pdf-zip", "--from", "2026-01-01", "--to", "2026-12-31",
                "--out", zip.toString(), "--database", url);
        assertThat(pdfs.exit()).as(pdfs.err()).isZero();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.size()).isEqualTo(2);
        }
        assertThat(InvoicingJson.parse(pdfs.out().strip()).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void demo_withDatabaseTwice_writesTheSameDocumentsAsInMemory(@TempDir Path dir) throws Exception {
        Path memory = dir.resolve("memory");
        Path first = dir.resolve("db1");
        Path second = dir.resolve("db2");
        assertThat(CliRun.run("", "demo", "--out", memory.toString()).exit()).isZero();
        CliRun.Result one = CliRun.run("", "demo", "--out", first.toString(), "--database", url);
        assertThat(one.exit()).as(one.err()).isZero();
        CliRun.Result two = CliRun.run("", "demo", "--out", second.toString(), "--database", url);
        assertThat(two.exit()).as(two.err()).isZero();
        List<Path> files;
        try (var list = Files.list(memory.resolve("documents"))) {
            files = list.sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String expected = Files.readString(f);
            assertThat(Files.readString(first.resolve("documents").resolve(f.getFileName()))).as("%s", f.getFileName())
                    .isEqualTo(expected);
            assertThat(Files.readString(second.resolve("documents").resolve(f.getFileName()))).isEqualTo(expected);
        }
    }

    @Test
    void batch_embedded_runsOnAThrowawayServer() {
        CliRun.Result r = CliRun.run("{\"op\":\"create\",\"type\":\"invoice\",\"body\":" + ITEM + "}}\n",
                "batch", "--database", "embedded", "--now", "2026-03-15T10:00:00Z");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(lines(r.out()).get(0).get("number").asText()).isEqualTo("2026-00001");
    }

    @Test
    void export_withoutDatabase_stillReadsStdin() {
        CliRun.Result r = CliRun.run("", "export", "--format", "csv", "--type", "invoice");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors().get(0).get("code").asText()).isEqualTo("no_documents");
    }
}
