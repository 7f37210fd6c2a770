package eu.invoicing.rendering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PdfCellText} breaks lines, sizes cells and writes text exactly as OpenPDF does for the item table's
 * phrases: random tables drawn both ways give the same bytes, and text it does not mirror is refused.
 */
class PdfCellTextTest {

    private static final Color TEXT = new Color(0x1f2937);
    private static final Color MUTED = new Color(0x6b7280);
    private static final Color ZEBRA = new Color(0xf5f7fa);
    private static final Color RULE = new Color(0xe5e7eb);
    private static final String[] WORDS = {"Paper", "A4", "(box)", "Whiteboard", "1.750,03", "22\u00a0%", "kg", "Čevlji",
        "Фактура", "№", "Δ", "Installation-and-configuration-of-the-server-room", "2026-00042", "x", "—", "€",
        "https://primer.si/pogoji/splosni-pogoji-poslovanja", "Ελληνικά", "Übergrößenträger", "ß"};

    @Test
    void layOut_randomCellsAndWidths_sameBytesAndHeightsAsOpenPdf() {
        Random random = new Random(20261204L);
        int laidOut = 0;
        for (int table = 0; table < 600; table++) {
            float[] widths = {20f + random.nextFloat() * 180f, 10f + random.nextFloat() * 90f, 30f + random.nextFloat() * 60f};
            float pad = random.nextBoolean() ? 2.5f : 4.1f;
            float size = random.nextBoolean() ? 9.5f : 8.5f;
            BaseFont font = random.nextBoolean() ? PdfFonts.SANS : PdfFonts.SERIF;
            // a page's worth of rows: far below a page, OpenPDF's 0.001 pt tolerance at a column's bottom is less
            // than its own rounding error and it may drop a cell's last line, which PdfCellText does not copy
            String[][] texts = new String[5][];
            for (int row = 0; row < texts.length; row++) {
                texts[row] = new String[] {text(random, 1 + random.nextInt(9)), random.nextInt(3) == 0 ? null : text(random, 1 + random.nextInt(12)),
                                           text(random, 1 + random.nextInt(3)), text(random, random.nextInt(2))};
            }
            String openPdf = draw(widths, pad, font, size, texts, false, null);
            int[] count = new int[1];
            String ours = draw(widths, pad, font, size, texts, true, count);
            assertSame(ours, openPdf, "table " + table);
            laidOut += count[0];
        }
        // most cells take the new path: the comparison is not vacuous
        assertThat(laidOut).isGreaterThan(600 * 5 * 3 * 3 / 4);
    }

    @Test
    void layOut_textItDoesNotMirror_isLeftToOpenPdf() {
        for (String text : new String[] {"a\tb", "a\nb", "\u05e9\u05dc\u05d5\u05dd", "\u4e2d\u6587", "a\u200bb", "a\u2002b", "a\u202eb", "\ud835\udc00", "\u0085", "\u0627\u0644"}) {
            assertThat(PdfCellText.layOut(text, PdfFonts.SANS, 9f, TEXT, null, PdfFonts.SANS, 8f, MUTED, 100f, false, 2f, 2f, 2f))
                    .as(text).isNull();
        }
        assertThat(PdfCellText.layOut(" ", PdfFonts.SANS, 9f, TEXT, "description", PdfFonts.SANS, 8f, MUTED, 100f, false, 2f, 2f, 2f)).isNull();
        assertThat(PdfCellText.layOut("name", PdfFonts.SANS, 9f, TEXT, "  ", PdfFonts.SANS, 8f, MUTED, 100f, false, 2f, 2f, 2f)).isNull();
        assertThat(PdfCellText.layOut("Čebelarstvo Фактура 1.750,03\u00a0€", PdfFonts.SANS, 9f, TEXT, null, PdfFonts.SANS, 8f, MUTED,
                100f, true, 2f, 2f, 2f)).isNotNull();
    }

    /** Equal strings, or a failure that shows the first difference rather than two pages of operators. */
    private static void assertSame(String actual, String expected, String what) {
        int k = 0;
        while (k < actual.length() && k < expected.length() && actual.charAt(k) == expected.charAt(k)) {
            k++;
        }
        int from = Math.max(0, k - 150);
        assertThat(actual.substring(from, Math.min(actual.length(), k + 150))).as("%s, from character %d", what, from)
                .isEqualTo(expected.substring(from, Math.min(expected.length(), k + 150)));
    }

    private static String text(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(random.nextInt(12) == 0 ? "  " : " ");
            }
            b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextInt(15) == 0) {
            b.append(' ');
        }
        return b.toString();
    }

    /** The item table's body cells as {@code PdfBackend} builds them, through OpenPDF's phrases or laid out here. */
    private static String draw(float[] widths, float pad, BaseFont font, float size, String[][] rows, boolean layOut, int[] laidOut) {
        PdfPTable table = new PdfPTable(widths.length);
        float total = 0f;
        for (float w : widths) {
            total += w;
        }
        table.setTotalWidth(total);
        try {
            table.setWidths(widths);
        } catch (com.lowagie.text.DocumentException e) {
            throw new AssertionError(e);
        }
        float[] absolute = table.getAbsoluteWidths();
        Font cellFont = new Font(font, size, Font.NORMAL, TEXT);
        Font descFont = new Font(font, size * 0.88f, Font.NORMAL, MUTED);
        int index = 0;
        for (String[] row : rows) {
            boolean stripe = index++ % 2 == 1;
            float left = 0f;
            for (int i = 0; i < widths.length; i++) {
                float right = left + absolute[i];
                String description = i == 0 ? row[1] : null;
                String text = i == 0 ? row[0] : row[i + 1];
                boolean numeric = i > 0;
                PdfCellText laid = layOut ? PdfCellText.layOut(text, font, size, TEXT, description, font, descFont.getSize(), MUTED,
                        (right - pad) - (left + pad), numeric, pad, pad, pad) : null;
                left = right;
                PdfPCell c;
                if (laid != null) {
                    laidOut[0]++;
                    c = new PdfPCell();
                    c.setPadding(pad);
                } else {
                    Phrase phrase = PdfBackend.phrase(text, cellFont);
                    if (description != null) {
                        phrase.add(PdfBackend.chunk("\n" + description, descFont));
                    }
                    c = new PdfPCell(phrase);
                    c.setPadding(pad);
                    c.setLeading(0, 1.25f);
                    c.setHorizontalAlignment(numeric ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                }
                if (stripe) {
                    c.setBackgroundColor(ZEBRA);
                }
                c.setBorder(Rectangle.BOTTOM);
                c.setBorderColor(RULE);
                c.setBorderWidthBottom(0.5f);
                c = PdfCellRules.adopt(c);
                table.addCell(laid != null ? laid.install(c) : c);
            }
        }
        Document document = new Document();
        PdfContentByte canvas = new PdfContentByte(PdfWriter.getInstance(document, new ByteArrayOutputStream()));
        document.open();
        StringBuilder heights = new StringBuilder();
        for (int r = 0; r < table.size(); r++) {
            heights.append(table.getRowHeight(r)).append(' ');
        }
        table.writeSelectedRows(0, -1, 56.69f, 785.2f, canvas);
        return heights + "\n" + new String(canvas.getInternalBuffer().toByteArray(), StandardCharsets.ISO_8859_1);
    }
}
