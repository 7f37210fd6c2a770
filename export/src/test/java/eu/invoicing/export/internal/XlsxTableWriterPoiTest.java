package eu.invoicing.export.internal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.export.DocumentListExport;
import eu.invoicing.export.DocumentListExporter;
import eu.invoicing.export.ExportFormat;
import eu.invoicing.export.safety.FormulaInjectionGuard;
import eu.invoicing.export.testing.ExpectedDocumentCells;
import eu.invoicing.export.testing.ReadBack;
import eu.invoicing.export.testing.SampleDocuments;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The workbook {@link XlsxTableWriter} writes, opened with Apache POI's {@link XSSFWorkbook}, a reader
 * independent of the one the other tests use (fastexcel-reader): types, number formats, the bold
 * frozen header with its filter and widths, and hostile text, inline and shared.
 */
class XlsxTableWriterPoiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-03T10:15:30Z"), ZoneOffset.UTC);

    /** Hostile or awkward text and what a reader must find (written literally, not computed). */
    private static final List<String[]> TEXTS = List.of(
            new String[] {"=HYPERLINK(\"http://evil\",\"click\")", "'=HYPERLINK(\"http://evil\",\"click\")"},
            new String[] {"+1+2", "'+1+2"},
            new String[] {"-2+3 Trading", "'-2+3 Trading"},
            new String[] {"@SUM(A1:A9)", "'@SUM(A1:A9)"},
            new String[] {"\tTabbed", "'\tTabbed"},
            new String[] {"\rReturned", "'\rReturned"},
            new String[] {"<b>x</b> &amp; ]]> \"q\" 'a'", "<b>x</b> &amp; ]]> \"q\" 'a'"},
            new String[] {"line 1\nline 2\r\nline 3\rend", "line 1\nline 2\r\nline 3\rend"},
            new String[] {"  padded  ", "  padded  "},
            new String[] {"bell\u0007 nul\u0000 fffe\uFFFE lone\uD800 end\uDC00",
                "bell\uFFFD nul\uFFFD fffe\uFFFD lone\uFFFD end\uFFFD"},
            new String[] {"Čokolada ž € Ω Ж 😀 \uD834\uDD1E", "Čokolada ž € Ω Ж 😀 \uD834\uDD1E"},
            new String[] {"</t></is></c><c r=\"Z1\"><v>1</v></c>", "</t></is></c><c r=\"Z1\"><v>1</v></c>"});

    private record Line(String text, Object number, LocalDate date, Instant at, Boolean flag) {
    }

    @Test
    void finish_hostileTextAndEveryKind_poiReadsTypesStylesAndText() throws IOException {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < TEXTS.size() * 2; i++) {
            // Every text twice in a row: the first inline, the second from the shared-string table.
            Object number = switch (i % 4) {
                case 0 -> new BigDecimal("1234.50");
                case 1 -> i;
                case 2 -> new BigDecimal("-0.125");
                default -> null;
            };
            lines.add(new Line(TEXTS.get(i / 2)[0], number, i % 5 == 4 ? null : LocalDate.of(2024, 2, 27).plusDays(i),
                    Instant.parse("2024-06-01T08:00:00Z").plusSeconds(i * 3_661L).plusMillis(i % 2 * 500),
                    i % 3 == 2 ? null : i % 2 == 0));
        }
        List<Column<Line>> columns = List.of(Column.sized("=Text", CellKind.TEXT, 40, Line::text),
                Column.of("Amount", CellKind.NUMBER, Line::number), Column.of("Date", CellKind.DATE, Line::date),
                Column.of("At", CellKind.TIMESTAMP, Line::at), Column.of("Flag", CellKind.BOOLEAN, Line::flag));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxTableWriter<Line> writer = new XlsxTableWriter<>(out, "Računi: 2024/06", columns, "Invoicing", CLOCK, lines.size());
        for (Line line : lines) {
            writer.row(line);
        }
        writer.finish();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Računi- 2024-06");
            XSSFRow header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("'=Text");
            for (int c = 0; c < columns.size(); c++) {
                assertThat(workbook.getFontAt(header.getCell(c).getCellStyle().getFontIndex()).getBold()).as("bold header").isTrue();
                assertThat(sheet.getColumnWidth(c)).as("width of column %d", c).isEqualTo(columns.get(c).width() * 256);
            }
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E1");
            assertThat(sheet.getLastRowNum()).isEqualTo(lines.size());

            for (int r = 0; r < lines.size(); r++) {
                Line line = lines.get(r);
                XSSFRow row = sheet.getRow(r + 1);
                String where = "row " + (r + 2);
                XSSFCell text = row.getCell(0);
                assertThat(text.getCellType()).as(where).isEqualTo(CellType.STRING);
                assertThat(text.getStringCellValue()).as(where).isEqualTo(TEXTS.get(r / 2)[1]);
                assertThat(workbook.getFontAt(text.getCellStyle().getFontIndex()).getBold()).as(where).isFalse();
                assertPoiCell(row.getCell(1), line.number(), where + " amount");
                assertPoiCell(row.getCell(2), line.date(), where + " date");
                assertPoiCell(row.getCell(3), line.at(), where + " at");
                assertPoiCell(row.getCell(4), line.flag(), where + " flag");
            }
        }
        String shared = ReadBack.xlsxParts(out.toByteArray()).get("xl/sharedStrings.xml");
        assertThat(shared.split("<si>", -1)).hasSize(TEXTS.size() + 1);
    }

    @Test
    void export_invoices_poiReadsEveryCellAsTheSource() throws IOException {
        List<Document> documents = SampleDocuments.stream(DocumentType.INVOICE, 60).collect(Collectors.toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocumentListExporter.create(CLOCK).export(DocumentListExport.builder(DocumentType.INVOICE, ExportFormat.XLSX).build(),
                documents::stream, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            XSSFRow header = sheet.getRow(0);
            List<Function<Document, Object>> expectations = new ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                String name = header.getCell(c).getStringCellValue();
                Function<Document, Object> fixed = ExpectedDocumentCells.fixedColumns().get(name);
                expectations.add(fixed != null ? fixed : ExpectedDocumentCells.taxColumn(name));
                assertThat(expectations.get(c)).as("expectation for %s", name).isNotNull();
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(documents.size());
            for (int r = 0; r < documents.size(); r++) {
                Document document = documents.get(r);
                for (int c = 0; c < expectations.size(); c++) {
                    Object expected = expectations.get(c).apply(document);
                    if (expected instanceof String text) {
                        expected = XmlText.clean(FormulaInjectionGuard.neutralise(text));
                    }
                    assertPoiCell(sheet.getRow(r + 1).getCell(c), expected,
                            document.id().value() + " / " + header.getCell(c).getStringCellValue());
                }
            }
        }
    }

    /** Checks a cell as POI reads it against the value written (text already as it must read). */
    private static void assertPoiCell(XSSFCell cell, Object expected, String where) {
        if (expected == null) {
            assertThat(cell).as("%s: no cell", where).isNull();
            return;
        }
        assertThat(cell).as("%s: cell present", where).isNotNull();
        String format = cell.getCellStyle().getDataFormatString();
        if (expected instanceof String text) {
            assertThat(cell.getCellType()).as(where).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).as(where).isEqualTo(text);
        } else if (expected instanceof BigDecimal number) {
            assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(cell.getNumericCellValue())).as(where).isEqualByComparingTo(number);
            assertThat(format).as(where).isEqualTo(number.scale() <= 0 ? "#,##0" : "#,##0." + "0".repeat(number.scale()));
            assertThat(DateUtil.isCellDateFormatted(cell)).as(where).isFalse();
        } else if (expected instanceof Integer number) {
            assertThat(cell.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).as(where).isEqualTo(number.doubleValue());
            assertThat(format).as(where).isEqualTo("#,##0");
        } else if (expected instanceof LocalDate date) {
            assertThat(DateUtil.isCellDateFormatted(cell)).as(where).isTrue();
            assertThat(format).as(where).isEqualTo("yyyy-mm-dd");
            assertThat(cell.getLocalDateTimeCellValue()).as(where).isEqualTo(date.atStartOfDay());
        } else if (expected instanceof Instant instant) {
            assertThat(DateUtil.isCellDateFormatted(cell)).as(where).isTrue();
            assertThat(format).as(where).isEqualTo("yyyy-mm-dd hh:mm:ss");
            assertThat(cell.getLocalDateTimeCellValue()).as(where).isEqualTo(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (expected instanceof Boolean bool) {
            assertThat(cell.getCellType()).as(where).isEqualTo(CellType.BOOLEAN);
            assertThat(cell.getBooleanCellValue()).as(where).isEqualTo(bool);
        } else {
            throw new AssertionError(where + ": unexpected type " + expected.getClass());
        }
    }
}
