package eu.invoicing.export.internal;

import eu.invoicing.export.safety.FormulaInjectionGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.TimestampUtil;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A {@link TableWriter} producing an XLSX workbook with one sheet, streamed with fastexcel:
 * rows are flushed to the output every {@value #FLUSH_EVERY} rows, strings are written inline
 * except texts that repeat down a column, which go to a shared-string table of at most
 * {@value #MAX_SHARED_STRINGS} entries (so it cannot grow with the row count), numbers are numeric cells with a number format of
 * the value's scale, dates and timestamps are date cells (timestamps in UTC), characters XML
 * cannot carry are replaced ({@link XmlText}), the header row is
 * bold, frozen and has an auto-filter, and column widths come from the columns.
 *
 * <p>The number of data rows is declared up front, so that the sheet's {@code <dimension>} (its used
 * range, which some readers trust instead of reading the rows, e.g. openpyxl in read-only mode)
 * is the real one, {@code A1:<last column><rows + 1>}, although the sheet is streamed: fastexcel
 * hard-codes {@code A1}, and {@link XlsxPackageRewriter} writes the real range. The workbook's
 * creation time ({@code docProps/core.xml}) comes from the given clock, not the wall clock, so
 * the same rows and clock give the same bytes. Values Excel cannot hold as numbers or dates (dates
 * before 1900-01-01 or after 9999-12-31, numbers beyond 1E±307) are written as text in their ISO /
 * plain form, as in CSV, instead of a {@code ####} cell or a failure.
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

    /** Slots of the date serial cache (a power of two covering a year of distinct dates). */
    private static final int DATE_CACHE_SIZE = 512;
    /** The first instant with an Excel date serial (1900-01-01T00:00Z); earlier ones are written as text. */
    private static final Instant FIRST_SERIAL_INSTANT = Instant.parse("1900-01-01T00:00:00Z");

    /** Most distinct texts written as shared strings (the table is held in memory until the end). */
    static final int MAX_SHARED_STRINGS = 4096;

    /** The sheet part fastexcel writes for the one sheet. */
    static final String SHEET_PART = "xl/worksheets/sheet1.xml";
    /** The document properties part, holding the creation time. */
    static final String CORE_PART = "docProps/core.xml";
    /** What fastexcel writes as every sheet's used range. */
    private static final String FASTEXCEL_DIMENSION = "<dimension ref=\"A1\"/>";
    private static final Pattern CREATED = Pattern.compile(
            "(<dcterms:created xsi:type=\"dcterms:W3CDTF\">)[^<]*(</dcterms:created>)");
    private static final LocalDate FIRST_EXCEL_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_EXCEL_DATE = LocalDate.of(9999, 12, 31);
    private static final Instant END_OF_EXCEL_TIME = Instant.parse("+10000-01-01T00:00:00Z");
    /** Largest decimal exponent of a number written as a number (doubles reach about 1.8E308). */
    private static final int MAX_NUMBER_EXPONENT = 307;

    private final XlsxPackageRewriter rewriter;
    private final Workbook workbook;
    private final Worksheet sheet;
    private final long declaredRows;
    private final List<Column<R>> columns;
    /** The number format of each cell of the current batch of rows, null for none; applied before each flush. */
    private final String[][] batchFormats;
    /** The texts written as shared strings. */
    private final Set<String> sharedTexts = new HashSet<>();
    /** The last text written in each column, null for none. */
    private final String[] previousTexts;
    private final long[] cachedDays = new long[DATE_CACHE_SIZE];
    private final Double[] cachedSerials = new Double[DATE_CACHE_SIZE];
    private int batchStart = 1;
    private int nextRow = 1;

    /**
     * Starts a workbook and writes the header row.
     *
     * @param out the output, not null; not closed by the writer
     * @param sheetName the sheet name, not null (at most 31 characters, no {@code []:*?/\})
     * @param columns the columns, not null, not empty
     * @param application the application name written into the workbook's properties, not null
     * @param clock gives the workbook's creation time (read once, here), not null
     * @param rows the number of data rows that will be written, at least 0
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code rows} is negative or beyond the sheet's 1,048,575 data rows
     */
    public XlsxTableWriter(OutputStream out, String sheetName, List<Column<R>> columns, String application,
                           Clock clock, long rows) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(sheetName, "sheetName");
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        Objects.requireNonNull(application, "application");
        Instant created = Objects.requireNonNull(clock, "clock").instant().truncatedTo(ChronoUnit.SECONDS);
        if (rows < 0 || rows > MAX_DATA_ROWS) {
            throw new IllegalArgumentException("rows: must be 0.." + MAX_DATA_ROWS + ", was " + rows);
        }
        this.declaredRows = rows;
        String dimension = "<dimension ref=\"" + usedRange(this.columns.size(), rows) + "\"/>";
        this.rewriter = new XlsxPackageRewriter(out, Map.of(
                SHEET_PART, new XlsxPackageRewriter.PartRewrite(FASTEXCEL_DIMENSION,
                        head -> head.replace(FASTEXCEL_DIMENSION, dimension)),
                CORE_PART, new XlsxPackageRewriter.PartRewrite(null, xml -> withCreated(xml, created))));
        this.workbook = new Workbook(rewriter, application, "1.0");
        // Stored deflate blocks: the rewriter reads them back by copying and compresses once.
        workbook.setCompressionLevel(0);
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
        this.previousTexts = new String[this.columns.size()];
    }

    /** Data rows a sheet can hold below its header row. */
    public static final long MAX_DATA_ROWS = 1_048_575L;

    /**
     * The used range of a sheet with a header row and {@code rows} data rows.
     *
     * @param columns the number of columns
     * @param rows the number of data rows
     * @return e.g. {@code A1:BL9}, or {@code A1} for a single cell (or no column)
     */
    static String usedRange(int columns, long rows) {
        if (columns <= 1 && rows == 0) {
            return "A1";
        }
        return "A1:" + columnName(Math.max(columns, 1) - 1) + (rows + 1);
    }

    /** @return the column's letters: 0 is A, 25 Z, 26 AA, 63 BL */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder(3);
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.append((char) ('A' + (n - 1) % 26));
        }
        return name.reverse().toString();
    }

    private static String withCreated(String coreXml, Instant created) {
        Matcher m = CREATED.matcher(coreXml);
        if (!m.find()) {
            throw new IllegalStateException("fastexcel's " + CORE_PART + " has no dcterms:created element");
        }
        return m.replaceFirst("$1" + DateTimeFormatter.ISO_INSTANT.format(created) + "$2");
    }

    @Override
    public void row(R source) throws IOException {
        if (nextRow - 1L == declaredRows) {
            throw new IllegalStateException("more rows than the " + declaredRows + " declared");
        }
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
                writeText(r, c, XmlText.clean(FormulaInjectionGuard.neutralise(expect(column, value, String.class))));
                return null;
            case NUMBER:
                if (value instanceof BigDecimal number) {
                    if (!withinExcelRange(number)) {
                        sheet.inlineString(r, c, number.toString());
                        return null;
                    }
                    sheet.value(r, c, number);
                    return numberFormat(number);
                }
                sheet.value(r, c, expect(column, value, Integer.class));
                return INTEGER_FORMAT;
            case DATE:
                LocalDate date = expect(column, value, LocalDate.class);
                if (date.isBefore(FIRST_EXCEL_DATE) || date.isAfter(LAST_EXCEL_DATE)) {
                    // Excel has no serial for it (fastexcel would write -1, shown as ####).
                    sheet.inlineString(r, c, date.toString());
                    return null;
                }
                sheet.value(r, c, dateSerial(date));
                return DATE_FORMAT;
            case TIMESTAMP:
                Instant instant = expect(column, value, Instant.class);
                if (instant.isBefore(FIRST_SERIAL_INSTANT) || !instant.isBefore(END_OF_EXCEL_TIME)) {
                    // No serial (and far beyond, fastexcel's epoch-millis conversion overflows).
                    sheet.inlineString(r, c, instant.toString());
                    return null;
                }
                // Converted from epoch millis (UTC) without building a LocalDateTime and its ZoneRules.
                sheet.value(r, c, instant);
                return TIMESTAMP_FORMAT;
            case BOOLEAN:
                sheet.value(r, c, expect(column, value, Boolean.class));
                return null;
            default:
                throw new IllegalStateException("unknown cell kind " + column.kind());
        }
    }

    /**
     * Writes a text cell inline, or as a shared string once the text has repeated: a text equal
     * to the previous row's in the same column (the issuer's fields, the currency, the policy
     * values) joins the shared-string table, up to {@value #MAX_SHARED_STRINGS} texts, and every
     * later occurrence is written as its index. A shared cell is a fraction of the XML of an
     * inline one, and fastexcel copies all of the XML twice on its way out; the table stays
     * bounded however many rows there are.
     */
    private void writeText(int r, int c, String text) {
        if (sharedTexts.contains(text)) {
            sheet.value(r, c, text);
        } else if (text.equals(previousTexts[c]) && sharedTexts.size() < MAX_SHARED_STRINGS) {
            sharedTexts.add(text);
            sheet.value(r, c, text);
        } else {
            sheet.inlineString(r, c, text);
        }
        previousTexts[c] = text;
    }

    /**
     * Styles the cells of the current batch with one range per rectangle of adjacent cells
     * sharing a format. fastexcel styles cells only through ranges, and every range costs a style
     * merge (about a kilobyte of short-lived objects) whatever its size, so the fewer the better;
     * a range must not cover an empty cell (fastexcel would create and write it as a formatted
     * blank). Greedy: from each unstyled cell, the longest run down its column, then widened
     * over the following columns that have the very same run (same format on exactly those
     * rows; the base/amount columns of one tax rate, present or absent together, go as one
     * range, but a dense column next to them keeps its own long run). Each styled cell's format
     * is cleared, so nothing is styled twice.
     */
    private void applyBatchFormats() {
        int rows = nextRow - batchStart;
        int width = columns.size();
        for (int c = 0; c < width; c++) {
            for (int r = 0; r < rows; r++) {
                String format = batchFormats[r][c];
                if (format == null) {
                    continue;
                }
                int bottom = r + 1;
                while (bottom < rows && batchFormats[bottom][c] == format) {
                    bottom++;
                }
                int right = c + 1;
                while (right < width && sameRun(r, bottom, rows, right, format)) {
                    right++;
                }
                sheet.range(batchStart + r, c, batchStart + bottom - 1, right - 1).style().format(format).set();
                for (int row = r; row < bottom; row++) {
                    Arrays.fill(batchFormats[row], c, right, null);
                }
                r = bottom - 1;
            }
        }
    }

    /**
     * Whether column {@code c} has {@code format} on exactly the batch rows {@code [top, bottom)}:
     * the same run, not part of a longer one (widening into a longer run would cut it into
     * pieces that each need their own range).
     */
    private boolean sameRun(int top, int bottom, int rows, int c, String format) {
        if (top > 0 && batchFormats[top - 1][c] == format || bottom < rows && batchFormats[bottom][c] == format) {
            return false;
        }
        for (int r = top; r < bottom; r++) {
            if (batchFormats[r][c] != format) {
                return false;
            }
        }
        return true;
    }

    /**
     * The Excel serial number of a date, as fastexcel computes it, from a small cache keyed by the
     * epoch day: an export covers at most a year, so its dates repeat across rows, and fastexcel
     * keeps each cell's value as an object until the flush; a cached serial is shared instead of
     * boxing a new one per cell.
     */
    private Double dateSerial(LocalDate date) {
        long epochDay = date.toEpochDay();
        int slot = (int) (epochDay & (DATE_CACHE_SIZE - 1));
        Double serial = cachedSerials[slot];
        if (serial == null || cachedDays[slot] != epochDay) {
            serial = TimestampUtil.convertDate(date);
            cachedDays[slot] = epochDay;
            cachedSerials[slot] = serial;
        }
        return serial;
    }

    /** Whether Excel can hold the number as a number (a double, kept within 1E±307). */
    static boolean withinExcelRange(BigDecimal number) {
        if (number.signum() == 0) {
            return true;
        }
        int exponent = number.precision() - number.scale() - 1;
        return exponent >= -MAX_NUMBER_EXPONENT && exponent <= MAX_NUMBER_EXPONENT;
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

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if fewer rows were written than declared
     */
    @Override
    public void finish() throws IOException {
        if (nextRow - 1L != declaredRows) {
            throw new IllegalStateException(declaredRows + " rows declared, " + (nextRow - 1L) + " written");
        }
        applyBatchFormats();
        sheet.finish();
        workbook.finish();
        rewriter.finish();
    }

    @Override
    public long rowCount() {
        return nextRow - 1L;
    }
}
