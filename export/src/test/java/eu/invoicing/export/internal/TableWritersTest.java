package eu.invoicing.export.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.export.testing.ReadBack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class TableWritersTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-03T10:15:30Z"), ZoneOffset.UTC);

    private static final List<Column<Object>> WRONG_TYPE =
            List.of(Column.of("Amount", CellKind.NUMBER, row -> "12.00"));

    @Test
    void row_valueOfWrongTypeForKind_throwsNamingColumn() throws IOException {
        CsvTableWriter<Object> csv = new CsvTableWriter<>(new ByteArrayOutputStream(), WRONG_TYPE, false);
        assertThatThrownBy(() -> csv.row(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column \"Amount\" (NUMBER): expected Integer, was String");
        XlsxTableWriter<Object> xlsx = new XlsxTableWriter<>(new ByteArrayOutputStream(), "S", WRONG_TYPE, "t", CLOCK, 1);
        assertThatThrownBy(() -> xlsx.row(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Amount");
    }

    @Test
    void csv_negativeNumberStaysNumberWhileDashTextIsNeutralised() throws IOException {
        List<Column<Object[]>> columns = List.of(Column.of("Text", CellKind.TEXT, r -> (String) r[0]),
                Column.of("Amount", CellKind.NUMBER, r -> (BigDecimal) r[1]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter<Object[]> csv = new CsvTableWriter<>(out, columns, false);
        csv.row(new Object[] {"-5", new BigDecimal("-5.00")});
        csv.row(new Object[] {null, new BigDecimal("1E+3")});
        csv.finish();
        assertThat(csv.rowCount()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Text,Amount\r\n'-5,-5.00\r\n,1000\r\n");
    }

    @Test
    void csv_loneSurrogates_replacedByReplacementCharacterLikeXlsxNotQuestionMark() throws IOException {
        List<Column<String>> columns = List.of(Column.of("Name", CellKind.TEXT, r -> r));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter<String> csv = new CsvTableWriter<>(out, columns, false);
        csv.row("lone \uD83D high");
        csv.row("lone \uDE00 low, pair \uD83D\uDE00 kept");
        csv.finish();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Name\r\nlone \uFFFD high\r\n\"lone \uFFFD low, pair \uD83D\uDE00 kept\"\r\n");
    }

    @Test
    void numberFormat_scaleOfValue_decidesDecimals() {
        assertThat(XlsxTableWriter.numberFormat(new BigDecimal("1.5"))).isEqualTo("#,##0.0");
        assertThat(XlsxTableWriter.numberFormat(new BigDecimal("0.921500"))).isEqualTo("#,##0.000000");
        assertThat(XlsxTableWriter.numberFormat(new BigDecimal("1E+3"))).isEqualTo("#,##0");
    }

    @Test
    void column_longHeader_widenedButCapped() {
        assertThat(Column.of("Total with tax (converted)", CellKind.NUMBER, r -> null).width()).isEqualTo(28);
        assertThat(Column.of("x".repeat(100), CellKind.TEXT, r -> null).width()).isEqualTo(Column.MAX_WIDTH);
        assertThat(Column.of("Date", CellKind.DATE, r -> null).width()).isEqualTo(12);
    }

    @Test
    void amounts_atCurrencyScale_widensExactlyNeverRounds() {
        assertThat(Amounts.atCurrencyScale(new BigDecimal("100"), CurrencyCode.of("EUR"))).isEqualTo(new BigDecimal("100.00"));
        assertThat(Amounts.atCurrencyScale(new BigDecimal("100.123"), CurrencyCode.of("EUR"))).isEqualTo(new BigDecimal("100.123"));
        assertThat(Amounts.atCurrencyScale(new BigDecimal("100"), CurrencyCode.of("JPY"))).isEqualTo(new BigDecimal("100"));
        assertThat(Amounts.atCurrencyScale(null, CurrencyCode.of("EUR"))).isNull();
    }

    @Test
    void xmlTextClean_forbiddenCharacters_replacedValidKept() {
        assertThat(XmlText.clean("a\u0001b\u0000c\uFFFEd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(XmlText.clean("tab\tnl\ncr\r č \uD83D\uDE00")).isEqualTo("tab\tnl\ncr\r č \uD83D\uDE00");
        assertThat(XmlText.clean("lone \uD83D surrogate")).isEqualTo("lone \uFFFD surrogate");
        String clean = "nothing to do";
        assertThat(XmlText.clean(clean)).isSameAs(clean);
        assertThat(XmlText.clean(null)).isNull();
    }

    @Test
    void xlsx_sparseColumnsOfMixedScales_everyCellHasItsOwnFormatAndEmptyCellsStayAbsent() throws IOException {
        // Crosses batch boundaries; the pair A/B is present or absent together (styled as one range),
        // C differs from B on some rows, D/E are sparse dates and timestamps.
        List<Column<Integer>> columns = List.of(
                Column.of("A", CellKind.NUMBER, r -> sparseAmount(r)),
                Column.of("B", CellKind.NUMBER, r -> sparseAmount(r)),
                Column.of("C", CellKind.NUMBER, r -> r % 5 == 0 ? null : BigDecimal.valueOf(r, r % 11 == 0 ? 1 : 2)),
                Column.of("D", CellKind.DATE, r -> r % 2 == 0 ? null : LocalDate.of(2024, 1, 1).plusDays(r % 400)),
                Column.of("E", CellKind.TIMESTAMP, r -> r % 4 == 1 ? null
                        : r == 7 ? Instant.parse("1899-12-31T23:00:00Z") : Instant.ofEpochSecond(1_700_000_000L + r * 61L)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = 1101;
        XlsxTableWriter<Integer> xlsx = new XlsxTableWriter<>(out, "S", columns, "t", CLOCK, rows);
        for (int r = 0; r < rows; r++) {
            xlsx.row(r);
        }
        xlsx.finish();
        ReadBack.Sheet sheet = ReadBack.xlsx(out.toByteArray());
        assertThat(sheet.rows()).hasSize(rows + 1);
        for (int r = 0; r < rows; r++) {
            Row row = sheet.rows().get(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                Object expected = columns.get(c).value().apply(r);
                String where = "row " + r + " column " + columns.get(c).header();
                Cell cell = row.getOptionalCell(c).orElse(null);
                if (expected == null) {
                    assertThat(cell == null || cell.getType() == CellType.EMPTY && cell.getDataFormatString() == null)
                            .as("%s: absent, not a formatted blank, was %s", where, cell).isTrue();
                } else if (expected instanceof BigDecimal number) {
                    ReadBack.assertXlsxCell(cell, expected, where);
                    assertThat(cell.getDataFormatString()).as(where).isEqualTo(XlsxTableWriter.numberFormat(number));
                } else if (r == 7 && c == 4) {
                    // Before 1900 Excel has no serial: ISO text, as in CSV.
                    ReadBack.assertXlsxCell(cell, expected.toString(), where);
                } else {
                    ReadBack.assertXlsxCell(cell, expected, where);
                }
            }
        }
    }

    private static BigDecimal sparseAmount(int r) {
        return r % 3 == 0 ? null : BigDecimal.valueOf(r * 7L, r % 7 == 0 ? 3 : 2);
    }

    @Test
    void xlsx_repeatedTexts_sharedUpToBoundStillNeutralisedAndCleaned() throws IOException {
        // A: constant and dangerous; B: pairs of equal texts, more pairs than the shared table takes;
        // C: a repeated text with a character XML cannot carry; D: never repeats.
        List<Column<Integer>> columns = List.of(
                Column.of("A", CellKind.TEXT, r -> "=HYPERLINK(\"x\")"),
                Column.of("B", CellKind.TEXT, r -> "pair " + r / 2),
                Column.of("C", CellKind.TEXT, r -> r % 3 == 0 ? null : "bell\u0007 & <co>"),
                Column.of("D", CellKind.TEXT, r -> "row " + r));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = XlsxTableWriter.MAX_SHARED_STRINGS * 2 + 300;
        XlsxTableWriter<Integer> xlsx = new XlsxTableWriter<>(out, "S", columns, "t", CLOCK, rows);
        for (int r = 0; r < rows; r++) {
            xlsx.row(r);
        }
        xlsx.finish();
        ReadBack.Sheet sheet = ReadBack.xlsx(out.toByteArray());
        assertThat(sheet.rows()).hasSize(rows + 1);
        for (int r = 0; r < rows; r++) {
            Row row = sheet.rows().get(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                Object expected = columns.get(c).value().apply(r);
                if (expected != null) {
                    expected = XmlText.clean((String) expected);
                }
                ReadBack.assertXlsxCell(row.getOptionalCell(c).orElse(null), expected, "row " + r + " column " + c);
            }
        }
        assertThat(sharedStringCount(out.toByteArray())).isEqualTo(XlsxTableWriter.MAX_SHARED_STRINGS);
    }

    private static int sharedStringCount(byte[] xlsx) throws IOException {
        return ReadBack.xlsxParts(xlsx).get("xl/sharedStrings.xml").split("<si>", -1).length - 1;
    }
}
