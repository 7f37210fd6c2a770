package eu.invoicing.export.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableWritersTest {

    private static final List<Column<Object>> WRONG_TYPE =
            List.of(Column.of("Amount", CellKind.NUMBER, row -> "12.00"));

    @Test
    void row_valueOfWrongTypeForKind_throwsNamingColumn() throws IOException {
        CsvTableWriter<Object> csv = new CsvTableWriter<>(new ByteArrayOutputStream(), WRONG_TYPE, false);
        assertThatThrownBy(() -> csv.row(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column \"Amount\" (NUMBER): expected Integer, was String");
        XlsxTableWriter<Object> xlsx = new XlsxTableWriter<>(new ByteArrayOutputStream(), "S", WRONG_TYPE, "t");
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
        assertThat(Amounts.atCurrencyScale(new BigDecimal("100"), "EUR")).isEqualTo(new BigDecimal("100.00"));
        assertThat(Amounts.atCurrencyScale(new BigDecimal("100.123"), "EUR")).isEqualTo(new BigDecimal("100.123"));
        assertThat(Amounts.atCurrencyScale(new BigDecimal("100"), "JPY")).isEqualTo(new BigDecimal("100"));
        assertThat(Amounts.atCurrencyScale(new BigDecimal("1"), "XXQ")).isEqualTo(new BigDecimal("1"));
        assertThat(Amounts.atCurrencyScale(null, "EUR")).isNull();
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
}
