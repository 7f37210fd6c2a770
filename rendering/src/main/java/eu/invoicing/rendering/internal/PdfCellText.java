package eu.invoicing.rendering.internal;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;

import java.awt.Color;
import java.util.Arrays;

/**
 * The text of one item-table cell, broken into lines once and drawn by a cell event, so that OpenPDF
 * lays out no phrase for the cell: a text cell costs OpenPDF a {@code ColumnText} and a {@code BidiLine}
 * (four 256-entry arrays) to measure its height and the same again to write it, and the item table of a
 * 200-line invoice has some 1,200 of them (docs/benchmarks.md, issue 16, 2026-12-04).
 *
 * <p>The lines are those OpenPDF 2.0.5's {@code BidiLine.processLine} makes of the cell's phrase under the
 * item table's rule (breaks at spaces only): the same character-by-character fitting with the same float
 * widths, the same trimming of white space, a word wider than the column cut where it stops fitting. Each
 * line advances by 1.25 times its font size ({@code setLeading(0, 1.25f)}), and the cell's height is its
 * paddings plus those advances computed in the order {@code PdfPCell.getMaxHeight} computes them, so rows,
 * page breaks and baselines fall where OpenPDF put them. The text goes onto the table's text canvas with
 * the operators {@code ColumnText.go} and {@code PdfDocument.writeLineToContent} write, in their order (text
 * matrix, font when it changes, fill colour, show text, colour reset), in the cell's turn.
 *
 * <p>{@link #layOut} accepts only text whose layout this mirrors: printable characters of the left-to-right
 * scripts and symbols listed at {@link #plain(char)} (no control characters, tabs, right-to-left scripts,
 * special spaces, zero-width or bidirectional marks, surrogates or CJK), a non-blank name when
 * there is a description, a non-blank description; any other cell keeps OpenPDF's phrase.
 *
 * <p>Immutable; one instance per cell, used by the render that made it.
 */
final class PdfCellText implements PdfPCellEvent {
    /** The line leaves no width: an empty line, or one character that did not fit. */
    private static final byte ZERO = 0;
    /** The column's width less each subtracted character in turn, plus the added-back characters' sum. */
    private static final byte SEQUENTIAL = 1;
    /** The column's width less the sum of the line's characters (a line broken at a space). */
    private static final byte SUM = 2;

    private final String[] lines;
    private final BaseFont[] fonts;
    private final float[] sizes;
    private final Color[] colors;
    private final float[] advances;
    /**
     * How to compute each line's width left (OpenPDF's {@code PdfLine} remaining width, which right-aligns it)
     * from the column's width: {@link #ZERO}, {@link #SEQUENTIAL} or {@link #SUM}. It is computed when the cell
     * is drawn, from the width OpenPDF lays the cell out with then (its page position added: a float rounding
     * away from the width it measured the height with).
     */
    private final byte[] kinds;
    /** Per line: the characters subtracted one by one ({@link #SEQUENTIAL}), else the line. */
    private final String[] subtracted;
    /** Per line: characters whose width is added back after a {@link #SEQUENTIAL} subtraction (a cut word's tail). */
    private final String[] addedBack;
    private final float padRight;
    private final boolean right;
    private final float padLeft;
    private final float padTop;
    /** The cell's background and rule, or null. */
    private final PdfPCellEvent decoration;

    private PdfCellText(String[] lines, BaseFont[] fonts, float[] sizes, Color[] colors, float[] advances,
            byte[] kinds, String[] subtracted, String[] addedBack, boolean right, float padLeft, float padRight, float padTop,
            PdfPCellEvent decoration) {
        this.lines = lines;
        this.fonts = fonts;
        this.sizes = sizes;
        this.colors = colors;
        this.advances = advances;
        this.kinds = kinds;
        this.subtracted = subtracted;
        this.addedBack = addedBack;
        this.padRight = padRight;
        this.right = right;
        this.padLeft = padLeft;
        this.padTop = padTop;
        this.decoration = decoration;
    }

