package eu.invoicing.rendering.internal;

import com.lowagie.text.pdf.BaseFont;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Text widths from the embedded Liberation fonts' metrics, and column widths that leave room for them.
 * Both backends lay out with these numbers: the PDF draws with these fonts, and the HTML names them first
 * (Liberation is metric-compatible with Arial and Times New Roman, its fallbacks).
 *
 * <p>Lines break at spaces only (U+0020 and line feeds); a no-break space (U+00A0) keeps its neighbours
 * together, as in the PDF (see {@code PdfBackend}'s split rule) and in HTML.
 *
 * <p>Thread-safe; its only state is a table of glyph widths per font, filled once.
 */
final class Measure {
    // Compiled once: String.split compiles its pattern on every call, and layout measures every label.
    private static final Pattern WORD_BREAKS = Pattern.compile("[ \\n]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("\r?\n");
    private static final Pattern SPACES = Pattern.compile(" +");

    /** Code points below this have their widths in {@link #WIDTHS}. */
    private static final int TABLED = 0x2300;
    private static final Map<BaseFont, int[]> WIDTHS = new ConcurrentHashMap<>();

    private Measure() {
    }

    /** Width of {@code text} in points, on one line. */
    static float width(BaseFont font, float size, String text) {
        return text == null || text.isEmpty() ? 0f : units(font, text) * 0.001f * size;
    }

    /**
     * {@code font.getWidth(text)}, in thousandths of an em, from a table of the font's advance widths for the
     * first 0x2300 code points (Latin, Greek, Cyrillic, punctuation): OpenPDF looks each character
     * up in a boxed-integer map, and layout measures every cell. The sum is the same integer OpenPDF's
     * {@code getWidth(String)} adds up, so {@link #width} equals {@code getWidthPoint} exactly.
     */
    private static int units(BaseFont font, String text) {
        // get first: computeIfAbsent locks the map's bin whenever the key is not its first node, and
        // this runs for every measured string, on every render thread at once
        int[] table = WIDTHS.get(font);
        if (table == null) {
            table = WIDTHS.computeIfAbsent(font, Measure::widths);
        }
        int total = 0;
        for (int k = 0, n = text.length(); k < n; k++) {
            char c = text.charAt(k);
            if (c >= TABLED || Character.isSurrogate(c)) {
                return font.getWidth(text);
            }
            total += table[c];
        }
        return total;
    }

    /**
     * The font's advance widths ({@code font.getWidth(c)}) of the code points below U+2300, shared: callers
     * must not change the array.
     */
    static int[] unitTable(BaseFont font) {
        int[] table = WIDTHS.get(font);
        return table != null ? table : WIDTHS.computeIfAbsent(font, Measure::widths);
    }

    private static int[] widths(BaseFont font) {
        int[] table = new int[TABLED];
        for (int c = 0; c < TABLED; c++) {
            table[c] = font.getWidth(c);
        }
        return table;
    }

    /** Width of the widest word of {@code text} (words are separated by spaces and line feeds), in points. */
    static float widestWord(BaseFont font, float size, String text) {
        float widest = 0f;
        if (text == null) {
            return widest;
        }
        for (String word : WORD_BREAKS.split(text)) {
            widest = Math.max(widest, width(font, size, word));
        }
        return widest;
    }

    /** Width of the widest line of {@code text} (split at line feeds), in points. */
    static float widestLine(BaseFont font, float size, String text) {
        float widest = 0f;
        if (text == null) {
            return widest;
        }
        for (String line : text.split("\n")) {
            widest = Math.max(widest, width(font, size, line));
        }
        return widest;
    }

    /**
     * Whether OpenPDF's default line-break rule breaks {@code text} only where the PDF's spaces-only rule
     * does: the text has no other character the default breaks at (hyphens, control characters, the
     * U+2002-U+200B spaces, CJK). Such a chunk needs no split-character attribute, which OpenPDF copies into
     * every piece of layout it makes of the chunk (most cells are numbers and short names).
     */
    static boolean defaultBreaksAgree(String text) {
        if (text == null) {
            return true;
        }
        for (int k = 0, n = text.length(); k < n; k++) {
            char c = text.charAt(k);
            if ((c < ' ' && c != '\t') || c == '-' || c == '\u2010' || (c >= '\u2002' && c <= '\u200b') || c >= '\u2e80') {
                return false;
            }
        }
        return true;
    }

    /**
     * Column widths that share {@code total} in proportion to {@code preferred} while giving every column at
     * least its {@code minimum}: columns below their minimum get it, the others share what is left. When
     * the minimums alone exceed the total, they are scaled down to it (nothing better exists).
     *
     * @return absolute widths summing to {@code total}
     */
    static float[] fit(float total, float[] preferred, float[] minimum) {
        int n = preferred.length;
        float[] widths = new float[n];
        float minimumSum = 0f;
        for (float m : minimum) {
            minimumSum += m;
        }
        if (minimumSum >= total) {
            for (int i = 0; i < n; i++) {
                widths[i] = minimumSum == 0f ? total / n : minimum[i] * total / minimumSum;
            }
            return widths;
        }
        boolean[] pinned = new boolean[n];
        for (int round = 0; round <= n; round++) {
            float free = total;
            float weight = 0f;
            for (int i = 0; i < n; i++) {
                if (pinned[i]) {
                    free -= minimum[i];
                } else {
                    weight += preferred[i];
                }
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (!pinned[i]) {
                    widths[i] = weight == 0f ? 0f : free * preferred[i] / weight;
                    if (widths[i] < minimum[i]) {
                        pinned[i] = true;
                        changed = true;
                    }
                } else {
                    widths[i] = minimum[i];
                }
            }
            if (!changed) {
                break;
            }
        }
        return widths;
    }

    /**
     * Breaks {@code text} into lines no wider than {@code width}, at spaces only; line feeds in the text
     * are kept. A single word wider than the line stays whole on a line of its own.
     */
    static List<String> wrap(String text, BaseFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : LINE_BREAKS.split(text)) {
            StringBuilder line = new StringBuilder();
            for (String word : SPACES.split(paragraph.strip())) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > 0 && width(font, size, line + " " + word) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
        }
        return lines;
    }
}
