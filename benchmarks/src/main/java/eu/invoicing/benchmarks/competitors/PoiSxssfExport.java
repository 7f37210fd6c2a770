package eu.invoicing.benchmarks.competitors;

import eu.invoicing.benchmarks.fixtures.DocumentListSheet;
import eu.invoicing.benchmarks.fixtures.DocumentListSheet.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * What a Java developer would otherwise use to stream a large document list to XLSX: Apache POI
 * 5.3's SXSSF (streaming, a window of 100 rows in memory, the rest flushed to a temporary file
 * that is zipped into the workbook at the end).
 *
 * <p>It writes the cells of a {@link DocumentListSheet}: a bold header row frozen at the top,
 * text cells, number cells with the column's number format, date cells with a date format, and
 * fixed column widths (SXSSF cannot auto-size without tracking every row). Tuned as a careful
 * POI user would: every cell has an explicit style. The workbook is closed
 * and its temporary file deleted before returning.
 *
 * <p>Stateless and thread-safe; every call has its own workbook.
 */
public final class PoiSxssfExport {

    /** Rows SXSSF keeps in memory before flushing (its default). */
    public static final int WINDOW = SXSSFWorkbook.DEFAULT_WINDOW_SIZE;

    private PoiSxssfExport() {
    }

    /**
     * Writes the sheet as an XLSX workbook with one worksheet.
     *
     * @param sheet the cells, not null
     * @param out   where the workbook goes, not null, not closed
     * @throws UncheckedIOException if writing fails
     */
    public static void write(DocumentListSheet sheet, OutputStream out) {
        List<Column> columns = sheet.columns();
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            DataFormat formats = workbook.createDataFormat();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(boldFont);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(formats.getFormat(DocumentListSheet.MONEY_FORMAT));
            CellStyle rate = workbook.createCellStyle();
            rate.setDataFormat(formats.getFormat(DocumentListSheet.RATE_FORMAT));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat(DocumentListSheet.DATE_FORMAT));
            // Text cells get the workbook's default style explicitly: a cell without a style makes
            // SXSSF look up the column's default style in the sheet's <cols> XML for every cell
            // once column widths are set; that doubled the time and nearly tripled the allocation
            // of this export (5.3 s and 2.9 GB against 2.7 s and 1.1 GB for 100,000 rows).
            CellStyle text = workbook.getCellStyleAt(0);
            CellStyle[] styles = new CellStyle[columns.size()];

            SXSSFSheet worksheet = workbook.createSheet("Invoices");
            worksheet.createFreezePane(0, 1);
            Row headerRow = worksheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                worksheet.setColumnWidth(c, column.width() * 256);
                Cell cell = headerRow.createCell(c);
                cell.setCellValue(column.header());
                cell.setCellStyle(header);
                styles[c] = switch (column.kind()) {
                    case TEXT -> text;
                    case MONEY -> money;
                    case RATE -> rate;
                    case DATE -> date;
                };
            }

            int r = 1;
            for (Object[] values : sheet.rows()) {
                Row row = worksheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    Object value = values[c];
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof String string) {
                        cell.setCellValue(string);
                        cell.setCellStyle(styles[c]);
                    } else if (value instanceof BigDecimal number) {
                        cell.setCellValue(number.doubleValue());
                        cell.setCellStyle(styles[c]);
                    } else if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(styles[c]);
                    } else {
                        throw new IllegalArgumentException("unsupported cell value "
                            + value.getClass().getName() + " in column " + columns.get(c).header());
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write XLSX", e);
        } finally {
            try {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the workbook", e);
            }
        }
    }
}
