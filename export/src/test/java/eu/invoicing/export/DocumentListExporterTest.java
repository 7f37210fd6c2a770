package eu.invoicing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.export.i18n.ExportLanguage;
import eu.invoicing.export.testing.ExpectedDocumentCells;
import eu.invoicing.export.testing.ReadBack;
import eu.invoicing.export.testing.SampleDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentListExporterTest {

    private static final DocumentListExporter EXPORTER = DocumentListExporter.create();

    private static List<Document> sample(DocumentType type, int n) {
        return SampleDocuments.stream(type, n).collect(Collectors.toList());
    }

    private static byte[] export(DocumentListExport request, List<Document> documents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EXPORTER.export(request, documents::stream, out);
        return out.toByteArray();
    }

    private static Function<Document, Object> expectation(String header) {
        Function<Document, Object> fixed = ExpectedDocumentCells.fixedColumns().get(header);
        Function<Document, Object> tax = ExpectedDocumentCells.taxColumn(header);
        assertThat(fixed != null || tax != null).as("column \"%s\" has an independent expectation", header).isTrue();
        return fixed != null ? fixed : tax;
    }

    @ParameterizedTest
    @EnumSource(DocumentType.class)
    void export_xlsxEveryKind_everyCellMatchesSourceWithTypes(DocumentType type) throws IOException {
        List<Document> documents = sample(type, 60);
        byte[] xlsx = export(DocumentListExport.builder(type, ExportFormat.XLSX).build(), documents);

        ReadBack.Sheet sheet = ReadBack.xlsx(xlsx);
        List<String> header = sheet.header();
        assertThat(header).doesNotHaveDuplicates();
        assertThat(sheet.rows()).hasSize(documents.size() + 1);
        for (int r = 0; r < documents.size(); r++) {
            Document document = documents.get(r);
            Row row = sheet.rows().get(r + 1);
            for (int c = 0; c < header.size(); c++) {
                Object expected = expectation(header.get(c)).apply(document);
                ReadBack.assertXlsxCell(row.getCell(c), expected, document.id().value() + " / " + header.get(c));
            }
        }
    }

    @Test
    void export_xlsxInvoices_taxColumnsPerRatePresentAndPaymentColumns() throws IOException {
        List<Document> documents = sample(DocumentType.INVOICE, 40);
        List<String> header = ReadBack.xlsx(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX)
                .build(), documents)).header();
        assertThat(header).containsSubsequence("Total with tax", "Rounding correction", "Tax base 0 %", "Tax 0 %",
                "Tax base 5 %", "Tax 5 %", "Tax base 9.5 %", "Tax 9.5 %", "Tax base 22 %", "Tax 22 %", "Paid",
                "Amount due", "Paid in full", "Payments");
        assertThat(header).contains("Customer: Tax number", "Issuer: Tax number", "Total with tax (converted)",
                "Voided at");
        assertThat(header).doesNotContain("Valid until", "Prices hidden");
    }

    /** Issue 11, the reference: "language ... Defaults to the entity locale when omitted." */
    @Test
    void export_entityGivenWithoutLanguage_headersInTheEntitysLanguage() throws IOException {
        List<Document> documents = sample(DocumentType.INVOICE, 5);
        Entity austrian = SampleDocuments.ENTITY.toBuilder().locale("de-AT").build();
        List<String> german = ReadBack.xlsx(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX)
                .language(ExportLanguage.DE).build(), documents)).header();
        List<String> byEntity = ReadBack.xlsx(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX)
                .entity(austrian).build(), documents)).header();
        assertThat(byEntity).isEqualTo(german).doesNotContain("Total with tax");
        List<String> given = ReadBack.xlsx(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX)
                .language(ExportLanguage.EN).entity(austrian).build(), documents)).header();
        assertThat(given).contains("Total with tax");
        assertThat(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV).build().language())
                .isEqualTo(ExportLanguage.EN);
        assertThat(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV).entity(SampleDocuments.ENTITY)
                .build().language()).isEqualTo(ExportLanguage.SL);
        assertThat(SalesPerItemExport.of(ExportPeriod.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                ExportFormat.CSV, austrian).language()).isEqualTo(ExportLanguage.DE);
    }

    @Test
    void export_csvWithBom_everyFieldMatchesSource() throws IOException {
        List<Document> documents = sample(DocumentType.INVOICE, 60);
        byte[] csv = export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV).byteOrderMark(true).build(),
                documents);

        List<CSVRecord> records = ReadBack.csv(csv, true);
        List<String> header = records.get(0).toList();
        assertThat(records).hasSize(documents.size() + 1);
        for (int r = 0; r < documents.size(); r++) {
            Document document = documents.get(r);
            CSVRecord record = records.get(r + 1);
            assertThat(record.size()).isEqualTo(header.size());
            for (int c = 0; c < header.size(); c++) {
                Object expected = expectation(header.get(c)).apply(document);
                ReadBack.assertCsvField(record.get(c), expected, document.id().value() + " / " + header.get(c));
            }
        }
    }

    @Test
    void export_csv_isRfc4180WithCrlfAndQuotedSpecials() throws IOException {
        List<Document> documents = sample(DocumentType.INVOICE, 5);
        String csv = new String(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV).build(),
                documents), StandardCharsets.UTF_8);
        assertThat(csv).doesNotStartWith("\uFEFF").startsWith("ID,Number,Draft,Date,");
        assertThat(csv).contains("\r\n").contains("\"Thank you, \"\"friend\"\"; see you\r\nsoon\"");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"");
        assertThat(csv).contains(",'-2+3 Trading,").contains(",'@Mention GmbH,").contains(",'+30 days,");
    }

    @Test
    void export_hostileCustomerNames_neutralisedInXlsx() throws IOException {
        List<Document> documents = sample(DocumentType.INVOICE, 8);
        ReadBack.Sheet sheet = ReadBack.xlsx(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX)
                .build(), documents));
        int nameColumn = sheet.header().indexOf("Customer: Name");
        List<String> names = new ArrayList<>();
        for (Row row : sheet.rows().subList(1, sheet.rows().size())) {
            names.add(row.getCellText(nameColumn));
        }
        assertThat(names).contains("'=HYPERLINK(\"http://evil\",\"click\")", "'-2+3 Trading", "'@Mention GmbH",
                "'\tTabbed Ltd", "Kupec d.o.o.", "Čokolada, \"Sladko\" s.p.");
    }

    @Test
    void export_xlsx_headerBoldFrozenWithWidthsAndAutofilter() throws IOException {
        byte[] xlsx = export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX).build(),
                sample(DocumentType.INVOICE, 3));
        Map<String, String> parts = zipParts(xlsx);
        String sheetXml = parts.get("xl/worksheets/sheet1.xml");
        assertThat(sheetXml).contains("<pane xSplit=\"0\" ySplit=\"1\"").contains("state=\"frozen\"");
        assertThat(sheetXml).contains("<autoFilter ref=\"A1:");
        assertThat(sheetXml).containsPattern("<col min=\"1\" max=\"1\" width=\"28");
        assertThat(parts.get("xl/styles.xml")).contains("<b/>");
        // Unique texts stay inline; only texts repeating down a column are shared, in a table whose
        // bound TableWritersTest checks.
        assertThat(sheetXml).contains("<c r=\"A2\" t=\"inlineStr\"><is><t>inv_");
    }

    @Test
    void export_periodFilterAndSearch_selectOnlyMatchingDocuments() throws IOException {
        List<Document> documents = sample(DocumentType.INVOICE, 60);
        Document deleted = documents.get(0).toBuilder().deletedAt(Instant.parse("2024-07-01T00:00:00Z")).build();
        List<Document> withTrash = new ArrayList<>(documents);
        withTrash.set(0, deleted);
        withTrash.addAll(sample(DocumentType.ESTIMATE, 5));
        DocumentListExport request = DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV)
                .period(ExportPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 10)))
                .filter(d -> !d.isDraft())
                .search("KUPEC D.O.O")
                .build();
        List<CSVRecord> records = ReadBack.csv(export(request, withTrash), false);

        List<String> expectedIds = documents.stream()
                .filter(d -> d != documents.get(0))
                .filter(d -> !d.date().isAfter(LocalDate.of(2024, 6, 10)) && !d.isDraft())
                .filter(d -> d.customer() != null && d.customer().name().equals("Kupec d.o.o."))
                .map(d -> d.id().value()).collect(Collectors.toList());
        assertThat(expectedIds).isNotEmpty();
        assertThat(records.subList(1, records.size()).stream().map(r -> r.get(0))).containsExactlyElementsOf(expectedIds);
    }

    @Test
    void export_entityScoped_otherEntitysDocumentsLeftOut() throws IOException {
        List<Document> documents = new ArrayList<>(sample(DocumentType.INVOICE, 4));
        documents.set(1, documents.get(1).toBuilder().entityId("ent_other").build());
        List<CSVRecord> records = ReadBack.csv(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV)
                .entityId(SampleDocuments.ENTITY.id()).build(), documents), false);
        assertThat(records.subList(1, records.size()).stream().map(r -> r.get(0)))
                .containsExactly(documents.get(0).id().value(), documents.get(2).id().value(), documents.get(3).id().value());
    }

    @Test
    void export_coreQuery_selectsLikeTheListEndpoints() throws IOException {
        List<Document> documents = sample(DocumentType.INVOICE, 40);
        List<CSVRecord> records = ReadBack.csv(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV)
                .query("{\"total\":{\"gte\":200},\"customer.name\":{\"contains\":\"d.o.o\"}}").build(), documents), false);
        List<String> expected = documents.stream()
                .filter(d -> d.total().compareTo(new java.math.BigDecimal("200")) >= 0)
                .filter(d -> d.customer() != null && d.customer().name().toLowerCase().contains("d.o.o"))
                .map(d -> d.id().value()).collect(Collectors.toList());
        assertThat(expected).isNotEmpty();
        assertThat(records.subList(1, records.size()).stream().map(r -> r.get(0))).containsExactlyElementsOf(expected);
    }

    @Test
    void query_unknownField_validationErrorAtQuery() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DocumentListExport.builder(DocumentType.INVOICE,
                        ExportFormat.CSV).query("{\"colour\":\"red\"}"))
                .isInstanceOfSatisfying(eu.invoicing.core.ValidationException.class,
                        e -> assertThat(e.violations().get(0).path()).startsWith("query"));
    }

    @Test
    void export_searchMatchesMetadataValues() throws IOException {
        List<Document> documents = sample(DocumentType.INVOICE, 20);
        List<CSVRecord> records = ReadBack.csv(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV)
                .search("ord-12").build(), documents), false);
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get(0)).isEqualTo(documents.get(12).id().value());
    }

    @Test
    void export_germanHeaders_translatedIncludingTaxAndPartyColumns() throws IOException {
        byte[] xlsx = export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX)
                .language(ExportLanguage.DE).build(), sample(DocumentType.INVOICE, 10));
        ReadBack.Sheet sheet = ReadBack.xlsx(xlsx);
        assertThat(sheet.name()).isEqualTo("Rechnungen");
        assertThat(sheet.header()).startsWith("ID", "Nummer", "Entwurf", "Datum", "Fälligkeitsdatum")
                .contains("Steuer 9,5 %", "Bemessungsgrundlage 22 %", "Kunde: Steuernummer", "Aussteller: Name");
    }

    @Test
    void export_noDocuments_headerOnly() throws IOException {
        List<CSVRecord> records = ReadBack.csv(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.CSV)
                .build(), List.of()), false);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).toList()).doesNotContain("Tax base 22 %");
        assertThat(ReadBack.xlsx(export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX).build(),
                List.of())).rows()).hasSize(1);
    }

    @Test
    void export_xlsxEightInvoices_dimensionIsTheUsedRangeNotA1() throws IOException {
        byte[] xlsx = export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX).build(),
                sample(DocumentType.INVOICE, 8));

        ReadBack.Sheet sheet = ReadBack.xlsx(xlsx);
        Row header = sheet.rows().get(0);
        String lastColumn = header.getCell(header.getCellCount() - 1).getAddress().toString().replaceAll("[0-9]", "");
        assertThat(ReadBack.dimension(xlsx)).isEqualTo("A1:" + lastColumn + sheet.rows().size()).endsWith("9");
    }

    @Test
    void export_xlsxSameDocumentsAndFixedClockTwice_byteIdentical() throws IOException {
        DocumentListExporter exporter = DocumentListExporter.create(CLOCK);
        DocumentListExport request = DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX).build();
        List<Document> documents = sample(DocumentType.INVOICE, 30);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        exporter.export(request, documents::stream, first);
        exporter.export(request, documents::stream, second);

        assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
        assertThat(ReadBack.xlsxParts(first.toByteArray()).get("docProps/core.xml"))
                .contains(">2024-07-03T10:15:30Z</dcterms:created>");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void export_secondOpeningYieldsMoreDocuments_refusedNamingTheSource(ExportFormat format) {
        List<List<Document>> openings = List.of(List.of(doc(0)), List.of(doc(0), doc(3)));

        assertThatThrownBy(() -> exportOpenings(format, openings)).isInstanceOf(InvoicingException.class)
                .hasMessageContaining("documents: the source yielded different documents when opened the second time")
                .hasMessageContaining("more than the 1 documents of the first");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void export_secondOpeningYieldsFewerDocuments_refused(ExportFormat format) {
        List<List<Document>> openings = List.of(List.of(doc(0), doc(3)), List.of(doc(0)));

        assertThatThrownBy(() -> exportOpenings(format, openings)).isInstanceOf(InvoicingException.class)
                .hasMessageContaining("1 documents instead of the 2 of the first");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void export_secondOpeningHasATaxRateTheFirstLacked_refusedNotSilentlyDropped(ExportFormat format) {
        // doc(0) has only 22 %, doc(6) only 5 %: without the check its tax would vanish from the row.
        List<List<Document>> openings = List.of(List.of(doc(0)), List.of(doc(6)));

        assertThatThrownBy(() -> exportOpenings(format, openings)).isInstanceOf(InvoicingException.class)
                .hasMessageContaining("document " + doc(6).id().value() + " has the tax rate 5 %, which the first did not have");
    }

    @Test
    void export_xlsxMoreDocumentsThanASheetHolds_validationErrorBeforeWriting() {
        Document one = doc(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocumentListExport request = DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX).build();

        assertThatThrownBy(() -> EXPORTER.export(request, () -> Stream.generate(() -> one).limit(1_048_576), out))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.path()).isEqualTo("format");
                            assertThat(v.code()).isEqualTo("too_many_rows");
                            assertThat(v.message()).contains("1048575", "1048576");
                        }));
        assertThat(out.size()).isZero();
    }

    private static final java.time.Clock CLOCK =
            java.time.Clock.fixed(Instant.parse("2024-07-03T10:15:30Z"), java.time.ZoneOffset.UTC);

    private static Document doc(int i) {
        return SampleDocuments.document(DocumentType.INVOICE, i, LocalDate.of(2024, 6, 1));
    }

    /** Exports from a source whose n-th opening yields {@code openings.get(n)}. */
    private static void exportOpenings(ExportFormat format, List<List<Document>> openings) throws IOException {
        AtomicInteger opened = new AtomicInteger();
        EXPORTER.export(DocumentListExport.builder(DocumentType.INVOICE, format).build(),
                () -> openings.get(opened.getAndIncrement()).stream(), new ByteArrayOutputStream());
    }

    private static Map<String, String> zipParts(byte[] zip) throws IOException {
        return ReadBack.xlsxParts(zip);
    }
}
