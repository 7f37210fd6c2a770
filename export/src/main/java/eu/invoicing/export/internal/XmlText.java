package eu.invoicing.export.internal;

/**
 * Makes text safe for an XML document (the cells of an XLSX sheet): characters that XML 1.0
 * cannot carry at all (C0 controls other than tab, line feed and carriage return; U+FFFE,
 * U+FFFF; unpaired surrogates) are replaced by U+FFFD, so hostile or corrupt input can never
 * produce an unreadable workbook.
 *
 * <p>Stateless and thread-safe.
 */
public final class XmlText {

    /** The replacement character written in place of a character XML cannot carry. */
    public static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /**
     * @param text the text, nullable
     * @return the text with every character XML 1.0 forbids replaced by U+FFFD; the same instance
     *     when nothing needed replacing; null for null
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                ok = true;
                width = 2;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.append(text, i, i + width);
                } else {
                    out.append(REPLACEMENT);
                }
            }
            i += width - 1;
        }
        return out == null ? text : out.toString();
    }
}
