package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    static String jsonl() {
        Entity entity = Entity.sampleSlovenian();
        CalculationEngine engine = CalculationEngine.withDefaults();
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            Document draft = Document.builder(DocumentType.INVOICE)
                    .id(new DocumentId(DocumentType.INVOICE, "inv_" + String.format("%024d", i)))
                    .draft(false).date(LocalDate.of(2024, 6, i)).issuer(entity.asIssuer())
                    .customer(i == 2 ? Party.named("=cmd|' /C calc'!A0") : Party.builder().name("Kupec " + i)
                            .address("Stara cesta 1").postCode("4000").city("Kranj").countryCode("SI")
                            .taxNumber("SI87654321").build())
                    .item(LineItem.builder().name("Svetovanje").itemId("itm_1").quantity("2").price("50").unit("HUR")
                            .tax("22").build())
                    .build();
            Document calculated = engine.calculate(draft, entity).toBuilder().number("2024-0000" + i).build();
            lines.append(InvoicingJson.writeDocument(calculated)).append('\n');
        }
        return lines.toString();
    }

    @Test
    void export_csvInvoices_writesRowsWithNeutralisedText() throws IOException {
        Path out = dir.resolve("invoices.csv");
        CalculateCommandTest.Run r = CalculateCommandTest.run(jsonl(), "export", "--format", "csv", "--type", "invoice",
                "--from", "2024-06-01", "--to", "2024-06-30", "--bom", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFID,Number,Draft,Date,");
        assertThat(lines).hasSize(4);
        try (CSVParser parser = CSVParser.parse(Files.readString(out, StandardCharsets.UTF_8).substring(1),
                CSVFormat.RFC4180)) {
            List<CSVRecord> records = parser.getRecords();
            List<String> header = records.get(0).toList();
            List<Document> sources = jsonl().lines().map(InvoicingJson::readDocument).collect(Collectors.toList());
            for (int i = 0; i < sources.size(); i++) {
                CSVRecord record = records.get(i + 1);
                assertThat(record.get(header.indexOf("Number"))).isEqualTo(sources.get(i).number());
                String total = record.get(header.indexOf("Total with tax"));
                assertThat(total).matches("[0-9]+\\.[0-9]{2}");
                assertThat(new java.math.BigDecimal(total)).isEqualByComparingTo(sources.get(i).totalWithTax());
                assertThat(record.get(header.indexOf("Date"))).isEqualTo(sources.get(i).date().toString());
            }
        }
        assertThat(lines.get(2)).contains("inv_000000000000000000000002,2024-00002,false,2024-06-02,")
                .contains(",'=cmd|' /C calc'!A0,");
    }

    /**
     * Issue 11, the reference: "language ... Defaults to the entity locale when omitted"; a language
     * value may also be a locale tag (de-AT gives German headers).
     */
    @Test
    void export_entityLocaleOrTag_headersInThatLanguage() throws IOException {
        Path entity = dir.resolve("entity.json");
        Files.writeString(entity, InvoicingJson.writeEntity(Entity.sampleSlovenian().toBuilder().locale("de-AT").build()));
        Path byEntity = dir.resolve("by-entity.csv");
        CalculateCommandTest.Run r = CalculateCommandTest.run(jsonl(), "export", "--format", "csv", "--type", "invoice",
                "--entity", entity.toString(), "--out", byEntity.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(byEntity, StandardCharsets.UTF_8).get(0)).contains("Nummer", "Datum");
        Path byTag = dir.resolve("by-tag.csv");
        r = CalculateCommandTest.run(jsonl(), "export", "--format", "csv", "--type", "invoice", "--language", "de-AT",
                "--out", byTag.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readString(byTag)).isEqualTo(Files.readString(byEntity));
        r = CalculateCommandTest.run(jsonl(), "export", "--format", "csv", "--type", "invoice", "--language", "de-!!");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"path\":\"language\"");
    }

    @Test
    void export_xlsxGermanToFile_isAWorkbook() throws IOException {
        Path out = dir.resolve("invoices.xlsx");
        CalculateCommandTest.Run r = CalculateCommandTest.run(jsonl(), "export", "--format", "xlsx", "--type", "invoice",
                "--language", "de", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<Document> sources = jsonl().lines().map(InvoicingJson::readDocument).collect(Collectors.toList());
        try (ReadableWorkbook workbook = new ReadableWorkbook(out.toFile());
             Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Rechnungen");
            List<Row> rows = stream.collect(Collectors.toList());
            List<String> header = rows.get(0).stream().map(Cell::getText).collect(Collectors.toList());
            assertThat(rows).hasSize(sources.size() + 1);
            for (int i = 0; i < sources.size(); i++) {
                Document source = sources.get(i);
                Row row = rows.get(i + 1);
                assertThat(row.getCell(header.indexOf("Nummer")).getText()).isEqualTo(source.number());
                Cell date = row.getCell(header.indexOf("Datum"));
                assertThat(date.getType()).isEqualTo(CellType.NUMBER);
                assertThat(date.asDate().toLocalDate()).isEqualTo(source.date());
                Cell total = row.getCell(header.indexOf("Brutto gesamt"));
                assertThat(total.getType()).isEqualTo(CellType.NUMBER);
                assertThat(total.asNumber()).isEqualByComparingTo(source.totalWithTax());
                assertThat(row.getCell(header.indexOf("Steuer 22 %")).asNumber())
                        .isEqualByComparingTo(source.taxes().get(0).amount());
                assertThat(row.getCell(header.indexOf("Entwurf")).getType()).isEqualTo(CellType.BOOLEAN);
            }
        }
    }

    @Test
    void salesPerItem_csv_aggregatesAcrossLines() throws IOException {
        Path out = dir.resolve("sales.csv");
        CalculateCommandTest.Run r = CalculateCommandTest.run(jsonl(), "export", "sales-per-item", "--format", "csv",
                "--from", "2024-06-01", "--to", "2024-06-30", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactly(
                "Item ID,Item,Unit,Currency,Quantity sold,Quantity returned,Net quantity,Average price,"
                        + "Total without tax,Total with tax",
                "itm_1,Svetovanje,HUR,EUR,6,0,6,50.00,300.00,366.00");
    }

    @Test
    void pdfZip_range_writesZipOfPdfsAndPrintsCompletedJob() throws IOException {
        Path out = dir.resolve("pdfs.zip");
        CalculateCommandTest.Run r = CalculateCommandTest.run(jsonl(), "export", "pdf-zip", "--from", "2024-06-01",
                "--to", "2024-06-02", "--out", out.toString());
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("\"status\":\"completed\"", "\"total_docs\":2",
                "\"file_name\":\"primer_d_o_o_documents_2024-06-01_2024-06-02.zip\"");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.toFile())) {
            assertThat(java.util.Collections.list(zip.entries())).extracting(java.util.zip.ZipEntry::getName)
                    .containsExactly("2024-00001.pdf", "2024-00002.pdf");
            assertThat(new String(zip.getInputStream(zip.getEntry("2024-00001.pdf")).readNBytes(5),
                    StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    @Test
    void pdfZip_ids_archivesThoseAndListsAnUnknownIdAsSkipped() throws IOException {
        // exports-api: "document_ids ... Specific document IDs to export."; an unknown id is listed, not dropped.
        Path out = dir.resolve("ids.zip");
        CliRun.Result r = CliRun.run(jsonl(), "export", "pdf-zip", "--ids",
                "inv_000000000000000000000003,inv_0000000000000000000000ff", "--ids", "inv_000000000000000000000001",
                "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        var job = InvoicingJson.parse(r.out());
        assertThat(job.get("total_docs").asInt()).isEqualTo(3);
        assertThat(job.get("result").get("exported").asInt()).isEqualTo(2);
        assertThat(job.get("result").get("skipped_documents").get(0).get("document_id").asText())
                .isEqualTo("inv_0000000000000000000000ff");
        assertThat(job.get("result").get("skipped_documents").get(0).get("reason").asText()).startsWith("not found");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.toFile())) {
            assertThat(java.util.Collections.list(zip.entries())).extracting(java.util.zip.ZipEntry::getName)
                    .containsExactlyInAnyOrder("2024-00003.pdf", "2024-00001.pdf");
        }
    }

    @Test
    void pdfZip_onlyUnknownIds_exitTwoAndNoArchive() {
        Path out = dir.resolve("none.zip");
        CliRun.Result r = CliRun.run(jsonl(), "export", "pdf-zip", "--ids", "inv_0000000000000000000000ff",
                "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"code\":\"skipped\"", "inv_0000000000000000000000ff", "not found");
        assertThat(out).doesNotExist();
    }

    @Test
    void eslogZip_range_archivesValidDocumentsAsXml() throws IOException {
        Path out = dir.resolve("eslog.zip");
        String xsd = SharedFiles.root().resolve("standards/eslog").toString();
        CalculateCommandTest.Run r = CalculateCommandTest.run(jsonl(), "export", "eslog-zip", "--from", "2024-06-01",
                "--to", "2024-06-30", "--xsd", xsd, "--out", out.toString());
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("\"status\":\"completed\"", "\"total_docs\":3", "\"exported\":2",
                "\"file_name\":\"primer_d_o_o_eslog_2024-06-01_2024-06-30.zip\"",
                "\"document_id\":\"inv_000000000000000000000002\"", "e-SLOG invalid: ");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.toFile())) {
            List<String> names = java.util.Collections.list(zip.entries()).stream()
                    .map(java.util.zip.ZipEntry::getName).collect(java.util.stream.Collectors.toList());
            assertThat(names).containsExactly("2024-00001.xml", "2024-00003.xml");
            String xml = new String(zip.getInputStream(zip.getEntry(names.get(0))).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(xml).contains("urn:eslog:2.00");
        }
    }

    @Test
    void pdfZip_completed_fileUrlIsTheWrittenArchive() throws IOException {
        Path out = dir.resolve("sub").resolve("pdfs.zip");
        Files.createDirectories(out.getParent());
        CliRun.Result r = CliRun.run(jsonl(), "export", "pdf-zip", "--from", "2024-06-01", "--to", "2024-06-30",
                "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String url = InvoicingJson.parse(r.out()).get("file_url").asText();
        assertThat(url).isEqualTo(out.toAbsolutePath().toUri().toString());
        assertThat(Path.of(java.net.URI.create(url))).isRegularFile();
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).containsExactly(out);
        }
    }

    @Test
    void pdfZip_documentsOfAnotherEntity_refusedNamingThemAndNoArchive() {
        StringBuilder other = new StringBuilder();
        for (String line : jsonl().split("\n")) {
            other.append(InvoicingJson.writeDocument(InvoicingJson.readDocument(line).toBuilder()
                    .entityId("ent_00000000000000000000beef").build())).append('\n');
        }
        Path out = dir.resolve("other.zip");
        CliRun.Result r = CliRun.run(other.toString(), "export", "pdf-zip", "--from", "2024-06-01", "--to",
                "2024-06-30", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errors()).hasSize(3);
        assertThat(r.err()).contains("\"path\":\"lines[2].entity_id\"", "inv_000000000000000000000003",
                "ent_00000000000000000000beef", "--entity");
        assertThat(out).doesNotExist();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void eslogZip_everyDocumentInvalid_exitTwoListingThemAndNoArchive() {
        Path out = dir.resolve("none.zip");
        CliRun.Result r = CliRun.run(jsonl().split("\n")[1] + "\n", "export", "eslog-zip", "--from", "2024-06-01",
                "--to", "2024-06-30", "--skip-xsd", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"path\":\"lines[0]\"", "\"code\":\"skipped\"", "2024-00002",
                "customer.tax_number");
        assertThat(out).doesNotExist();
    }

    @Test
    void export_selectsNothing_exitTwoAndNoFile() {
        Path out = dir.resolve("empty.csv");
        CliRun.Result r = CliRun.run(jsonl(), "export", "--format", "csv", "--type", "estimate", "--out",
                out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"code\":\"no_documents\"", "estimate");
        assertThat(out).doesNotExist();
    }

    @Test
    void pdfZip_missingOutAndRange_exitTwo() {
        CalculateCommandTest.Run r = CalculateCommandTest.run(jsonl(), "export", "pdf-zip");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"path\":\"out\"", "\"path\":\"date_from\"", "\"path\":\"date_to\"");
    }

    @Test
    void export_query_filtersLikeTheListEndpoints() throws IOException {
        Path out = dir.resolve("query.csv");
        CalculateCommandTest.Run r = CalculateCommandTest.run(jsonl(), "export", "--format", "csv", "--type", "invoice",
                "--query", "{\"number\":{\"endsWith\":\"3\"}}", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("inv_000000000000000000000003,2024-00003,");
        CalculateCommandTest.Run bad = CalculateCommandTest.run(jsonl(), "export", "--format", "csv", "--type", "invoice",
                "--query", "{\"colour\":1}");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("\"path\":\"query");
    }

    @Test
    void export_badOptionsAndBadLine_exitTwoWithEveryError() {
        CalculateCommandTest.Run r = CalculateCommandTest.run("{}\n", "export", "--format", "pdf", "--type", "bill",
                "--from", "2024-01-01", "--to", "2025-06-01");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("\"path\":\"format\"", "\"path\":\"type\"", "\"path\":\"date_to\"");

        CalculateCommandTest.Run bad = CalculateCommandTest.run(jsonl() + "not json\n", "export", "sales-per-item",
                "--format", "csv", "--from", "2024-06-01", "--to", "2024-06-30");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("\"path\":\"lines[3]\"");
    }
}
