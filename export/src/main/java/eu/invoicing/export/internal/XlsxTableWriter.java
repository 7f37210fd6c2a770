package eu.invoicing.export.internal;

import eu.invoicing.export.safety.FormulaInjectionGuard;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A {@link TableWriter} producing an XLSX workbook with one sheet, its SpreadsheetML written by
 * this class straight into a deflating {@link ZipOutputStream} as UTF-8 bytes: no object per cell
 * or row, no intermediate {@code String} (an {@link XmlByteBuffer} of {@value #BUFFER_SIZE} bytes
 * is handed to the deflater whenever it fills). Strings are written inline except texts that
 * repeat down a column, which go to a shared-string table of at most {@value #MAX_SHARED_STRINGS}
 * entries (so it cannot grow with the row count); numbers are numeric cells with a number format of
 * the value's scale, dates and timestamps are date cells (timestamps in UTC), text is
 * formula-neutralised ({@link FormulaInjectionGuard}) and XML-escaped, characters XML cannot carry
 * are replaced (as {@link XmlText#clean} does), the header row is bold, frozen and has an
 * auto-filter, and column widths come from the columns.
 *
 * <p>The number of data rows is declared up front, so that the sheet's {@code <dimension>} (its used
 * range, which some readers trust instead of reading the rows, e.g. openpyxl in read-only mode)
 * is the real one, {@code A1:<last column><rows + 1>}, although the sheet is streamed. The workbook's
 * creation time ({@code docProps/core.xml}) comes from the given clock, not the wall clock, and
 * every ZIP entry carries the same fixed time ({@value #ENTRY_TIME_TEXT}), so the same rows and
 * clock give the same bytes. Values Excel cannot hold as numbers or dates (dates before 1900-01-01
 * or after 9999-12-31, numbers beyond 1E±307) are written as text in their ISO / plain form, as in
 * CSV, instead of a {@code ####} cell or a failure.
 *
 * <p>Mutable and not thread-safe.
 *
 * @param <R> the row source type
 */
public final class XlsxTableWriter<R> implements TableWriter<R> {

    /** Bytes of sheet XML buffered before they go to the deflater. */
    static final int BUFFER_SIZE = 64 * 1024;
    /**
     * Deflate level of every part: zlib's fastest. Deflating is most of the export's time; level 1
     * takes about two thirds of the CPU time of fastexcel's level 4 for a file 13 % larger
     * (docs/exports.md).
     */
    static final int LEVEL = 1;
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss";
    static final String INTEGER_FORMAT = "#,##0";
    private static final int MAX_FORMAT_SCALE = XlsxParts.MAX_SCALE;
    private static final String[] NUMBER_FORMATS = new String[MAX_FORMAT_SCALE + 1];

    static {
        for (int scale = 0; scale <= MAX_FORMAT_SCALE; scale++) {
            NUMBER_FORMATS[scale] = scale == 0 ? INTEGER_FORMAT : INTEGER_FORMAT + "." + "0".repeat(scale);
        }
    }

    /** The first instant with an Excel date serial (1900-01-01T00:00Z); earlier ones are written as text. */
    private static final Instant FIRST_SERIAL_INSTANT = Instant.parse("1900-01-01T00:00:00Z");

    /** Most distinct texts written as shared strings (the table is held in memory until the end). */
    static final int MAX_SHARED_STRINGS = 4096;

    /** The sheet part. */
    static final String SHEET_PART = "xl/worksheets/sheet1.xml";
    /** The document properties part, holding the creation time. */
    static final String CORE_PART = "docProps/core.xml";
    /**
     * The time of every ZIP entry, a ZIP (DOS) time in no time zone: the first after the DOS epoch, since
     * {@link ZipEntry} stores the epoch itself (1980-01-01T00:00:00) as "before 1980" and adds an extended
     * timestamp computed in the JVM's default time zone, which would make the bytes depend on it.
     */
    static final String ENTRY_TIME_TEXT = "1980-01-01T00:00:02";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.parse(ENTRY_TIME_TEXT);
    private static final LocalDate FIRST_EXCEL_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_EXCEL_DATE = LocalDate.of(9999, 12, 31);
    private static final Instant END_OF_EXCEL_TIME = Instant.parse("+10000-01-01T00:00:00Z");
    /** Largest decimal exponent of a number written as a number (doubles reach about 1.8E308). */
    private static final int MAX_NUMBER_EXPONENT = 307;
    /** Epoch day of 1899-12-31, Excel's day 0. */
    private static final long EXCEL_DAY_ZERO = LocalDate.of(1899, 12, 31).toEpochDay();
    /** Excel's serials count a 1900-02-29 that never was (Lotus 1-2-3's bug): from day 60 on, one more. */
    private static final long FIRST_DAY_AFTER_FICTITIOUS_LEAP_DAY = 60;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** Decimals of a timestamp's fraction of a day (10<sup>-11</sup> day is under a microsecond). */
    private static final int FRACTION_DIGITS = 11;
    private static final long FRACTION_SCALE = 100_000_000_000L;

    private static final byte[] ROW_OPEN = XmlByteBuffer.markup("<row r=\"");
    private static final byte[] ROW_OPEN_END = XmlByteBuffer.markup("\">");
    private static final byte[] ROW_CLOSE = XmlByteBuffer.markup("</row>");
    private static final byte[] INLINE = XmlByteBuffer.markup("\" t=\"inlineStr\"><is><t>");
    private static final byte[] INLINE_PRESERVED = XmlByteBuffer.markup("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] HEADER_INLINE = XmlByteBuffer.markup("\" s=\"" + XlsxParts.BOLD + "\" t=\"inlineStr\"><is><t>");
    private static final byte[] HEADER_INLINE_PRESERVED = XmlByteBuffer.markup(
            "\" s=\"" + XlsxParts.BOLD + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] INLINE_CLOSE = XmlByteBuffer.markup("</t></is></c>");
    private static final byte[] SHARED = XmlByteBuffer.markup("\" t=\"s\"><v>");
    private static final byte[] BOOLEAN_TRUE = XmlByteBuffer.markup("\" t=\"b\"><v>1</v></c>");
    private static final byte[] BOOLEAN_FALSE = XmlByteBuffer.markup("\" t=\"b\"><v>0</v></c>");
    private static final byte[] DATE_VALUE = XmlByteBuffer.markup("\" s=\"" + XlsxParts.DATE + "\"><v>");
    private static final byte[] TIMESTAMP_VALUE = XmlByteBuffer.markup("\" s=\"" + XlsxParts.TIMESTAMP + "\"><v>");
    private static final byte[][] NUMBER_VALUE = new byte[MAX_FORMAT_SCALE + 1][];
    private static final byte[] VALUE_CLOSE = XmlByteBuffer.markup("</v></c>");
    private static final byte[] NEUTRALISING_PREFIX = XmlByteBuffer.markup(
            String.valueOf(FormulaInjectionGuard.NEUTRALISING_PREFIX));
    private static final byte[] FRACTION_POINT = XmlByteBuffer.markup(".");

    static {
        for (int scale = 0; scale <= MAX_FORMAT_SCALE; scale++) {
            NUMBER_VALUE[scale] = XmlByteBuffer.markup("\" s=\"" + (XlsxParts.NUMBER + scale) + "\"><v>");
        }
    }

    private final ZipOutputStream zip;
    private final XmlByteBuffer xml;
    private final String sheetName;
    private final String application;
    private final Instant created;
    private final long declaredRows;
    private final List<Column<R>> columns;
    /** {@code <c r="} and the column's letters, per column. */
    private final byte[][] cellOpen;
    /** The current row's number in ASCII digits. */
    private final byte[] rowNumber = new byte[8];
    private int rowNumberLength;
    /** The shared strings by their source text (before neutralising and cleaning), with their index. */
    private final Map<String, Integer> sharedIndex = new HashMap<>();
    /** The shared strings in index order. */
    private final List<String> sharedTexts = new ArrayList<>();
    private long sharedReferences;
    /** The last text written in each column, null for none. */
    private final String[] previousTexts;
    private boolean started;
    private int nextRow = 1;

    /**
     * Prepares a workbook; the package's first parts and the header row are written with the first row
     * (or by {@link #finish()}).
     *
     * @param out the output, not null; not closed by the writer
     * @param sheetName the sheet name, not null (at most 31 characters, no {@code []:*?/\}: longer
     *     names are cut, those characters become {@code -})
     * @param columns the columns, not null
     * @param application the application name written into the workbook's properties, not null
     * @param clock gives the workbook's creation time (read once, here), not null
     * @param rows the number of data rows that will be written, at least 0
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code rows} is negative or beyond the sheet's 1,048,575 data rows
     */
    public XlsxTableWriter(OutputStream out, String sheetName, List<Column<R>> columns, String application,
                           Clock clock, long rows) {
        Objects.requireNonNull(out, "out");
        this.sheetName = XlsxParts.sheetName(Objects.requireNonNull(sheetName, "sheetName"));
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        this.application = Objects.requireNonNull(application, "application");
        this.created = Objects.requireNonNull(clock, "clock").instant().truncatedTo(ChronoUnit.SECONDS);
        if (rows < 0 || rows > MAX_DATA_ROWS) {
            throw new IllegalArgumentException("rows: must be 0.." + MAX_DATA_ROWS + ", was " + rows);
        }
        this.declaredRows = rows;
        // The deflater's output is written in small pieces; the caller's stream gets 64 KiB at a time.
        OutputStream target = new BufferedOutputStream(out, BUFFER_SIZE) {
            @Override
            public void close() throws IOException {
                flush(); // not the caller's stream to close
            }
        };
        this.zip = new ZipOutputStream(target);
        zip.setLevel(LEVEL);
        this.xml = new XmlByteBuffer(BUFFER_SIZE, zip);
        this.cellOpen = new byte[this.columns.size()][];
        for (int c = 0; c < cellOpen.length; c++) {
            cellOpen[c] = XmlByteBuffer.markup("<c r=\"" + columnName(c));
        }
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

    /** Writes the fixed parts, the sheet's head and the header row, and leaves the sheet part open. */
    private void start() throws IOException {
        started = true;
        part(XlsxParts.CONTENT_TYPES_PART);
        XlsxParts.contentTypes(xml);
        part(XlsxParts.ROOT_RELS_PART);
        XlsxParts.rootRelationships(xml);
        part(XlsxParts.APP_PART);
        XlsxParts.app(xml, application);
        part(CORE_PART);
        XlsxParts.core(xml, application, created);
        part(XlsxParts.WORKBOOK_PART);
        String lastHeader = columns.isEmpty() ? null : columnName(columns.size() - 1);
        XlsxParts.workbook(xml, sheetName, lastHeader == null ? null : "$A$1:$" + lastHeader + "$1");
        part(XlsxParts.WORKBOOK_RELS_PART);
        XlsxParts.workbookRelationships(xml);
        part(XlsxParts.STYLES_PART);
        XlsxParts.styles(xml);
        part(SHEET_PART);
        xml.ascii(XlsxParts.XML_DECLARATION).ascii("<worksheet xmlns=\"" + XlsxParts.MAIN_NS
                        + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
                .ascii("<dimension ref=\"").ascii(usedRange(columns.size(), declaredRows)).ascii("\"/>")
                .ascii("<sheetViews><sheetView workbookViewId=\"0\"><pane xSplit=\"0\" ySplit=\"1\" topLeftCell=\"A2\""
                        + " activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\""
                        + " sqref=\"A2\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        if (!columns.isEmpty()) {
            xml.ascii("<cols>");
            for (int c = 0; c < columns.size(); c++) {
                xml.ascii("<col min=\"").digits(c + 1L).ascii("\" max=\"").digits(c + 1L).ascii("\" width=\"")
                        .digits(columns.get(c).width()).ascii("\" customWidth=\"1\"/>");
            }
            xml.ascii("</cols>");
        }
        xml.ascii("<sheetData>");
        startRow(1);
        for (int c = 0; c < columns.size(); c++) {
            String header = columns.get(c).header();
            cellStart(c);
            xml.raw(preserve(header) ? HEADER_INLINE_PRESERVED : HEADER_INLINE);
            neutralisedText(header);
            xml.raw(INLINE_CLOSE);
        }
        xml.raw(ROW_CLOSE);
    }

    private void part(String name) throws IOException {
        xml.flush();
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
    }

    @Override
    public void row(R source) throws IOException {
        if (nextRow - 1L == declaredRows) {
            throw new IllegalStateException("more rows than the " + declaredRows + " declared");
        }
        if (!started) {
            start();
        }
        startRow(++nextRow);
        for (int c = 0; c < columns.size(); c++) {
            Column<R> column = columns.get(c);
            Object value = column.value().apply(source);
            if (value != null) {
                write(c, column, value);
            }
        }
        xml.raw(ROW_CLOSE);
    }

    /** Opens a row and keeps its number's digits for the cell references. */
    private void startRow(int r) throws IOException {
        int length = XmlByteBuffer.decimalLength(r);
        for (int i = length - 1, n = r; i >= 0; i--, n /= 10) {
            rowNumber[i] = (byte) ('0' + n % 10);
        }
        rowNumberLength = length;
        xml.raw(ROW_OPEN).raw(rowNumber, length).raw(ROW_OPEN_END);
    }

    /** Writes {@code <c r="B12} of column {@code c} in the current row. */
    private void cellStart(int c) throws IOException {
        xml.raw(cellOpen[c]).raw(rowNumber, rowNumberLength);
    }

    /** Writes one non-empty cell. */
    private void write(int c, Column<R> column, Object value) throws IOException {
        switch (column.kind()) {
            case TEXT:
                writeText(c, expect(column, value, String.class));
                return;
            case NUMBER:
                if (value instanceof BigDecimal number) {
                    if (!withinExcelRange(number)) {
                        plainText(c, number.toString());
                        return;
                    }
                    cellStart(c);
                    xml.raw(NUMBER_VALUE[formatScale(number)]).ascii(number.toString()).raw(VALUE_CLOSE);
                    return;
                }
                int integer = expect(column, value, Integer.class);
                cellStart(c);
                xml.raw(NUMBER_VALUE[0]).digits(integer).raw(VALUE_CLOSE);
                return;
            case DATE:
                LocalDate date = expect(column, value, LocalDate.class);
                if (date.isBefore(FIRST_EXCEL_DATE) || date.isAfter(LAST_EXCEL_DATE)) {
                    // Excel has no serial for it.
                    plainText(c, date.toString());
                    return;
                }
                cellStart(c);
                xml.raw(DATE_VALUE).digits(serialDay(date.toEpochDay())).raw(VALUE_CLOSE);
                return;
            case TIMESTAMP:
                Instant instant = expect(column, value, Instant.class);
                if (instant.isBefore(FIRST_SERIAL_INSTANT) || !instant.isBefore(END_OF_EXCEL_TIME)) {
                    plainText(c, instant.toString());
                    return;
                }
                cellStart(c);
                xml.raw(TIMESTAMP_VALUE);
                timestampSerial(instant.toEpochMilli());
                xml.raw(VALUE_CLOSE);
                return;
            case BOOLEAN:
                boolean bool = expect(column, value, Boolean.class);
                cellStart(c);
                xml.raw(bool ? BOOLEAN_TRUE : BOOLEAN_FALSE);
                return;
            default:
                throw new IllegalStateException("unknown cell kind " + column.kind());
        }
    }

    /** The Excel serial of a day (1900-01-01 is 1; from 1900-03-01 on, one more for the fictitious 1900-02-29). */
    private static long serialDay(long epochDay) {
        long serial = epochDay - EXCEL_DAY_ZERO;
        return serial >= FIRST_DAY_AFTER_FICTITIOUS_LEAP_DAY ? serial + 1 : serial;
    }

    /**
     * Writes an instant's serial (whole days as {@link #serialDay}, the time of day as a fraction
     * with {@value #FRACTION_DIGITS} decimals, rounded, trailing zeros left out), from epoch
     * milliseconds as fastexcel did: 2024-06-01T08:00:00.5Z is {@code 45444.33333912037}, the same
     * digits as fastexcel's {@code double}.
     */
    private void timestampSerial(long epochMilli) throws IOException {
        long millisOfDay = Math.floorMod(epochMilli, MILLIS_PER_DAY);
        xml.digits(serialDay(Math.floorDiv(epochMilli, MILLIS_PER_DAY)));
        // Below 8.64E18, so no overflow; below FRACTION_SCALE, so no carry into the days.
        long fraction = (millisOfDay * FRACTION_SCALE + MILLIS_PER_DAY / 2) / MILLIS_PER_DAY;
        if (fraction == 0) {
            return;
        }
        int digits = FRACTION_DIGITS;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        xml.raw(FRACTION_POINT).paddedDigits(fraction, digits);
    }

    /**
     * Writes a text cell inline, or as a shared string once the text has repeated: a text equal
     * to the previous row's in the same column (the issuer's fields, the currency, the policy
     * values) joins the shared-string table, up to {@value #MAX_SHARED_STRINGS} texts, and every
     * later occurrence is written as its index. A shared cell is a fraction of the XML of an
     * inline one (less to deflate); the table stays bounded however many rows there are.
     */
    private void writeText(int c, String text) throws IOException {
        Integer index = sharedIndex.get(text);
        if (index == null && text.equals(previousTexts[c]) && sharedTexts.size() < MAX_SHARED_STRINGS) {
            index = sharedTexts.size();
            sharedIndex.put(text, index);
            sharedTexts.add(text);
        }
        previousTexts[c] = text;
        cellStart(c);
        if (index != null) {
            sharedReferences++;
            xml.raw(SHARED).digits(index).raw(VALUE_CLOSE);
        } else {
            xml.raw(preserve(text) ? INLINE_PRESERVED : INLINE);
            neutralisedText(text);
            xml.raw(INLINE_CLOSE);
        }
    }

    /** A value written as an inline text cell as it is: the library formatted it, it is not user text. */
    private void plainText(int c, String text) throws IOException {
        cellStart(c);
        xml.raw(INLINE).text(text).raw(INLINE_CLOSE);
    }

    /** Writes user text formula-neutralised, escaped and cleaned. */
    private void neutralisedText(String text) throws IOException {
        if (FormulaInjectionGuard.isDangerous(text)) {
            xml.raw(NEUTRALISING_PREFIX);
        }
        xml.text(text);
    }

    /**
     * Whether the text, as written, begins or ends with white space, which a reader keeps only
     * under {@code xml:space="preserve"} (a neutralised text begins with the prefix).
     */
    private static boolean preserve(String text) {
        return !text.isEmpty() && (isXmlSpace(text.charAt(text.length() - 1))
                || !FormulaInjectionGuard.isDangerous(text) && isXmlSpace(text.charAt(0)));
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Whether Excel can hold the number as a number (a double, kept within 1E±307). */
    static boolean withinExcelRange(BigDecimal number) {
        if (number.signum() == 0) {
            return true;
        }
        int exponent = number.precision() - number.scale() - 1;
        return exponent >= -MAX_NUMBER_EXPONENT && exponent <= MAX_NUMBER_EXPONENT;
    }

    private static int formatScale(BigDecimal number) {
        return Math.max(0, Math.min(MAX_FORMAT_SCALE, number.scale()));
    }

    static String numberFormat(BigDecimal number) {
        return NUMBER_FORMATS[formatScale(number)];
    }

    /** @return the number format with {@code scale} decimals, 0..{@value XlsxParts#MAX_SCALE} */
    static String numberFormat(int scale) {
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
        if (!started) {
            start();
        }
        xml.ascii("</sheetData>");
        if (!columns.isEmpty()) {
            xml.ascii("<autoFilter ref=\"A1:").ascii(columnName(columns.size() - 1)).ascii("1\"/>");
        }
        xml.ascii("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
                + "</worksheet>");
        part(XlsxParts.SHARED_STRINGS_PART);
        xml.ascii(XlsxParts.XML_DECLARATION).ascii("<sst xmlns=\"" + XlsxParts.MAIN_NS + "\" count=\"")
                .digits(sharedReferences).ascii("\" uniqueCount=\"").digits(sharedTexts.size()).ascii("\">");
        for (String text : sharedTexts) {
            xml.ascii(preserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            neutralisedText(text);
            xml.ascii("</t></si>");
        }
        xml.ascii("</sst>");
        xml.flush();
        // Writes the central directory, ends the deflater and flushes (never closes) the caller's stream.
        zip.close();
    }

    @Override
    public long rowCount() {
        return nextRow - 1L;
    }
}
