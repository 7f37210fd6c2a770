package eu.invoicing.eslog.internal.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Text handling for e-SLOG strings: XSD lengths count characters (Unicode code points), every
 * string needs at least one character, and XML 1.0 forbids most control characters. Long texts
 * are cut into components of the maximum length; on reading, a component of exactly the maximum
 * length is taken to continue in the next one (joined without a separator), any other boundary is
 * a line break. That makes split-then-join lossless.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextChunks {

    private TextChunks() {
    }

    /**
     * @param text nullable
     * @return the text without characters XML 1.0 cannot carry, or null when nothing printable remains
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && sb != null) {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
        String out = sb == null ? text : sb.toString();
        return out.isBlank() ? null : out;
    }

    /**
     * @param text nullable
     * @return the length in code points, 0 for null
     */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /**
     * Cuts a text into pieces of at most {@code max} code points.
     *
     * @param text the cleaned text, nullable
     * @param max the component length, &gt; 0
     * @return the pieces, empty for null
     */
    public static List<String> split(String text, int max) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = 0;
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int n = Character.charCount(text.codePointAt(i));
            i += n;
            if (++count == max) {
                out.add(text.substring(start, i));
                start = i;
                count = 0;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /**
     * Joins components read from XML: a component of exactly {@code max} code points continues in
     * the next, any other boundary becomes a line break.
     *
     * @param parts the components, nulls skipped
     * @param max the component length
     * @return the text, or null when there are no components
     */
    public static String join(List<String> parts, int max) {
        StringBuilder sb = null;
        String previous = null;
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(part);
            } else {
                if (length(previous) != max) {
                    sb.append('\n');
                }
                sb.append(part);
            }
            previous = part;
        }
        return sb == null ? null : sb.toString();
    }
}
