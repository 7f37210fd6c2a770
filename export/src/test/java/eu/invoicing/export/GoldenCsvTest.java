package eu.invoicing.export;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.export.i18n.ExportLanguage;
import eu.invoicing.export.testing.SampleDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Golden CSV files for the document list (Slovenian headers; hostile customer names, quotes, line breaks,
 * a USD invoice, a paid and a voided one) and for sales per item, reviewed by eye once and pinned. After an
 * intended change, run with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenCsvTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ExportPeriod JUNE = ExportPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));

    @Test
    void export_invoiceListCsvInSlovenian_matchesTheGoldenFile() throws IOException {
        List<Document> invoices = SampleDocuments.stream(DocumentType.INVOICE, 14).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocumentListExporter.create().export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV)
                .language(ExportLanguage.SL).period(JUNE).build(), invoices::stream, out);
        assertGolden("invoices-sl.csv", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void export_salesPerItemCsv_matchesTheGoldenFile() throws IOException {
        List<Document> documents = Stream.of(DocumentType.INVOICE, DocumentType.ADVANCE_INVOICE, DocumentType.CREDIT_NOTE)
                .flatMap(type -> SampleDocuments.stream(type, 6)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SalesPerItemExporter.create().export(SalesPerItemExport.of(JUNE, ExportFormat.CSV), documents.stream(), out);
        assertGolden("sales-per-item.csv", out.toString(StandardCharsets.UTF_8));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
