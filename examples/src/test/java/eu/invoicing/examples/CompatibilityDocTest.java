package eu.invoicing.examples;

import eu.invoicing.core.testing.SharedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/compatibility.md true (issue 11, "Proof"): every endpoint and parameter of the five
 * reference documents has its row, every status is yes / differs / n/a with a reason for differs,
 * and every test the page names exists.
 */
class CompatibilityDocTest {
    private static final List<String> REFERENCES = List.of("estimates", "advance-invoices", "credit-notes", "exports",
            "export-tracking");
    private static final Pattern ENDPOINT = Pattern.compile("^(?:Endpoint: )?(GET|POST|PATCH|DELETE) ?(/\\S+)$");
    /** A parameter line of the reference: the name, then its type and flags run together ({@code localestringoptional}). */
    private static final Pattern PARAMETER = Pattern.compile("^([a-zA-Z_][a-zA-Z0-9_]*?)"
            + "(string<[a-z-]+>|string|number|integer|boolean|object|array of strings|array of objects|array of numbers"
            + "|array)?(required|optional|nullable)+$");
    /** A parameter row of the export-tracking document's tables ({@code system_id | string | Yes | ...}). */
    private static final Pattern TABLE_PARAMETER = Pattern.compile("^([a-z_]+) \\| ");
    private static final Pattern TEST_NAME = Pattern.compile("\\b([A-Z][A-Za-z0-9]*Test)(?:#([a-zA-Z0-9_]+))?\\b");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String doc;
    private static Map<String, String[]> rows;

    @BeforeAll
    static void read() throws IOException {
        doc = Files.readString(ROOT.resolve("docs/compatibility.md"), StandardCharsets.UTF_8);
        rows = new LinkedHashMap<>();
        for (String line : doc.split("\n")) {
            String[] cells = Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            // | reference | `METHOD path` | parameters | status | notes |
            if (cells.length == 7 && REFERENCES.contains(cells[1]) && cells[2].startsWith("`")) {
                rows.put(cells[1] + " " + cells[2].replace("`", ""), cells);
            }
        }
    }

    /** Endpoint ({@code reference METHOD path}) to its parameters, in the reference's order. */
    private static Map<String, Set<String>> referenceParameters() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String reference : REFERENCES) {
            String endpoint = null;
            boolean inParameters = false;
            for (String line : SharedFiles.read("reference/" + reference + "-api.txt").split("\n")) {
                Matcher e = ENDPOINT.matcher(line);
                if (e.matches()) {
                    endpoint = reference + " " + e.group(1) + " " + e.group(2);
                    out.putIfAbsent(endpoint, new LinkedHashSet<>());
                    inParameters = reference.equals("export-tracking");
                } else if (endpoint != null && (line.endsWith("parameters") || line.equals("Other parameters"))) {
                    inParameters = true;
                } else if (line.startsWith("curl")) {
                    inParameters = false;
                } else if (endpoint != null && inParameters) {
                    Matcher p = PARAMETER.matcher(line);
                    Matcher t = TABLE_PARAMETER.matcher(line);
                    if (p.matches()) {
                        out.get(endpoint).add(p.group(1));
                    } else if (reference.equals("export-tracking") && t.find()) {
                        out.get(endpoint).add(t.group(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void endpointTable_listsEveryEndpointAndParameterOfTheReference() {
        Map<String, Set<String>> reference = referenceParameters();
        assertThat(reference).hasSizeGreaterThan(60);
        assertThat(reference.values().stream().mapToInt(Set::size).sum()).isGreaterThan(300);
        List<String> missing = new ArrayList<>();
        reference.forEach((endpoint, parameters) -> {
            String[] row = rows.get(endpoint);
            if (row == null) {
                missing.add(endpoint + " (no row)");
                return;
            }
            Set<String> listed = Arrays.stream(row[3].split(",")).map(String::strip).collect(Collectors.toSet());
            for (String parameter : parameters) {
                if (!listed.contains(parameter)) {
                    missing.add(endpoint + " " + parameter);
                }
            }
        });
        assertThat(missing).as("reference endpoints and parameters missing from docs/compatibility.md").isEmpty();
        assertThat(rows.keySet()).as("rows for endpoints the reference does not have").isSubsetOf(reference.keySet());
    }

    @Test
    void endpointTable_everyStatusIsKnownAndEveryDifferenceSaysWhy() {
        assertThat(rows).isNotEmpty();
        rows.forEach((endpoint, row) -> {
            assertThat(row[4]).as(endpoint).isIn("yes", "differs", "n/a");
            if (!row[4].equals("yes")) {
                assertThat(row[5]).as(endpoint + ": why").isNotBlank();
            }
        });
    }

    @Test
    void namedTests_exist() throws IOException {
        Map<String, Path> sources;
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            sources = files.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith("Test.java"))
                    .collect(Collectors.toMap(p -> p.getFileName().toString().replace(".java", ""), p -> p,
                            (a, b) -> a));
        }
        Matcher m = TEST_NAME.matcher(doc);
        int named = 0;
        List<String> unknown = new ArrayList<>();
        while (m.find()) {
            named++;
            Path source = sources.get(m.group(1));
            if (source == null) {
                unknown.add(m.group());
            } else if (m.group(2) != null && !read(source).contains(" void " + m.group(2) + "(")) {
                unknown.add(m.group());
            }
        }
        assertThat(named).isGreaterThan(30);
        assertThat(unknown).as("tests named in docs/compatibility.md that do not exist").isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
