package eu.invoicing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.calc.CalculationOptions;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library used as named modules by a named host module, as an application on the module path uses it:
 * a tiny module {@code consumer} is compiled against the library's module descriptors and run in a child JVM
 * with {@code java --module-path ... -m consumer/consumer.Main}, without {@code --add-modules} or any other
 * option. It calculates an invoice, writes its JSON (also through a host mapper that found the
 * {@code InvoicingModule} by {@code ServiceLoader}), renders a PDF, writes e-SLOG XML (JAXB reflecting on the
 * opened binding package) and an XLSX list.
 *
 * <p>The module path holds only what the roots need: starting from the library modules, each module's
 * non-static {@code requires} and the providers of the services it {@code uses}, read from the jars and class
 * directories of this test's class path. A {@code requires} missing from a library's descriptor therefore
 * shows as a failure here (the module it names is not on the path) rather than being hidden by a class path.
 */
class NamedModuleConsumerTest {
    private static final List<String> LIBRARY = List.of("eu.invoicing.core", "eu.invoicing.rendering",
            "eu.invoicing.eslog", "eu.invoicing.export", "eu.invoicing.fiscal");
    private static final String REQUEST = "{\"number\":\"2026-00042\",\"is_draft\":false,\"date\":\"2026-03-02\","
            + "\"customer\":{\"name\":\"Kupec d.o.o.\",\"address\":\"Slovenska cesta 1\",\"post_code\":\"1000\","
            + "\"city\":\"Ljubljana\",\"country\":\"Slovenia\",\"country_code\":\"SI\",\"tax_number\":\"SI29383684\"},"
            + "\"items\":[{\"name\":\"Svetovanje\",\"quantity\":10,\"price\":100.05,\"unit\":\"h\","
            + "\"taxes\":[{\"rate\":22}]},{\"name\":\"Prevoz\",\"quantity\":1,\"price\":12.5,\"unit\":\"kos\","
            + "\"taxes\":[{\"rate\":9.5}]}]}";

    private static List<Path> modulePath;

    @TempDir
    Path dir;

    @BeforeAll
    static void resolveModulePath() {
        modulePath = modulePath(LIBRARY);
    }

    @Test
    void consumerModule_onTheModulePathWithoutAddModules_calculatesWritesJsonRendersAndExports() throws Exception {
        Path out = compile("consumer", """
                module consumer {
                    requires eu.invoicing.core;
                    requires eu.invoicing.rendering;
                    requires eu.invoicing.eslog;
                    requires eu.invoicing.export;
                }
                """, "consumer/Main.java", """
                package consumer;

                import com.fasterxml.jackson.databind.ObjectMapper;
                import eu.invoicing.core.calc.CalculationEngine;
                import eu.invoicing.core.calc.CalculationOptions;
                import eu.invoicing.core.json.InvoicingJson;
                import eu.invoicing.core.model.Document;
                import eu.invoicing.core.model.DocumentId;
                import eu.invoicing.core.model.DocumentRequest;
                import eu.invoicing.core.model.DocumentType;
                import eu.invoicing.core.model.Entity;
                import eu.invoicing.eslog.EslogContext;
                import eu.invoicing.eslog.EslogSerializer;
                import eu.invoicing.export.DocumentListExport;
                import eu.invoicing.export.DocumentListExporter;
                import eu.invoicing.export.ExportFormat;
                import eu.invoicing.rendering.PdfRenderer;
                import java.io.ByteArrayOutputStream;
                import java.nio.charset.StandardCharsets;
                import java.util.stream.Stream;

                public final class Main {
                    public static void main(String[] args) throws Exception {
                        Entity entity = Entity.sampleSlovenian();
                        DocumentRequest request = InvoicingJson.readRequest(args[0], DocumentType.INVOICE);
                        Document invoice = CalculationEngine.withDefaults().calculate(request.draft().values(), entity,
                                CalculationOptions.expecting(request.expectedTotalWithTax()))
                                .toBuilder().id(DocumentId.parse("inv_6595a27b5d35015c3ef0c3fe")).build();
                        System.out.println("total_with_tax=" + invoice.totalWithTax().toPlainString());
                        String json = InvoicingJson.writeDocument(invoice);
                        ObjectMapper host = new ObjectMapper().findAndRegisterModules();
                        System.out.println("host_modules=" + host.getRegisteredModuleIds()
                                + " version=" + InvoicingJson.module().version());
                        Document back = host.readValue(json, Document.class);
                        System.out.println("json_round_trip=" + back.equals(InvoicingJson.readDocument(json))
                                + " same_text=" + json.equals(host.writeValueAsString(back)));
                        byte[] pdf = PdfRenderer.create().render(invoice, entity);
                        System.out.println("pdf=" + new String(pdf, 0, 5, StandardCharsets.ISO_8859_1));
                        String xml = new EslogSerializer().toXml(invoice, EslogContext.forEntity(entity));
                        System.out.println("eslog_total=" + xml.contains(invoice.totalWithTax().toPlainString()));
                        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
                        long rows = DocumentListExporter.create().export(
                                DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX).build(),
                                () -> Stream.of(invoice), xlsx);
                        System.out.println("xlsx_rows=" + rows + " zip=" + (xlsx.toByteArray()[0] == 'P'));
                        System.out.println("modules=" + Main.class.getModule().getName() + ","
                                + CalculationEngine.class.getModule().getName() + ","
                                + PdfRenderer.class.getModule().getName() + ","
                                + EslogSerializer.class.getModule().getName() + ","
                                + DocumentListExporter.class.getModule().getName());
                    }
                }
                """);

        List<String> command = new ArrayList<>(List.of(javaExecutable(), "--module-path",
                join(prepend(out, modulePath)), "-m", "consumer/consumer.Main", REQUEST));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("child JVM ended").isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();

        DocumentRequest request = InvoicingJson.readRequest(REQUEST, DocumentType.INVOICE);
        Document expected = CalculationEngine.withDefaults().calculate(request.draft().values(), Entity.sampleSlovenian(),
                CalculationOptions.expecting(request.expectedTotalWithTax()));
        assertThat(output.lines()).containsExactly(
                "total_with_tax=" + expected.totalWithTax().toPlainString(),
                "host_modules=[eu.invoicing.core.json.InvoicingModule] version="
                        + System.getProperty("invoicing.project.version"),
                "json_round_trip=true same_text=true",
                "pdf=%PDF-",
                "eslog_total=true",
                "xlsx_rows=1 zip=true",
                "modules=consumer,eu.invoicing.core,eu.invoicing.rendering,eu.invoicing.eslog,eu.invoicing.export");
    }

