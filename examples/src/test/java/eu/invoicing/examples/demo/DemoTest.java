package eu.invoicing.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.EslogValidationStatus;
import eu.invoicing.core.model.TransactionType;
import eu.invoicing.eslog.EslogContext;
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.eslog.EslogSchema;
import eu.invoicing.eslog.EslogSerializer;
import eu.invoicing.eslog.EslogValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @Test
    void run_writesEveryCalculatedDocumentAndPrintsASummary(@TempDir Path out) throws Exception {
        StringWriter log = new StringWriter();
        Map<String, Document> docs = new Demo(out, new PrintWriter(log)).run();
        assertThat(docs).containsKeys("invoice-domestic", "invoice-reverse-charge", "estimate-usd", "credit-note");
        for (String name : docs.keySet()) {
            Path file = out.resolve("documents").resolve(name + ".json");
            assertThat(file).exists();
            assertThat(InvoicingJson.readDocument(Files.readString(file)))
                    .isEqualTo(docs.get(name));
        }
        assertThat(docs.get("invoice-domestic").totalWithTax()).isEqualByComparingTo("735.11");
        assertThat(docs.get("invoice-reverse-charge").transactionType()).isEqualTo(TransactionType.INTRA_EU_B2B);
        assertThat(docs.get("invoice-reverse-charge").totalWithTax()).isEqualByComparingTo(docs.get("invoice-reverse-charge").total());
        assertThat(docs.get("estimate-usd").totalConverted()).isNotNull();
        assertThat(docs.get("invoice-domestic").number()).isEqualTo("2026-00001");
        assertThat(docs.get("credit-note").number()).isEqualTo("DOB-2026-0001");
        assertThat(docs.values()).noneMatch(Document::isDraft);
        assertThat(docs.keySet()).anyMatch(k -> k.startsWith("story-"));
        assertThat(log.toString()).contains("Mojster Tisk d.o.o.", "invoice-domestic", "735.11");
        assertThat(log.toString()).contains("versions");
        try (var html = Files.list(out.resolve("html")); var pdf = Files.list(out.resolve("pdf"))) {
            assertThat(html.count()).isEqualTo(docs.size());
            assertThat(pdf.filter(p -> p.toString().endsWith(".pdf")).count()).isEqualTo(docs.size());
        }
        assertThat(Files.readString(out.resolve("html/invoice-domestic-modern-sl.html"))).contains("735,11");
    }

    @Test
    void run_eslog_everyDocumentWrittenAndValidButTheOneMeantToFail(@TempDir Path out) throws Exception {
        StringWriter log = new StringWriter();
        Map<String, Document> docs = new Demo(out, new PrintWriter(log)).run();
        EslogValidator validator = new EslogValidator(EslogSchema.load(Path.of(System.getProperty(
                "invoicing.shared.dir"), "standards", "eslog")), DemoData.CLOCK);
        EslogContext context = EslogContext.forEntity(DemoData.entity());
        List<String> written = new ArrayList<>();
        for (var e : docs.entrySet()) {
            Path xml = out.resolve("eslog").resolve(e.getKey() + ".xml");
            boolean eslogKind = e.getValue().type() != DocumentType.DELIVERY_NOTE;
            if (eslogKind && !e.getKey().equals(DemoData.ESLOG_INVALID)) {
                assertThat(xml).as(e.getKey()).isRegularFile();
                // The official XSD and the business rules, whether or not the demo ran with INVOICING_ESLOG_XSD.
                EslogValidation validation = validator.validate(e.getValue(), context);
                assertThat(validation.validationStatus()).as(e.getKey() + " " + validation)
                        .isEqualTo(EslogValidationStatus.VALID);
                assertThat(Files.readAllBytes(xml)).isEqualTo(new EslogSerializer().toBytes(e.getValue(), context));
                written.add(e.getKey());
            } else {
                assertThat(xml).as(e.getKey()).doesNotExist();
            }
        }
        assertThat(written).hasSize(docs.size() - 2);
        String eslogLog = log.toString().substring(log.toString().indexOf("e-SLOG 2.0"));
        for (String name : docs.keySet()) {
            assertThat(eslogLog).as("every document is in the e-SLOG list").contains(name);
        }
        assertThat(eslogLog).containsPattern("delivery-note +\\S+ +not written: .*type unsupported");
        assertThat(eslogLog).containsPattern(DemoData.ESLOG_INVALID + " +\\S+ +not written, invalid \\(on purpose\\): "
                + ".*customer.tax_number required.*unit required");
        assertThat(eslogLog).containsOnlyOnce("invalid");
    }

    @Test
    void run_exports_listTheNumberedDocumentsTheDemoCreated(@TempDir Path out) throws Exception {
        Map<String, Document> docs = new Demo(out, new PrintWriter(new StringWriter())).run();
        List<String> invoiceNumbers = docs.values().stream().filter(d -> d.type() == DocumentType.INVOICE)
                .map(Document::number).sorted().collect(Collectors.toList());
        List<String> csv = Files.readAllLines(out.resolve("exports/invoices.csv"));
        assertThat(csv.get(0)).startsWith("\uFEFF");
        List<String> csvNumbers = csv.subList(1, csv.size()).stream().map(line -> line.split(",")[1]).sorted()
                .collect(Collectors.toList());
        assertThat(csvNumbers).isEqualTo(invoiceNumbers).doesNotHaveDuplicates().allMatch(n -> n.startsWith("2026-"));
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook =
                     new org.dhatim.fastexcel.reader.ReadableWorkbook(out.resolve("exports/invoices.xlsx").toFile());
             var rows = workbook.getFirstSheet().openStream()) {
            List<String> xlsxNumbers = rows.skip(1).map(r -> r.getCell(1).getText()).sorted()
                    .collect(Collectors.toList());
            assertThat(xlsxNumbers).isEqualTo(invoiceNumbers);
        }
        try (Stream<Path> files = Files.list(out.resolve("exports"))) {
            Path zip = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                assertThat(Collections.list(archive.entries())).extracting(ZipEntry::getName)
                        .containsExactlyInAnyOrderElementsOf(docs.keySet().stream().map(n -> n + ".pdf").toList());
            }
        }
        assertThat(out.resolve("exports/jobs")).doesNotExist();
    }

    @Test
    void twoRuns_sameOutputs_byteIdentical(@TempDir Path first, @TempDir Path second) throws Exception {
        new Demo(first, new PrintWriter(new StringWriter())).run();
        new Demo(second, new PrintWriter(new StringWriter())).run();
        List<Path> files = files(first);
        assertThat(files).isEqualTo(files(second)).isNotEmpty();
        for (Path file : files) {
            String name = file.toString().replace('\\', '/');
            assertThat(firstDifference(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file))))
                    .as(name).isEmpty();
        }
    }

    @Test
    void run_everyDateWrittenIntoAFile_comesFromTheDemosClock(@TempDir Path out) throws Exception {
        // Two runs in the same second would agree even on the wall clock: pin the dates to the fixed clock.
        new Demo(out, new PrintWriter(new StringWriter())).run();
        LocalDateTime clock = LocalDateTime.ofInstant(DemoData.CLOCK.instant(), DemoData.CLOCK.getZone());
        String pdfDate = "/CreationDate(D:" + clock.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        for (Path pdf : files(out).stream().filter(p -> p.toString().endsWith(".pdf")).toList()) {
            assertThat(new String(Files.readAllBytes(out.resolve(pdf)), StandardCharsets.ISO_8859_1))
                    .as(pdf.toString()).contains(pdfDate);
        }
        for (Path file : files(out).stream().filter(p -> p.toString().endsWith(".zip")).toList()) {
            try (ZipFile zip = new ZipFile(out.resolve(file).toFile())) {
                assertThat(Collections.list(zip.entries())).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getTimeLocal()).isEqualTo(clock));
            }
        }
        for (Path file : files(out).stream().filter(p -> p.toString().endsWith(".xlsx")).toList()) {
            try (ZipFile zip = new ZipFile(out.resolve(file).toFile());
                 InputStream core = zip.getInputStream(zip.getEntry("docProps/core.xml"))) {
                assertThat(new String(core.readAllBytes(), StandardCharsets.UTF_8)).as(file.toString())
                        .contains(DateTimeFormatter.ISO_INSTANT.format(DemoData.CLOCK.instant()));
            }
        }
    }

    /** @return empty when equal, else the first differing offset with some context of both */
    private static String firstDifference(byte[] a, byte[] b) {
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        if (i == a.length && i == b.length) {
            return "";
        }
        int from = Math.max(0, i - 30);
        return "differ at byte " + i + ": ..." + new String(a, from, Math.min(a.length, i + 40) - from,
                java.nio.charset.StandardCharsets.ISO_8859_1) + "... vs ..." + new String(b, from,
                Math.min(b.length, i + 40) - from, java.nio.charset.StandardCharsets.ISO_8859_1) + "...";
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().collect(Collectors.toList());
        }
    }

}
