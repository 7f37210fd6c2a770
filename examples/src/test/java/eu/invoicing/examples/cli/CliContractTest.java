package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit-code contract of every command: 0 success (nothing on stderr), 2 bad input (the first stderr
 * line is {@code {"errors":[{path,code,message}]}}), 1 only for a genuine internal failure: here a stdout
 * that refuses writes, as {@code > /dev/full} does.
 */
class CliContractTest {

    private static final String REQUEST = "{\"items\":[{\"name\":\"Web Development\",\"quantity\":10,\"price\":100,"
            + "\"taxes\":[{\"rate\":22}]}]}";
    private static final String RENDER = "{\"number\":\"2026-00001\",\"is_draft\":false,\"date\":\"2026-01-15\","
            + "\"customer\":{\"name\":\"Kupec d.o.o.\"},"
            + "\"items\":[{\"name\":\"Svetovanje\",\"quantity\":10,\"price\":100,\"taxes\":[{\"rate\":22}]}]}";
    private static final String ESLOG = "{\"number\":\"2026-00001\",\"date\":\"2026-03-02\","
            + "\"customer\":{\"name\":\"Kupec d.o.o.\",\"address\":\"Stara cesta 1\",\"post_code\":\"4000\","
            + "\"city\":\"Kranj\",\"country_code\":\"SI\",\"tax_number\":\"SI87654326\"},"
            + "\"items\":[{\"name\":\"Svetovanje\",\"quantity\":2,\"price\":50,\"unit\":\"HUR\",\"taxes\":[{\"rate\":22}]}]}";
    private static final String BATCH = "{\"op\":\"create\",\"type\":\"invoice\",\"body\":" + REQUEST + "}\n"
            + "{\"op\":\"get\",\"id\":\"$1\"}\n";

    @TempDir
    static Path dir;

    /**
     * One row of the table.
     *
     * @param name what is run
     * @param stdin the input
     * @param args the command line, given the test's directory
     * @param exit the expected exit code
     * @param path for exit 2: a path the errors must name
     * @param code for exit 2: that entry's code
     */
    record Case(String name, String stdin, Function<Path, String[]> args, int exit, String path, String code) {
        @Override
        public String toString() {
            return name + " -> " + exit;
        }
    }

    private static Case ok(String name, String stdin, Function<Path, String[]> args) {
        return new Case(name, stdin, args, 0, null, null);
    }

    private static Case bad(String name, String stdin, Function<Path, String[]> args, String path, String code) {
        return new Case(name, stdin, args, 2, path, code);
    }

    private static Function<Path, String[]> args(String... args) {
        return d -> args;
    }

    static String xsd() {
        return Path.of(System.getProperty("invoicing.shared.dir"), "standards", "eslog").toString();
    }

    private static String validXml() {
        return Path.of(xsd(), "derived", "minimal-invoice-380.xml").toString();
    }

    private static String otherEntityJsonl() {
        StringBuilder lines = new StringBuilder();
        for (String line : ExportCommandTest.jsonl().split("\n")) {
            Document d = InvoicingJson.readDocument(line).toBuilder().entityId("ent_00000000000000000000beef").build();
            lines.append(InvoicingJson.writeDocument(d)).append('\n');
        }
        return lines.toString();
    }

    /** Successful runs that write to stdout: with a stdout that refuses writes each must exit 1. */
    static List<Case> writesToStdout() {
        String docs = ExportCommandTest.jsonl();
        return List.of(
                ok("root --help", "", args("--help")),
                ok("calculate", REQUEST, args("calculate", "--type", "invoice")),
                ok("calculate --jsonl", REQUEST + "\n" + REQUEST + "\n", args("calculate", "--type", "invoice", "--jsonl")),
                ok("render html", RENDER, args("render", "--format", "html")),
                ok("render pdf", RENDER, args("render", "--format", "pdf")),
                ok("batch stdin", BATCH, args("batch")),
                ok("eslog --skip-xsd", ESLOG, args("eslog", "--skip-xsd")),
                ok("eslog --xsd", ESLOG, d -> new String[] {"eslog", "--xsd", xsd()}),
                ok("eslog validate", "", d -> new String[] {"eslog", "validate", "--xsd", xsd(), validXml()}),
                ok("eslog validate --skip-xsd", "", d -> new String[] {"eslog", "validate", "--skip-xsd", validXml()}),
                ok("export csv to stdout", docs, args("export", "--format", "csv", "--type", "invoice")),
                ok("export sales-per-item to stdout", docs, args("export", "sales-per-item", "--format", "csv",
                        "--from", "2024-06-01", "--to", "2024-06-30")),
                ok("export pdf-zip", docs, d -> new String[] {"export", "pdf-zip", "--from", "2024-06-01", "--to",
                        "2024-06-30", "--out", d.resolve("pdf.zip").toString()}),
                ok("export eslog-zip", docs, d -> new String[] {"export", "eslog-zip", "--from", "2024-06-01", "--to",
                        "2024-06-30", "--xsd", xsd(), "--out", d.resolve("eslog.zip").toString()}),
                ok("export eslog-zip --skip-xsd", docs, d -> new String[] {"export", "eslog-zip", "--from",
                        "2024-06-01", "--to", "2024-06-30", "--skip-xsd", "--out", d.resolve("eslog2.zip").toString()}),
                ok("demo", "", d -> new String[] {"demo", "--out", d.resolve("demo").toString()}));
    }

