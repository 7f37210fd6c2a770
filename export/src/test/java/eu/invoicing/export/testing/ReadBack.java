package eu.invoicing.export.testing;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.export.safety.FormulaInjectionGuard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/** Reads exported XLSX (fastexcel-reader) and CSV (commons-csv) back and checks typed cells. */
public final class ReadBack {

    private ReadBack() {
    }

    /** A read workbook: sheet name and all rows. */
    public record Sheet(String name, List<Row> rows) {
        public List<String> header() {
            return rows.get(0).stream().map(Cell::getText).collect(Collectors.toList());
        }
    }

    public static Sheet xlsx(byte[] bytes) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
            org.dhatim.fastexcel.reader.Sheet sheet = wb.getFirstSheet();
            try (Stream<Row> rows = sheet.openStream()) {
                return new Sheet(sheet.getName(), rows.collect(Collectors.toList()));
            }
        }
    }

    /**
     * The parts of an XLSX package, by name, as text. Read with {@link ZipFile}: the entries use data
     * descriptors, which {@code ZipInputStream} cannot size.
     */
    public static Map<String, String> xlsxParts(byte[] xlsx) throws IOException {
        Path file = Files.createTempFile("readback", ".xlsx");
        try {
            Files.write(file, xlsx);
            Map<String, String> parts = new LinkedHashMap<>();
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return parts;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** @return the {@code ref} of the first sheet's {@code <dimension>} element, or null without one */
    public static String dimension(byte[] xlsx) throws IOException {
        Matcher m = DIMENSION.matcher(xlsxParts(xlsx).get("xl/worksheets/sheet1.xml"));
        return m.find() ? m.group(1) : null;
    }

    private static final Pattern DIMENSION = Pattern.compile("<dimension ref=\"([^\"]*)\"\\s*/>");

    public static List<CSVRecord> csv(byte[] bytes, boolean expectBom) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.startsWith("\uFEFF")).as("byte order mark").isEqualTo(expectBom);
        if (expectBom) {
            text = text.substring(1);
        }
        try (Reader reader = new java.io.StringReader(text);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
            return new ArrayList<>(parser.getRecords());
        }
    }

    /** Checks an XLSX cell against the typed source value (null: no cell or an empty one). */
    public static void assertXlsxCell(Cell cell, Object expected, String where) {
        if (expected == null) {
            assertThat(cell == null || cell.getType() == CellType.EMPTY).as("%s: empty, was %s", where, cell).isTrue();
            return;
        }
        assertThat(cell).as("%s: cell present", where).isNotNull();
        if (expected instanceof String text) {
            assertThat(cell.getType()).as("%s type", where).isEqualTo(CellType.STRING);
            assertThat(cell.getText()).as(where).isEqualTo(FormulaInjectionGuard.neutralise(text));
        } else if (expected instanceof BigDecimal number) {
            assertThat(cell.getType()).as("%s type", where).isEqualTo(CellType.NUMBER);
            assertThat(cell.asNumber()).as(where).isEqualByComparingTo(number);
            assertThat(cell.getDataFormatString()).as("%s number format", where).startsWith("#,##0");
        } else if (expected instanceof Integer number) {
            assertThat(cell.getType()).as("%s type", where).isEqualTo(CellType.NUMBER);
            assertThat(cell.asNumber()).as(where).isEqualByComparingTo(BigDecimal.valueOf(number));
        } else if (expected instanceof LocalDate date) {
            assertThat(cell.getType()).as("%s type", where).isEqualTo(CellType.NUMBER);
            assertThat(cell.getDataFormatString()).as("%s date format", where).isEqualTo("yyyy-mm-dd");
            assertThat(cell.asDate()).as(where).isEqualTo(date.atStartOfDay());
        } else if (expected instanceof Instant instant) {
            assertThat(cell.getType()).as("%s type", where).isEqualTo(CellType.NUMBER);
            assertThat(cell.getDataFormatString()).as("%s timestamp format", where).isEqualTo("yyyy-mm-dd hh:mm:ss");
            assertThat(cell.asDate()).as(where).isEqualTo(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (expected instanceof Boolean bool) {
            assertThat(cell.getType()).as("%s type", where).isEqualTo(CellType.BOOLEAN);
            assertThat(cell.asBoolean()).as(where).isEqualTo(bool);
        } else {
            throw new AssertionError(where + ": unexpected source type " + expected.getClass());
        }
    }

    /** Checks a CSV field against the typed source value. */
    public static void assertCsvField(String field, Object expected, String where) {
        String wanted;
        if (expected == null) {
            wanted = "";
        } else if (expected instanceof String text) {
            wanted = FormulaInjectionGuard.neutralise(text);
        } else if (expected instanceof BigDecimal number) {
            wanted = number.toPlainString();
            assertThat(field).as("%s: dot decimals, no grouping", where).matches("-?[0-9]+(\\.[0-9]+)?");
        } else {
            wanted = expected.toString();
        }
        assertThat(field).as(where).isEqualTo(wanted);
    }
}