    /**
     * Breaks a cell's text into lines, or says that OpenPDF must lay it out.
     *
     * @param text the cell's text (a paragraph of its own), not null
     * @param font its font, not null
     * @param size its size in points
     * @param color its colour, not null
     * @param description a second paragraph in {@code descFont}, or null
     * @param descFont the description's font, not null when there is a description
     * @param descSize the description's size in points
     * @param descColor the description's colour
     * @param width the width between the cell's paddings, as {@code PdfPCell.getMaxHeight} computes it
     * @param right whether the lines are right-aligned (else left-aligned)
     * @param padLeft the cell's left padding
     * @param padRight the cell's right padding
     * @param padTop the cell's top padding
     * @return the laid-out text, or null when the text is outside what this class mirrors
     */
    static PdfCellText layOut(String text, BaseFont font, float size, Color color, String description,
            BaseFont descFont, float descSize, Color descColor, float width, boolean right, float padLeft, float padRight,
            float padTop) {
        if (!plain(text) || (description != null && (!plain(description) || description.isBlank() || text.isBlank()))) {
            return null;
        }
        Lines out = new Lines();
        paragraph(text, Measure.unitTable(font), size, width, out);
        int first = out.count;
        if (description != null) {
            paragraph(description, Measure.unitTable(descFont), descSize, width, out);
        }
        int n = out.count;
        String[] lines = new String[n];
        BaseFont[] fonts = new BaseFont[n];
        float[] sizes = new float[n];
        Color[] colors = new Color[n];
        float[] advances = new float[n];
        for (int i = 0; i < n; i++) {
            boolean body = i < first;
            lines[i] = out.text[i];
            fonts[i] = body ? font : descFont;
            sizes[i] = body ? size : descSize;
            colors[i] = body ? color : descColor;
            // ColumnText: max(fixedLeading + maxSize * multipliedLeading, image leading), with no image
            advances[i] = Math.max(0f + sizes[i] * 1.25f, -10000f);
        }
        return new PdfCellText(lines, fonts, sizes, colors, advances, Arrays.copyOf(out.kinds, n),
                Arrays.copyOf(out.subtracted, n), Arrays.copyOf(out.addedBack, n), right, padLeft,
                padRight, padTop, null);
    }

