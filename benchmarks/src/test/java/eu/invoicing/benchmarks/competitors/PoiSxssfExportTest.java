package eu.invoicing.benchmarks.competitors;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.benchmarks.fixtures.DocumentListSheet;
import eu.invoicing.benchmarks.fixtures.DocumentListSheet.Column;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** POI's side of ExportBenchmark writes every cell of the sheet with the right type. */
class PoiSxssfExportTest {

    @Test
    void write_generatedSheet_readsBackCellByCell() throws IOException {
        DocumentListSheet sheet = DocumentListSheet.generate(300, 42L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PoiSxssfExport.write(sheet, out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet written = workbook.getSheetAt(0);
            assertThat(written.getPaneInformation().isFreezePane()).isTrue();
            assertThat(written.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(written.getLastRowNum()).isEqualTo(300);
            Row header = written.getRow(0);
            for (int c = 0; c < sheet.columns().size(); c++) {
                Column column = sheet.columns().get(c);
                assertThat(header.getCell(c).getStringCellValue()).isEqualTo(column.header());
                assertThat(workbook.getFontAt(header.getCell(c).getCellStyle().getFontIndex())
                    .getBold()).isTrue();
            }
            for (int r = 0; r < sheet.rows().size(); r++) {
                Object[] expected = sheet.rows().get(r);
                Row row = written.getRow(r + 1);
                for (int c = 0; c < expected.length; c++) {
                    Cell cell = row.getCell(c);
                    Object value = expected[c];
                    if (value == null) {
                        assertThat(cell).isNull();
                    } else if (value instanceof String text) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                        assertThat(cell.getStringCellValue()).isEqualTo(text);
                    } else if (value instanceof BigDecimal number) {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue()))
                            .isEqualByComparingTo(number);
                        assertThat(cell.getCellStyle().getDataFormatString())
                            .isIn(DocumentListSheet.MONEY_FORMAT, DocumentListSheet.RATE_FORMAT);
                    } else {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
                        assertThat(cell.getLocalDateTimeCellValue().toLocalDate())
                            .isEqualTo((LocalDate) value);
                    }
                }
            }
        }
    }
}
