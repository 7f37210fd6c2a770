package eu.invoicing.export.internal;

import eu.invoicing.export.safety.FormulaInjectionGuard;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A {@link TableWriter} producing CSV with commons-csv: RFC 4180 (comma, double-quote quoting
 * when needed, CRLF line ends), UTF-8, optionally preceded by a byte order mark so that
 * spreadsheet programs detect UTF-8. Values are locale-neutral: numbers as plain decimals with a
 * dot, dates as {@code yyyy-MM-dd}, timestamps as ISO-8601 UTC ({@code ...Z}), booleans as
 * {@code true}/{@code false}, null as an empty field; text is neutralised against formula
 * injection, and a lone surrogate (which UTF-8 cannot encode) becomes U+FFFD, as in XLSX.
 *
 * <p>Mutable and not thread-safe.
 *
 * @param <R> the row source type
 */
public final class CsvTableWriter<R> implements TableWriter<R> {

    /** The UTF-8 byte order mark, as a character. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final byte[] REPLACEMENT_CHARACTER_UTF8 = "\uFFFD".getBytes(StandardCharsets.UTF_8);

    private final List<Column<R>> columns;
    private final Writer writer;
    private final CSVPrinter printer;
    private final String[] record;
    private long rows;

    /**
     * Writes the optional byte order mark and the header row.
     *
     * @param out the output, not null; not closed by the writer
     * @param columns the columns, not null
     * @param byteOrderMark whether to start with a UTF-8 byte order mark
     * @throws IOException if the output fails
     * @throws NullPointerException if an argument is null
     */
    public CsvTableWriter(OutputStream out, List<Column<R>> columns, boolean byteOrderMark) throws IOException {
        Objects.requireNonNull(out, "out");
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        // A lone surrogate (not encodable) becomes U+FFFD, as in XLSX; the JDK's default would be '?'.
        CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT_CHARACTER_UTF8);
        this.writer = new BufferedWriter(new OutputStreamWriter(out, utf8), 64 * 1024);
        if (byteOrderMark) {
            writer.write(BYTE_ORDER_MARK);
        }
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        this.record = new String[this.columns.size()];
        for (int c = 0; c < record.length; c++) {
            record[c] = FormulaInjectionGuard.neutralise(this.columns.get(c).header());
        }
        printer.printRecord((Object[]) record);
    }

    @Override
    public void row(R source) throws IOException {
        for (int c = 0; c < record.length; c++) {
            Column<R> column = columns.get(c);
            record[c] = text(column, column.value().apply(source));
        }
        printer.printRecord((Object[]) record);
        rows++;
    }

    private static String text(Column<?> column, Object value) {
        if (value == null) {
            return null;
        }
        return switch (column.kind()) {
            case TEXT -> FormulaInjectionGuard.neutralise(XlsxTableWriter.expect(column, value, String.class));
            case NUMBER -> value instanceof BigDecimal number ? number.toPlainString()
                    : XlsxTableWriter.expect(column, value, Integer.class).toString();
            case DATE -> XlsxTableWriter.expect(column, value, LocalDate.class).toString();
            case TIMESTAMP -> XlsxTableWriter.expect(column, value, Instant.class).toString();
            case BOOLEAN -> XlsxTableWriter.expect(column, value, Boolean.class).toString();
        };
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
        writer.flush();
    }

    @Override
    public long rowCount() {
        return rows;
    }
}
