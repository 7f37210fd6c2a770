package eu.invoicing.export.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.export.testing.ReadBack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The workbook around the cells: declared used range, document properties, package, odd values. */
class XlsxTableWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-03T10:15:30.123Z"), ZoneId.of("Europe/Ljubljana"));

    /** {@code width} text columns ("c0", "c1", ...), each cell "r<row>c<column>". */
    private static List<Column<Integer>> textColumns(int width) {
        List<Column<Integer>> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            int column = c;
            columns.add(Column.of("c" + c, CellKind.TEXT, r -> "r" + r + "c" + column));
        }
        return columns;
    }

    private static <R> byte[] write(List<Column<R>> columns, List<R> rows, Clock clock) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxTableWriter<R> writer = new XlsxTableWriter<>(out, "S", columns, "Invoicing", clock, rows.size());
        for (R row : rows) {
            writer.row(row);
        }
        writer.finish();
        return out.toByteArray();
    }

    private static List<Integer> rows(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @ParameterizedTest(name = "{0} columns, {1} rows: {2}")
    @CsvSource({
        "1, 0, A1",            // header only, one cell
        "3, 0, A1:C1",         // header only
        "3, 1, A1:C2",         // one row
        "26, 9, A1:Z10",
        "27, 1, A1:AA2",       // beyond Z
        "64, 8, A1:BL9",       // the invoice list's 64 columns, 8 invoices
        "64, 1029, A1:BL1030", // rows flushed in several batches
        "703, 2, A1:AAA3",
    })
    void finish_shapes_dimensionIsTheUsedRange(int width, int rowCount, String expected) throws IOException {
        byte[] xlsx = write(textColumns(width), rows(rowCount), CLOCK);

        assertThat(ReadBack.dimension(xlsx)).isEqualTo(expected);
        // And it is what a reader finds: the last row and column holding a cell.
        ReadBack.Sheet sheet = ReadBack.xlsx(xlsx);
        Row last = sheet.rows().get(sheet.rows().size() - 1);
        String lastCell = last.getCell(last.getCellCount() - 1).getAddress().toString();
        assertThat(expected).endsWith(lastCell);
        assertThat(sheet.rows()).hasSize(rowCount + 1);
    }

    @Test
    void finish_fixedClock_createdIsTheClocksInstantNotTheWallClock() throws IOException {
        byte[] xlsx = write(textColumns(2), rows(3), CLOCK);

        String core = ReadBack.xlsxParts(xlsx).get(XlsxTableWriter.CORE_PART);
        assertThat(core).contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-07-03T10:15:30Z</dcterms:created>");
    }

    @Test
    void finish_sameRowsAndClockTwice_byteIdenticalWorkbooks() throws IOException {
        List<Column<Integer>> columns = List.of(Column.of("Text", CellKind.TEXT, r -> "row " + r),
                Column.of("Amount", CellKind.NUMBER, r -> BigDecimal.valueOf(r * 101L, 2)),
                Column.of("Date", CellKind.DATE, r -> LocalDate.of(2024, 6, 1).plusDays(r % 30)),
                Column.of("At", CellKind.TIMESTAMP, r -> Instant.parse("2024-06-01T08:00:00Z").plusSeconds(r * 61L)));

        assertThat(write(columns, rows(1500), CLOCK)).isEqualTo(write(columns, rows(1500), CLOCK));
    }

    @Test
    void finish_package_everyPartReadableAndOnlyTheTwoRewrittenPartsChanged() throws IOException {
        Map<String, String> parts = ReadBack.xlsxParts(write(textColumns(3), rows(600), CLOCK));

        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "docProps/app.xml", XlsxTableWriter.CORE_PART,
                "xl/workbook.xml", "xl/_rels/workbook.xml.rels", XlsxTableWriter.SHEET_PART, "xl/styles.xml",
                "xl/sharedStrings.xml");
        String sheet = parts.get(XlsxTableWriter.SHEET_PART);
        assertThat(sheet).startsWith("<?xml").endsWith("</worksheet>").contains("<dimension ref=\"A1:C601\"/>")
                .doesNotContain("<dimension ref=\"A1\"/>").contains("<c r=\"C601\"");
        assertThat(parts.get("docProps/app.xml")).contains("<Application>Invoicing</Application>");
    }

    @Test
    void row_moreRowsThanDeclared_refused() throws IOException {
        XlsxTableWriter<Integer> writer = new XlsxTableWriter<>(new ByteArrayOutputStream(), "S", textColumns(2), "t", CLOCK, 1);
        writer.row(0);

        assertThatThrownBy(() -> writer.row(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("more rows than the 1 declared");
    }

    @Test
    void finish_fewerRowsThanDeclared_refused() throws IOException {
        XlsxTableWriter<Integer> writer = new XlsxTableWriter<>(new ByteArrayOutputStream(), "S", textColumns(2), "t", CLOCK, 2);
        writer.row(0);

        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class).hasMessage("2 rows declared, 1 written");
    }

    @Test
    void constructor_rowsBeyondASheet_refused() {
        assertThatThrownBy(() -> new XlsxTableWriter<>(new ByteArrayOutputStream(), "S", textColumns(1), "t", CLOCK,
                XlsxTableWriter.MAX_DATA_ROWS + 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows");
        assertThatThrownBy(() -> new XlsxTableWriter<>(new ByteArrayOutputStream(), "S", textColumns(1), "t", null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("clock");
    }

    @Test
    void row_datesTimesAndNumbersExcelCannotHold_writtenAsIsoTextLikeCsv() throws IOException {
        List<Object[]> values = List.of(
                new Object[] {LocalDate.of(1899, 12, 31), Instant.parse("1899-12-31T23:59:59Z"), new BigDecimal("1E+400")},
                new Object[] {LocalDate.of(10000, 1, 1), Instant.parse("+10000-01-01T00:00:00Z"), new BigDecimal("-1E+308")},
                new Object[] {LocalDate.MAX, Instant.MAX, new BigDecimal("1E-400")},
                new Object[] {LocalDate.MIN, Instant.MIN, new BigDecimal("0E-500")},
                new Object[] {LocalDate.of(1900, 1, 1), Instant.parse("9999-12-31T23:59:59Z"), new BigDecimal("-9.99E+307")});
        List<Column<Object[]>> columns = List.of(Column.of("Date", CellKind.DATE, r -> r[0]),
                Column.of("At", CellKind.TIMESTAMP, r -> r[1]), Column.of("Amount", CellKind.NUMBER, r -> r[2]));

        ReadBack.Sheet sheet = ReadBack.xlsx(write(columns, values, CLOCK));

        Function<Integer, Row> row = r -> sheet.rows().get(r + 1);
        for (int r = 0; r < 4; r++) {
            Object[] v = values.get(r);
            assertText(row.apply(r).getCell(0), v[0].toString());
            assertText(row.apply(r).getCell(1), v[1].toString());
        }
        assertText(row.apply(0).getCell(2), "1E+400");
        assertText(row.apply(1).getCell(2), "-1E+308");
        assertText(row.apply(2).getCell(2), "1E-400");
        // Zero (whatever its scale), and the limits Excel still holds, stay typed cells.
        Cell zero = row.apply(3).getCell(2);
        assertThat(zero.getType()).isEqualTo(CellType.NUMBER);
        ReadBack.assertXlsxCell(row.apply(4).getCell(0), LocalDate.of(1900, 1, 1), "first Excel date");
        ReadBack.assertXlsxCell(row.apply(4).getCell(1), Instant.parse("9999-12-31T23:59:59Z"), "last Excel second");
        ReadBack.assertXlsxCell(row.apply(4).getCell(2), new BigDecimal("-9.99E+307"), "large number Excel holds");
    }

    /** A value written as text: as is (it is a value, not user text, so not formula-neutralised). */
    private static void assertText(Cell cell, String text) {
        assertThat(cell.getType()).as(text).isEqualTo(CellType.STRING);
        assertThat(cell.getText()).isEqualTo(text);
    }

    @Test
    void usedRange_columnNames_likeExcel() {
        assertThat(List.of(0, 25, 26, 51, 52, 701, 702, 16383).stream().map(XlsxTableWriter::columnName))
                .containsExactly("A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD");
        assertThat(XlsxTableWriter.usedRange(0, 0)).isEqualTo("A1");
        assertThat(XlsxTableWriter.usedRange(1, 5)).isEqualTo("A1:A6");
    }

    @Test
    void constructor_utcOffsetClock_createdInUtc() throws IOException {
        Clock plusTwo = Clock.fixed(Instant.parse("2024-07-03T10:15:30Z"), ZoneOffset.ofHours(2));
        String core = ReadBack.xlsxParts(write(textColumns(1), rows(0), plusTwo)).get(XlsxTableWriter.CORE_PART);
        assertThat(core).contains(">2024-07-03T10:15:30Z<");
    }
}