    static Stream<Case> cases() throws IOException {
        String docs = ExportCommandTest.jsonl();
        Path batchFile = Files.writeString(dir.resolve("ops.jsonl"), BATCH);
        Path aFile = Files.writeString(dir.resolve("a-file.txt"), "not a directory");
        List<Case> cases = new ArrayList<>(writesToStdout());
        cases.addAll(List.of(
                ok("batch FILE", "", args("batch", batchFile.toString())),
                ok("export csv --out", docs, d -> new String[] {"export", "--format", "csv", "--type", "invoice",
                        "--out", d.resolve("list.csv").toString()}),

                bad("no arguments", "", args(), "command", "required"),
                bad("unknown option", REQUEST, args("calculate", "--tpye", "invoice"), "--tpye", "unknown_option"),
                bad("missing required option", REQUEST, args("calculate"), "type", "required"),
                bad("calculate bad request", "{\"items\":[]}", args("calculate", "--type", "invoice"), "items", null),
                bad("calculate --jsonl bad line", REQUEST + "\nnot json\n", args("calculate", "--type", "invoice",
                        "--jsonl"), "lines[1]", "malformed_json"),
                bad("calculate --entity missing", REQUEST, args("calculate", "--type", "invoice", "--entity",
                        "/nonexistent/entity.json"), "--entity", "not_found"),
                bad("render bad format", RENDER, args("render", "--format", "docx"), "format", "invalid_value"),
                bad("calculate --jsonl empty stdin", "\n\n", args("calculate", "--type", "invoice", "--jsonl"),
                        "lines", "empty"),
                bad("batch empty stdin", "", args("batch"), "lines", "empty"),
                bad("batch missing FILE", "", args("batch", "/nonexistent.jsonl"), "FILE", "not_found"),
                bad("batch FILE is a directory", "", d -> new String[] {"batch", d.toString()}, "FILE", "unreadable"),
                bad("batch refused operation", "{\"op\":\"get\",\"id\":\"inv_000000000000000000000009\"}\n",
                        args("batch"), "lines[0]", "not_found"),
                bad("eslog invalid document", ESLOG.replace(",\"unit\":\"HUR\"", ""), args("eslog", "--skip-xsd"),
                        "items[0].unit", "required"),
                bad("eslog --xsd missing", ESLOG, args("eslog", "--xsd", "/nonexistent/xsd"), "xsd", "not_found"),
                bad("eslog validate missing FILE", "", d -> new String[] {"eslog", "validate", "--xsd", xsd(),
                        "/nonexistent.xml"}, "FILE", "not_found"),
                bad("eslog validate invalid XML", "", d -> new String[] {"eslog", "validate", "--xsd", xsd(),
                        aFile.toString()}, "/", "unreadable"),
                bad("export bad format", docs, args("export", "--format", "pdf", "--type", "invoice"), "format", null),
                bad("export selects nothing", docs, args("export", "--format", "csv", "--type", "invoice", "--from",
                        "2025-01-01", "--to", "2025-01-31"), "lines", "no_documents"),
                bad("export --out in a missing directory", docs, args("export", "--format", "csv", "--type", "invoice",
                        "--out", "/nonexistent/dir/list.csv"), "out", "unwritable"),
                bad("sales-per-item selects nothing", docs, args("export", "sales-per-item", "--format", "csv",
                        "--from", "2025-01-01", "--to", "2025-01-31"), "lines", "no_documents"),
                bad("pdf-zip documents of another entity", otherEntityJsonl(), d -> new String[] {"export", "pdf-zip",
                        "--from", "2024-06-01", "--to", "2024-06-30", "--out", d.resolve("other.zip").toString()},
                        "lines[0].entity_id", "entity_mismatch"),
                bad("pdf-zip selects nothing", docs, d -> new String[] {"export", "pdf-zip", "--from", "2025-01-01",
                        "--to", "2025-01-31", "--out", d.resolve("none.zip").toString()}, "lines", "no_documents"),
                bad("eslog-zip exports nothing", ExportCommandTest.jsonl().split("\n")[1] + "\n",
                        d -> new String[] {"export", "eslog-zip", "--from", "2024-06-01", "--to", "2024-06-30",
                                "--skip-xsd", "--out", d.resolve("invalid.zip").toString()}, "lines[0]", "skipped"),
                bad("demo --out under a file", "", d -> new String[] {"demo", "--out",
                        aFile.resolve("demo").toString()}, "out", "unwritable")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void execute_eachCommandAndOutcome_exitCodeAndStderrFollowTheContract(Case c) {
        CliRun.Result r = CliRun.run(c.stdin(), c.args().apply(dir));
        assertThat(r.exit()).as("%s\nstderr: %s", c, r.err()).isEqualTo(c.exit());
        if (c.exit() == 0) {
            assertThat(r.err()).as(c.name()).isEmpty();
            return;
        }
        JsonNode errors = r.errors();
        assertThat(errors).as(r.err()).isNotEmpty();
        for (JsonNode e : errors) {
            assertThat(e.has("path") && e.has("code") && e.has("message")).as(r.err()).isTrue();
        }
        assertThat(errors).as(r.err()).anySatisfy(e -> {
            assertThat(e.get("path").asText()).isEqualTo(c.path());
            if (c.code() != null) {
                assertThat(e.get("code").asText()).isEqualTo(c.code());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writesToStdout")
    void execute_stdoutRefusesWrites_exitsOneWithAMessage(Case c) throws IOException {
        CliRun.Result r = CliRun.runWithFullStdout(c.stdin(), c.args().apply(Files.createDirectories(dir.resolve("full"))));
        assertThat(r.exit()).as("%s\nstderr: %s", c, r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("invoicing: cannot write to standard output");
    }
}
