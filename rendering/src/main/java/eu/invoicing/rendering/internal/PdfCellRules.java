package eu.invoicing.rendering.internal;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ByteBuffer;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;

import java.awt.Color;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paints an item-table cell's background and bottom rule as a cell event, writing the very bytes
 * OpenPDF's {@code PdfPRow.writeBorderAndBackground} writes for such a cell, but with the constant
 * operators and colours formatted once per style instead of once per cell (the profile of a 200-line
 * invoice had a third of its time in OpenPDF's per-cell colour objects, graphics-state copies and
 * operator strings; docs/benchmarks.md, issue 16).
 *
 * <p>Byte identity rests on three facts of OpenPDF 2.0.5: the cell event runs after the cell's own
 * background and border would have been written and before the next cell's, each on its own canvas
 * (background and line canvases), so the order within each canvas is unchanged; the event gets the same
 * rectangle those would have used; and the numbers go through the same {@link ByteBuffer#append(float)}.
 * {@link #adopt} takes over only cells whose whole decoration is an opaque RGB background and/or a
 * bottom rule; any other cell keeps OpenPDF's path. The PDF golden and reproducibility tests compare
 * the bytes.
 *
 * <p>Immutable and thread-safe; one shared instance per style.
 */
final class PdfCellRules implements PdfPCellEvent {
    private static final Map<Style, PdfCellRules> BY_STYLE = new ConcurrentHashMap<>();
    private static final byte[] RULE_START = ascii("q\n0 J\n0 j\n");
    private static final byte[] LINE_WIDTH = ascii(" w\n");
    private static final byte[] MOVE = ascii(" m\n");
    private static final byte[] LINE = ascii(" l\n");
    private static final byte[] RULE_END = ascii("S\nQ\n");
    private static final byte[] RECTANGLE_FILL = ascii(" re\nf\n");

    /** The background colour, the bottom rule's width (0: none) and colour (unset: black), as ARGB. */
    private record Style(boolean filled, int background, float ruleWidth, boolean coloured, int ruleColor) {

        // Written out: the record's generated equals and hashCode go through method handles that the JIT did
        // not inline here, and every item cell looks its style up (about a tenth of a 200-line invoice's time).
        @Override
        public boolean equals(Object o) {
            return o instanceof Style s && filled == s.filled && background == s.background && coloured == s.coloured
                    && ruleColor == s.ruleColor && Float.floatToIntBits(ruleWidth) == Float.floatToIntBits(s.ruleWidth);
        }

        @Override
        public int hashCode() {
            int h = (filled ? 1 : 0) * 31 + background;
            h = h * 31 + Float.floatToIntBits(ruleWidth);
            h = h * 31 + (coloured ? 1 : 0);
            return h * 31 + ruleColor;
        }
    }

    private final float ruleWidth;
    /** {@code q 0 J 0 j <width> w} and the stroke colour, null without a rule: formatted once per style, not per cell. */
    private final byte[] ruleStart;
    /** {@code r g b rg} of the background, null without one. */
    private final byte[] fill;

    private PdfCellRules(Style style) {
        this.ruleWidth = style.ruleWidth();
        this.fill = style.filled() ? colour(style.background(), false) : null;
        // the stroke colour: "r g b RG", or "0 G" when the rule has no colour of its own
        byte[] stroke = style.ruleWidth() <= 0 ? null : style.coloured() ? colour(style.ruleColor(), true) : ascii("0 G\n");
        this.ruleStart = stroke == null ? null
                : new ByteBuffer().append(RULE_START).append(ruleWidth).append(LINE_WIDTH).append(stroke).toByteArray();
    }

    /**
     * Moves the cell's background and bottom rule into a shared event when that is all the decoration it
     * has; leaves any other cell (grid borders, translucent or non-RGB colours, an event of its own) as it is.
     *
     * @param cell a configured cell, not null
     * @return the same cell
     */
    static PdfPCell adopt(PdfPCell cell) {
        Color background = cell.getBackgroundColor();
        boolean rule = cell.hasBorders();
        if (cell.getCellEvent() != null || (background == null && !rule) || !plain(background)) {
            return cell;
        }
        if (rule && !(cell.getBorder() == Rectangle.BOTTOM && cell.isUseVariableBorders()
                && cell.getBorderWidthBottom() > 0 && plain(cell.getBorderColorBottom()))) {
            return cell;
        }
        Color ruleColor = rule ? cell.getBorderColorBottom() : null;
        Style style = new Style(background != null, background == null ? 0 : background.getRGB(),
                rule ? cell.getBorderWidthBottom() : 0f, ruleColor != null, ruleColor == null ? 0 : ruleColor.getRGB());
        // get first, as in Measure: computeIfAbsent can lock a bin shared by the render threads, once per cell
        PdfCellRules rules = BY_STYLE.get(style);
        cell.setCellEvent(rules != null ? rules : BY_STYLE.computeIfAbsent(style, PdfCellRules::new));
        cell.setBackgroundColor(null);
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    /** An opaque java.awt.Color (or none): what OpenPDF writes as a plain {@code rg}/{@code RG} operator. */
    private static boolean plain(Color c) {
        return c == null || (c.getClass() == Color.class && c.getAlpha() == 255);
    }

    @Override
    public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
        float left = position.getLeft();
        float bottom = position.getBottom();
        float right = position.getRight();
        float top = position.getTop();
        if (fill != null) {
            ByteBuffer b = canvases[PdfPTable.BACKGROUNDCANVAS].getInternalBuffer();
            b.append(fill);
            b.append(left).append(' ').append(bottom).append(' ').append(right - left).append(' ').append(top - bottom);
            b.append(RECTANGLE_FILL);
        }
        if (ruleStart != null) {
            ByteBuffer b = canvases[PdfPTable.LINECANVAS].getInternalBuffer();
            float y = bottom + ruleWidth / 2f;
            b.append(ruleStart);
            b.append(right).append(' ').append(y).append(MOVE);
            b.append(left).append(' ').append(y).append(LINE);
            b.append(RULE_END);
        }
    }

    /** The colour operator exactly as OpenPDF writes it, from a scratch content stream. */
    private static byte[] colour(int rgb, boolean stroke) {
        PdfContentByte scratch = new PdfContentByte(null);
        Color c = new Color(rgb, true);
        if (stroke) {
            scratch.setColorStroke(c);
        } else {
            scratch.setColorFill(c);
        }
        return scratch.getInternalBuffer().toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
