package eu.invoicing.rendering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link PdfCellRules} writes the bytes OpenPDF writes for the same cells, and leaves alone the cells it
 * cannot reproduce; {@link Measure}'s width table gives OpenPDF's widths exactly.
 */
class PdfCellRulesTest {

    private static final Color RULE = new Color(0xe5e7eb);
    private static final Color ZEBRA = new Color(0xf5f7fa);

    @Test
    void adopt_backgroundsAndBottomRules_sameBytesAsOpenPdf() {
        assertSameBytes(c -> {
            c.setBackgroundColor(ZEBRA);
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(RULE);
            c.setBorderWidthBottom(0.5f);
        });
        assertSameBytes(c -> c.setBackgroundColor(ZEBRA));
        assertSameBytes(c -> {
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderWidthBottom(1.5f);
        });
        // a header cell: no border set, then a bottom rule given by its width alone
        assertSameBytes(c -> {
            c.setBackgroundColor(new Color(0x1f2937));
            c.setBorder(Rectangle.NO_BORDER);
            c.setBorderColor(RULE);
            c.setBorderWidthBottom(1f);
        });
    }

    @Test
    void adopt_gridOrTranslucentCells_leftToOpenPdf() {
        PdfPCell grid = cell(c -> {
            c.setBorderColor(RULE);
            c.setBorderWidth(0.6f);
        });
        PdfPCell translucent = cell(c -> c.setBackgroundColor(new Color(10, 20, 30, 128)));
        assertThat(PdfCellRules.adopt(grid).getCellEvent()).isNull();
        assertThat(PdfCellRules.adopt(translucent).getCellEvent()).isNull();
        assertThat(grid.hasBorders()).isTrue();
        assertThat(translucent.getBackgroundColor()).isNotNull();
        assertSameBytes(c -> {
            c.setBorderColor(RULE);
            c.setBorderWidth(0.6f);
        });
    }

    @Test
    void width_latinCyrillicSymbolsAndSurrogates_equalsOpenPdf() {
        for (String text : new String[] {"Čebelarstvo Žužek s.p.", "Фактура № 42", "1.750,03\u00a0€ − 5\u00a0%", "™ \u2212",
                                         "Ελληνικά", "\ud835\udc00 math", "\u4e2d\u6587"}) {
            assertThat(Measure.width(PdfFonts.SANS, 9f, text)).as(text).isEqualTo(PdfFonts.SANS.getWidthPoint(text, 9f));
            assertThat(Measure.width(PdfFonts.SERIF_BOLD, 11.5f, text)).as(text)
                    .isEqualTo(PdfFonts.SERIF_BOLD.getWidthPoint(text, 11.5f));
        }
    }

    @Test
    void defaultBreaksAgree_onlyWithoutCharactersTheDefaultRuleBreaksAt() {
        assertThat(Measure.defaultBreaksAgree("1.750,03\u00a0€ Postavka 12")).isTrue();
        assertThat(Measure.defaultBreaksAgree(null)).isTrue();
        for (String text : new String[] {"2026-00042", "a\nb", "a\u2010b", "a\u2009b", "\u4e2d"}) {
            assertThat(Measure.defaultBreaksAgree(text)).as(text).isFalse();
        }
    }

    /** Draws a 3 × 4 table of cells configured by {@code style}, once through OpenPDF and once adopted. */
    private static void assertSameBytes(Consumer<PdfPCell> style) {
        String openPdf = draw(style, false);
        String adopted = draw(style, true);
        assertThat(adopted).isEqualTo(openPdf).isNotBlank();
    }

    private static String draw(Consumer<PdfPCell> style, boolean adopt) {
        PdfPTable table = new PdfPTable(new float[] {1.3f, 1f, 0.7f});
        table.setTotalWidth(453.54f);
        for (int i = 0; i < 12; i++) {
            PdfPCell c = cell(style);
            c.setFixedHeight(11.7f + i * 0.37f);
            table.addCell(adopt ? PdfCellRules.adopt(c) : c);
        }
        // a writer for the cells' (empty) text; only the table's own canvas is read, the document is never closed
        Document document = new Document();
        PdfContentByte canvas = new PdfContentByte(PdfWriter.getInstance(document, new ByteArrayOutputStream()));
        document.open();
        table.writeSelectedRows(0, -1, 56.69f, 785.2f, canvas);
        return new String(canvas.getInternalBuffer().toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private static PdfPCell cell(Consumer<PdfPCell> style) {
        PdfPCell c = new PdfPCell(new Phrase(""));
        c.setPadding(2.5f);
        style.accept(c);
        return c;
    }
}