    @Test
    void consumerModule_importingNonExportedPackages_doesNotCompile() throws Exception {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = javac(dir.resolve("src-bad"), dir.resolve("out-bad"), diagnostics, """
                module consumer {
                    requires eu.invoicing.core;
                    requires eu.invoicing.rendering;
                    requires eu.invoicing.eslog;
                    requires eu.invoicing.export;
                }
                """, "consumer/Bad.java", """
                package consumer;

                class Bad {
                    Object a = eu.invoicing.rendering.internal.Theme.class;
                    Object b = eu.invoicing.core.internal.fiscal.FursBarcode.class;
                    Object c = eu.invoicing.eslog.internal.xml.EslogJaxb.class;
                    Object d = eu.invoicing.export.internal.Column.class;
                }
                """);
        String messages = diagnostics.getDiagnostics().stream().map(d -> d.getMessage(null))
                .collect(Collectors.joining("\n"));
        assertThat(compiled).as("compiled; diagnostics:%n%s", messages).isFalse();
        assertThat(messages).contains(
                "package eu.invoicing.rendering.internal is declared in module eu.invoicing.rendering, which does not export it",
                "package eu.invoicing.core.internal.fiscal is declared in module eu.invoicing.core, which does not export it",
                "package eu.invoicing.eslog.internal.xml is declared in module eu.invoicing.eslog, which does not export it",
                "package eu.invoicing.export.internal is declared in module eu.invoicing.export, which does not export it");
    }

    @Test
    void modulePath_libraryModules_areNamedModulesWithDescriptors() {
        Map<String, ModuleDescriptor> found = new LinkedHashMap<>();
        for (ModuleReference r : ModuleFinder.of(modulePath.toArray(Path[]::new)).findAll()) {
            found.put(r.descriptor().name(), r.descriptor());
        }
        for (String name : LIBRARY) {
            assertThat(found).containsKey(name);
            assertThat(found.get(name).isAutomatic()).as("%s is automatic", name).isFalse();
            assertThat(found.get(name).exports()).as("%s exports", name)
                    .noneMatch(e -> e.source().contains(".internal"));
        }
    }

