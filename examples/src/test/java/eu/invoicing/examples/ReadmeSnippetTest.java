package eu.invoicing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.TransactionType;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Using the library" snippet compiles verbatim with its imports and computes what it says. Its
 * statements are wrapped in a method; each line {@code expression; // → VALUE ...} states a result, which must be
 * what the expression gives ({@code String.valueOf}). The snippet must name its calculated document
 * {@code invoice}.
 */
class ReadmeSnippetTest {
    private static final String SECTION = "## Using the library";
    private static final Pattern STATED = Pattern.compile("^\\s*(.+?);\\s*//\\s*\u2192\\s*(\\S+?)(?::|\\s|$).*");

    @Test
    void usingTheLibrary_snippet_compilesRunsAndComputesWhatItStates(@TempDir Path classes) throws Exception {
        List<String> snippet = snippet(readme());
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        Map<String, String> stated = new LinkedHashMap<>();
        for (String line : snippet) {
            if (line.startsWith("import ")) {
                imports.add(line);
                continue;
            }
            body.add(line);
            Matcher m = STATED.matcher(line);
            if (m.matches()) {
                stated.put(m.group(1).trim(), m.group(2));
            }
        }
        assertThat(imports).as("the snippet's imports").isNotEmpty();
        assertThat(stated).as("results the snippet states").hasSizeGreaterThanOrEqualTo(2);

        Map<String, Object> results = run(source(imports, body, stated.keySet()), classes);

        stated.forEach((expression, value) -> assertThat(String.valueOf(results.get(expression)))
                .as("README states %s → %s", expression, value).isEqualTo(value));
        // The German B2B invoice is reverse-charged: no VAT, the clause printed, gross equal to net.
        Document invoice = (Document) results.get("invoice");
        assertThat(invoice.transactionType()).isEqualTo(TransactionType.INTRA_EU_B2B);
        assertThat(invoice.taxes()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.isReverseCharge()).isTrue();
            assertThat(t.amount()).isZero();
        });
        assertThat(invoice.taxClause()).isNotBlank();
        assertThat(invoice.totalWithTax()).isEqualByComparingTo(invoice.total());
    }

    /** The README of the checkout: walks up from the working directory (the module's) to the reactor root. */
    private static String readme() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path readme = dir.resolve("README.md");
            if (Files.isRegularFile(readme) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("examples"))) {
                return Files.readString(readme, StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    /** The lines of the first {@code ```java} block of the section. */
    private static List<String> snippet(String readme) {
        int section = readme.indexOf("\n" + SECTION + "\n");
        assertThat(section).as("README section " + SECTION).isNotNegative();
        int start = readme.indexOf("```java\n", section);
        int end = readme.indexOf("\n```", start + 1);
        int next = readme.indexOf("\n## ", section + 1);
        assertThat(start).as("a java block in " + SECTION).isPositive().isLessThan(next < 0 ? readme.length() : next);
        return readme.substring(start + "```java\n".length(), end).lines().toList();
    }

    private static String source(List<String> imports, List<String> body, Iterable<String> stated) {
        StringBuilder s = new StringBuilder();
        imports.forEach(i -> s.append(i).append('\n'));
        s.append("public final class ReadmeSnippet\n")
                .append("        implements java.util.function.Supplier<java.util.Map<String, Object>> {\n")
                .append("    @Override public java.util.Map<String, Object> get() {\n");
        body.forEach(line -> s.append("        ").append(line).append('\n'));
        s.append("        java.util.Map<String, Object> results = new java.util.HashMap<>();\n")
                .append("        results.put(\"invoice\", invoice);\n");
        for (String expression : stated) {
            s.append("        results.put(\"").append(expression.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\", ").append(expression).append(");\n");
        }
        return s.append("        return results;\n    }\n}\n").toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String source, Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK compiler").isNotNull();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///ReadmeSnippet.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = javac.getTask(null, null, diagnostics, List.of("-classpath", classPath, "-d",
                classes.toString(), "-proc:none", "-encoding", "UTF-8"), null, List.of(file)).call();
        List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null)).toList();
        assertThat(errors).as("compiling the README snippet:%n%s", source).isEmpty();
        assertThat(compiled).isTrue();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeSnippetTest.class.getClassLoader())) {
            Object snippet = loader.loadClass("ReadmeSnippet").getDeclaredConstructor().newInstance();
            return ((Supplier<Map<String, Object>>) snippet).get();
        }
    }
}