    private static boolean plain(String s) {
        for (int k = 0, n = s.length(); k < n; k++) {
            if (!plain(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Printable characters of left-to-right scripts that OpenPDF neither breaks at (other than the space),
     * skips, shapes nor reorders, and whose widths {@link Measure#unitTable} holds: Latin, Greek, Cyrillic and
     * Armenian, Latin and Greek extended, dashes and quotation marks, per mille and primes, currency signs,
     * letter-like symbols, arrows and mathematical operators. Left out: control characters, tabs, the
     * U+2000-U+200F spaces and zero-width marks, the line and paragraph separators and bidirectional
     * controls, invisible operators, right-to-left and all other scripts, surrogates.
     */
    private static boolean plain(char c) {
        return (c >= ' ' && c < '\u007f') || (c >= '\u00a0' && c < '\u0590') || (c >= '\u1e00' && c < '\u2000')
                || (c >= '\u2010' && c < '\u2028') || (c >= '\u2030' && c < '\u205f') || (c >= '\u20a0' && c < '\u20d0')
                || (c >= '\u2100' && c < '\u2300');
    }

    /** Lines made so far, with how to compute the width each leaves. */
    private static final class Lines {
        String[] text = new String[4];
        byte[] kinds = new byte[4];
        String[] subtracted = new String[4];
        String[] addedBack = new String[4];
        int count;

        void add(String line, byte kind, String sub, String back) {
            if (count == text.length) {
                text = Arrays.copyOf(text, count * 2);
                kinds = Arrays.copyOf(kinds, count * 2);
                subtracted = Arrays.copyOf(subtracted, count * 2);
                addedBack = Arrays.copyOf(addedBack, count * 2);
            }
            text[count] = line;
            kinds[count] = kind;
            subtracted[count] = sub;
            addedBack[count++] = back;
        }
    }

    /** {@code BidiLine.isWS}. */
    private static boolean ws(char c) {
        return c <= ' ';
    }

    private static float charWidth(int[] units, char c, float size) {
        // BaseFont.getWidthPoint(int, float) times PdfFont's horizontal scale of 1
        return units[c] * 0.001f * size * 1f;
    }

    /**
     * One paragraph, line by line, as {@code BidiLine.getParagraph} and {@code processLine} make it for a
     * chunk whose only split character is the space.
     */
    private static void paragraph(String s, int[] units, float size, float width, Lines out) {
        char[] t = s.toCharArray();
        int n = t.length;
        // getParagraph: trailing white space removed
        while (n > 0 && ws(t[n - 1])) {
            n--;
        }
        if (n == 0) {
            // white space alone still makes one empty line (processLine's "totalTextLength == 0"); nothing, none
            if (t.length > 0) {
                out.add("", ZERO, "", "");
            }
            return;
        }
        int cur = 0;
        while (cur < n) {
            if (cur != 0) {
                while (cur < n && ws(t[cur])) {
                    cur++;
                }
                if (cur >= n) {
                    return;
                }
            }
            int old = cur;
            int lastSplit = -1;
            float w = width;
            boolean fitted = false;
            for (; cur < n; ++cur) {
                char c = t[cur];
                float cw = charWidth(units, c, size);
                boolean split = c == ' ';
                if (split) {
                    lastSplit = cur;
                }
                if (w - cw < 0) {
                    break;
                }
                w -= cw;
                fitted = true;
            }
            if (!fitted) {
                // not even one character fits: it goes on a line of its own
                ++cur;
                out.add(new String(t, cur - 1, 1), ZERO, "", "");
                continue;
            }
            if (cur >= n) {
                String line = new String(t, old, n - old);
                out.add(line, SEQUENTIAL, line, "");
                return;
            }
            int end = cur - 1;
            while (end >= old && ws(t[end])) {
                end--;
            }
            if (end < old) {
                String line = new String(t, old, cur - old);
                out.add(line, SEQUENTIAL, line, "");
                continue;
            }
            if (lastSplit == -1 || lastSplit >= end) {
                // no space to break at: the word is cut where it stops fitting
                out.add(new String(t, old, end - old + 1), SEQUENTIAL, new String(t, old, cur - old),
                        new String(t, end + 1, cur - 1 - end));
                continue;
            }
            cur = lastSplit + 1;
            end = lastSplit;
            while (end >= old && ws(t[end])) {
                end--;
            }
            if (end < old) {
                end = cur - 1;
            }
            String line = new String(t, old, end - old + 1);
            out.add(line, SUM, line, "");
        }
    }

    /** {@code BidiLine.getWidth}: the widths of {@code chars}, added in order. */
    private static float sum(String chars, int[] units, float size) {
        float w = 0f;
        for (int k = 0, n = chars.length(); k < n; k++) {
            w += charWidth(units, chars.charAt(k), size);
        }
        return w;
    }

    /** Line {@code i}'s width left in a column {@code width} wide, as {@code BidiLine.processLine} computes it. */
    private float widthLeft(int i, float width) {
        int[] units = Measure.unitTable(fonts[i]);
        switch (kinds[i]) {
            case SEQUENTIAL: {
                float w = width;
                String chars = subtracted[i];
                for (int k = 0, n = chars.length(); k < n; k++) {
                    w -= charWidth(units, chars.charAt(k), sizes[i]);
                }
                return addedBack[i].isEmpty() ? w : w + sum(addedBack[i], units, sizes[i]);
            }
            case SUM:
                return width - sum(subtracted[i], units, sizes[i]);
            default:
                return 0f;
        }
    }

    /**
     * The cell's height: its paddings and the lines' advances, in the order of {@code PdfPCell.getMaxHeight}
     * (the cell's top at 0, the column's top at minus the top padding, each line's advance subtracted).
     *
     * @param padBottom the cell's bottom padding
     * @return what OpenPDF would compute for the cell with its phrase
     */
    float height(float padBottom) {
        float y = 0f - padTop;
        for (float advance : advances) {
            y -= advance;
        }
        float bottom = y - padBottom;
        return 0f - bottom;
    }

    /**
     * Turns {@code cell} (without a phrase, padded and decorated) into this text's cell: its height fixed to
     * {@link #height} and its event drawing its decoration (kept from {@link PdfCellRules#adopt}) and the text.
     *
     * @param cell an empty cell, not null
     * @return the same cell
     */
    PdfPCell install(PdfPCell cell) {
        cell.setFixedHeight(height(cell.getEffectivePaddingBottom()));
        PdfPCellEvent decorationEvent = cell.getCellEvent();
        // setCellEvent adds to an event already set (through a forwarder, a list per cell): replace it instead
        cell.setCellEvent(null);
        cell.setCellEvent(new PdfCellText(lines, fonts, sizes, colors, advances, kinds, subtracted, addedBack, right,
                padLeft, padRight, padTop, decorationEvent));
        return cell;
    }

    @Override
    public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
        if (decoration != null) {
            decoration.cellLayout(cell, position, canvases);
        }
        if (lines.length == 0) {
            return;
        }
        PdfContentByte text = canvases[PdfPTable.TEXTCANVAS];
        float x = position.getLeft() + padLeft;
        // PdfPRow.writeCells: the column between the paddings, at the cell's place on the page
        float width = (position.getRight() - padRight) - x;
        float y = position.getTop() - padTop;
        text.beginText();
        BaseFont current = null;
        float currentSize = 0f;
        for (int i = 0; i < lines.length; i++) {
            y -= advances[i];
            // ColumnText.go places the line, then writeLineToContent sets the font when it changes
            text.setTextMatrix(right ? x + widthLeft(i, width) : x, y);
            if (fonts[i] != current || sizes[i] != currentSize) {
                current = fonts[i];
                currentSize = sizes[i];
                text.setFontAndSize(current, currentSize);
            }
            text.setColorFill(colors[i]);
            text.showText(lines[i]);
            text.resetRGBColorFill();
        }
        text.endText();
    }
}
