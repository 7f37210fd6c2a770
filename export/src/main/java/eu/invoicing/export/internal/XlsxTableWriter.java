package eu.invoicing.export.internal;

import eu.invoicing.export.safety.FormulaInjectionGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A {@link TableWriter} producing an XLSX workbook with one sheet, streamed with fastexcel:
 * rows are flushed to the output every {@value #FLUSH_EVERY} rows, strings are written inline
 * (no shared-string table growing in memory), numbers are numeric cells with a number format of
 * the value's scale, dates and timestamps are date cells (timestamps in UTC), characters XML
 * cannot carry are replaced ({@link XmlText}), the header row is
 * bold, frozen and has an auto-filter, and column widths come from the columns.
 *
 * <p>Mutable and not thread-safe.
 *
 * @param <R> the row source type
 */
public final class XlsxTableWriter<R> implements TableWriter<R> {

    static final int FLUSH_EVERY = 512;
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss";
    static final String INTEGER_FORMAT = "#,##0";
    private static final int MAX_FORMAT_SCALE = 10;
    private static final String[] NUMBER_FORMATS = new String[MAX_FORMAT_SCALE + 1];

    static {
        for (int scale = 0; scale <= MAX_FORMAT_SCALE; scale++) {
            NUMBER_FORMATS[scale] = scale == 0 ? INTEGER_FORMAT : INTEGER_FORMAT + "." + "0".repeat(scale);
        }
    }

    private final Workbook workbook;
    private final Worksheet sheet;
    private final List<Column<R>> columns;
    /** The number format of each cell of the current batch of rows, null for none; applied before each flush. */
    private final String[][] batchFormats;
    private int batchStart = 1;
    private int nextRow = 1;

    /**
     * Starts a workbook and writes the header row.
     *
     * @param out the output, not null; not closed by the writer
     * @param sheetName the sheet name, not null (at most 31 characters, no {@code []:*?/\})
     * @param columns the columns, not null, not empty
     * @param application the application name written into the workbook's properties, not null
     * @throws NullPointerException if an argument is null
     */
    public XlsxTableWriter(OutputStream out, String sheetName, List<Column<R>> columns, String application) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(sheetName, "sheetName");
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        this.workbook = new Workbook(out, Objects.requireNonNull(application, "application"), "1.0");
        this.sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < this.columns.size(); c++) {
            Column<R> column = this.columns.get(c);
            sheet.width(c, column.width());
            sheet.inlineString(0, c, XmlText.clean(FormulaInjectionGuard.neutralise(column.header())));
        }
        if (!this.columns.isEmpty()) {
            sheet.range(0, 0, 0, this.columns.size() - 1).style().bold().set();
            sheet.setAutoFilter(0, 0, this.columns.size() - 1);
        }
        sheet.freezePane(0, 1);
        this.batchFormats = new String[FLUSH_EVERY][this.columns.size()];
    }

    @Override
    public void row(R source) throws IOException {
        int r = nextRow++;
        String[] formats = batchFormats[r - batchStart];
        for (int c = 0; c < columns.size(); c++) {
            Column<R> column = columns.get(c);
            Object value = column.value().apply(source);
            formats[c] = value == null ? null : write(r, c, column, value);
        }
        if (r - batchStart + 1 == FLUSH_EVERY) {
            applyBatchFormats();
            sheet.flush();
            batchStart = nextRow;
        }
    }

    /** Writes one cell and returns its number format, or null when it needs none. */
    private String write(int r, int c, Column<R> column, Object value) {
        switch (column.kind()) {
            case TEXT:
                sheet.inlineString(r, c, XmlText.clean(FormulaInjectionGuard.neutralise(expect(column, value, String.class))));
                return null;
            case NUMBER:
                if (value instanceof BigDecimal number) {
                    sheet.value(r, c, number);
                    return numberFormat(number);
                }
                sheet.value(r, c, expect(column, value, Integer.class));
                return INTEGER_FORMAT;
            case DATE:
                sheet.value(r, c, expect(column, value, LocalDate.class));
                return DATE_FORMAT;
            case TIMESTAMP:
                sheet.value(r, c, LocalDateTime.ofInstant(expect(column, value, Instant.class), ZoneOffset.UTC));
                return TIMESTAMP_FORMAT;
            case BOOLEAN:
                sheet.value(r, c, expect(column, value, Boolean.class));
                return null;
            default:
                throw new IllegalStateException("unknown cell kind " + column.kind());
        }
    }

    /**
     * Styles the cells of the current batch column by column, one range per run of adjacent cells
     * with the same format: fastexcel applies a range style with a map lookup per cell, where a
     * style set per cell would build and hash a new style object every time.
     */
    private void applyBatchFormats() {
        int rows = nextRow - batchStart;
        for (int c = 0; c < columns.size(); c++) {
            int runStart = 0;
            while (runStart < rows) {
                String format = batchFormats[runStart][c];
                int runEnd = runStart + 1;
                while (runEnd < rows && batchFormats[runEnd][c] == format) {
                    runEnd++;
                }
                if (format != null) {
                    sheet.range(batchStart + runStart, c, batchStart + runEnd - 1, c).style().format(format).set();
                }
                runStart = runEnd;
            }
        }
    }

    static String numberFormat(BigDecimal number) {
        int scale = Math.max(0, Math.min(MAX_FORMAT_SCALE, number.scale()));
        return NUMBER_FORMATS[scale];
    }

    static <T> T expect(Column<?> column, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("column \"" + column.header() + "\" (" + column.kind()
                    + "): expected " + type.getSimpleName() + ", was " + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }

    @Override
    public void finish() throws IOException {
        applyBatchFormats();
        sheet.finish();
        workbook.finish();
    }

    @Override
    public long rowCount() {
        return nextRow - 1L;
    }
}
