package eu.invoicing.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportDemoOutputTest {

    @TempDir
    Path out;

    @Test
    void write_demoDocuments_xlsxCsvSalesSheetAndPdfZip() throws IOException {
        Entity entity = DemoData.entity();
        Map<String, Document> calculated = new LinkedHashMap<>();
        DemoData.drafts().forEach((name, draft) ->
                calculated.put(name, CalculationEngine.withDefaults().calculate(draft, entity)));
        StringWriter log = new StringWriter();
        ExportDemoOutput.write(calculated, entity, out, new PrintWriter(log));

        Path exports = out.resolve("exports");
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook =
                     new org.dhatim.fastexcel.reader.ReadableWorkbook(exports.resolve("invoices.xlsx").toFile());
             var rows = workbook.getFirstSheet().openStream()) {
            List<org.dhatim.fastexcel.reader.Row> all = rows.collect(java.util.stream.Collectors.toList());
            List<Document> sourceInvoices = calculated.values().stream()
                    .filter(d -> d.type().name().equals("INVOICE")).collect(java.util.stream.Collectors.toList());
            assertThat(all).hasSize(sourceInvoices.size() + 1);
            for (int i = 0; i < sourceInvoices.size(); i++) {
                org.dhatim.fastexcel.reader.Row row = all.get(i + 1);
                assertThat(row.getCell(1).getText()).startsWith("DEMO-");
                assertThat(row.getCell(3).asDate().toLocalDate()).isEqualTo(sourceInvoices.get(i).date());
            }
        }
        assertThat(exports.resolve("sales-per-item.xlsx")).isNotEmptyFile();
        long invoices = calculated.values().stream().filter(d -> d.type().name().equals("INVOICE")).count();
        List<String> csv = Files.readAllLines(exports.resolve("invoices.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).startsWith("\uFEFF");
        assertThat(csv.stream().filter(line -> line.contains(",DEMO-"))).hasSize((int) invoices);
        try (var files = Files.list(exports)) {
            Path zip = files.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                assertThat(Collections.list(archive.entries())).extracting(ZipEntry::getName)
                        .hasSize(calculated.size()).contains("invoice-domestic.pdf", "credit-note.pdf");
            }
        }
        assertThat(exports.resolve("jobs")).doesNotExist();
        assertThat(log.toString()).contains("sales-per-item.xlsx", "completed");
    }
}