    @Test
    void fiscalConsumer_onTheModulePath_buildsAndSignsAFursBodyAndHidesTheInternals() throws Exception {
        Path out = compile("fiscal", """
                module fiscalconsumer {
                    requires eu.invoicing.fiscal;
                }
                """, "fiscalconsumer/Main.java", """
                package fiscalconsumer;

                import eu.invoicing.fiscal.FursEndpoints;
                import eu.invoicing.fiscal.ViesValidator;

                public final class Main {
                    public static void main(String[] args) {
                        System.out.println("furs=" + FursEndpoints.TEST.invoices());
                        System.out.println("vies=" + ViesValidator.VIES);
                        System.out.println("module=" + ViesValidator.class.getModule().getName());
                    }
                }
                """);
        Process process = new ProcessBuilder(javaExecutable(), "--module-path", join(prepend(out, modulePath)), "-m",
                "fiscalconsumer/fiscalconsumer.Main").redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("child JVM ended").isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output.lines()).containsExactly(
                "furs=https://blagajne-test.fu.gov.si:9002/v1/cash_registers/invoices",
                "vies=https://ec.europa.eu/taxation_customs/vies/rest-api", "module=eu.invoicing.fiscal");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled = javac(dir.resolve("src-fiscal-bad"), dir.resolve("out-fiscal-bad"), diagnostics, """
                module fiscalconsumer {
                    requires eu.invoicing.fiscal;
                }
                """, "fiscalconsumer/Bad.java", """
                package fiscalconsumer;

                class Bad {
                    Object a = eu.invoicing.fiscal.internal.Jws.class;
                }
                """);
        assertThat(compiled).isFalse();
        assertThat(diagnostics.getDiagnostics().stream().map(d -> d.getMessage(null)).collect(Collectors.joining()))
                .contains("package eu.invoicing.fiscal.internal is declared in module eu.invoicing.fiscal, "
                        + "which does not export it");
    }

    /** Compiles one module; fails the test with the diagnostics when it does not compile. */
    private Path compile(String name, String moduleInfo, String file, String source) throws IOException {
        Path out = dir.resolve("out-" + name);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac(dir.resolve("src-" + name), out, diagnostics, moduleInfo, file, source);
        assertThat(ok).as("consumer compiles; diagnostics:%n%s", diagnostics.getDiagnostics()).isTrue();
        return out;
    }

    private static boolean javac(Path src, Path out, DiagnosticCollector<JavaFileObject> diagnostics,
                                 String moduleInfo, String file, String source) throws IOException {
        Files.createDirectories(src.resolve(file).getParent());
        Files.createDirectories(out);
        Files.writeString(src.resolve("module-info.java"), moduleInfo);
        Files.writeString(src.resolve(file), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            // Only the module path: the in-process compiler would otherwise see this test's class path too.
            files.setLocation(StandardLocation.CLASS_PATH, List.of());
            List<String> options = List.of("--release", "17", "--module-path", join(modulePath), "-d", out.toString());
            StringWriter log = new StringWriter();
            return javac.getTask(log, files, diagnostics, options, null,
                    files.getJavaFileObjects(src.resolve("module-info.java"), src.resolve(file))).call();
        }
    }

    /**
     * The module path the roots need, from this test's class path: jars and class directories that are
     * modules (a class directory only with a {@code module-info.class}; the examples' own classes and the
     * test classes are not modules), closed over non-static {@code requires} and the providers of used
     * services. A required module that is neither there nor in the JDK fails the test.
     */
    static List<Path> modulePath(List<String> roots) {
        Map<String, ModuleReference> candidates = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p) || Files.isDirectory(p) && !Files.isRegularFile(p.resolve("module-info.class"))) {
                continue;
            }
            try {
                for (ModuleReference r : ModuleFinder.of(p).findAll()) {
                    candidates.putIfAbsent(r.descriptor().name(), r);
                }
            } catch (FindException e) {
                // not a usable module (e.g. a jar whose file name gives no valid module name): never needed
            }
        }
        Set<String> resolved = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!resolved.add(name)) {
                continue;
            }
            ModuleReference r = candidates.get(name);
            if (r == null) {
                assertThat(ModuleFinder.ofSystem().find(name))
                        .as("module %s, required on the way from %s, is on the class path or in the JDK", name, roots)
                        .isPresent();
                continue;
            }
            for (ModuleDescriptor.Requires q : r.descriptor().requires()) {
                if (!q.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                    todo.add(q.name());
                }
            }
            for (String service : r.descriptor().uses()) {
                for (ModuleReference provider : candidates.values()) {
                    if (provider.descriptor().provides().stream().anyMatch(p -> p.service().equals(service))) {
                        todo.add(provider.descriptor().name());
                    }
                }
            }
        }
        List<Path> path = new ArrayList<>();
        for (String name : resolved) {
            ModuleReference r = candidates.get(name);
            if (r != null) {
                path.add(Path.of(r.location().orElseThrow()));
            }
        }
        return path;
    }

    private static List<Path> prepend(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
