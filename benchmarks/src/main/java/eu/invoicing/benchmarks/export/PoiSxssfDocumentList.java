package eu.invoicing.benchmarks.export;

import eu.invoicing.core.model.Document;
import eu.invoicing.export.internal.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The competitor: Apache POI SXSSF (streaming, 100-row window) writing exactly the cells of the
 * document list export (same {@link Column}s, same values, same number and date formats, bold
 * frozen header, same widths). Styles are created once per format, as a POI user would.
 *
 * <p>Stateless; each call uses its own workbook.
 */
public final class PoiSxssfDocumentList {

    private PoiSxssfDocumentList() {
    }

    /**
     * @param columns the columns, not null
     * @param documents the rows, not null
     * @param out the sink, not null
     * @return rows written
     */
    public static long write(List<Column<Document>> columns, Stream<Document> documents, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet("Invoices");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            Map<String, CellStyle> formats = new HashMap<>();
            // A careful POI user gives text cells an explicit style: without one, SXSSF looks up the
            // column's default style for every cell, which doubles its time.
            CellStyle text = workbook.getCellStyleAt(0);
            String[] numberFormats = new String[12];
            for (int scale = 0; scale < numberFormats.length; scale++) {
                numberFormats[scale] = "#,##0" + (scale > 0 ? "." + "0".repeat(scale) : "");
            }
            Row headerRow = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = headerRow.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, columns.get(c).width() * 256);
            }
            sheet.createFreezePane(0, 1);
            long[] rows = {0};
            documents.forEach(d -> {
                Row row = sheet.createRow((int) ++rows[0]);
                for (int c = 0; c < columns.size(); c++) {
                    Column<Document> column = columns.get(c);
                    Object value = column.value().apply(d);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    switch (column.kind()) {
                        case TEXT -> {
                            cell.setCellValue(neutralise((String) value));
                            cell.setCellStyle(text);
                        }
                        case NUMBER -> {
                            if (value instanceof BigDecimal number) {
                                cell.setCellValue(number.doubleValue());
                                cell.setCellStyle(style(workbook, formats,
                                        numberFormats[Math.min(Math.max(number.scale(), 0), numberFormats.length - 1)]));
                            } else {
                                cell.setCellValue(((Integer) value).doubleValue());
                                cell.setCellStyle(style(workbook, formats, numberFormats[0]));
                            }
                        }
                        case DATE -> {
                            cell.setCellValue((LocalDate) value);
                            cell.setCellStyle(style(workbook, formats, "yyyy-mm-dd"));
                        }
                        case TIMESTAMP -> {
                            cell.setCellValue(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
                            cell.setCellStyle(style(workbook, formats, "yyyy-mm-dd hh:mm:ss"));
                        }
                        case BOOLEAN -> cell.setCellValue((Boolean) value);
                        default -> throw new IllegalStateException(column.kind().toString());
                    }
                }
            });
            workbook.write(out);
            return rows[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String neutralise(String text) {
        return eu.invoicing.export.safety.FormulaInjectionGuard.neutralise(text);
    }

    private static CellStyle style(SXSSFWorkbook workbook, Map<String, CellStyle> formats, String format) {
        return formats.computeIfAbsent(format, f -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(f));
            return style;
        });
    }
}
