package eu.invoicing.export.safety;

import java.util.Objects;

/**
 * The one place that neutralises spreadsheet text cells against formula injection (CSV
 * injection, CWE-1236).
 *
 * <p>A text value that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return may be interpreted as a formula (or as the start of one, after trimming) by a
 * spreadsheet program that opens the exported file. Such a value is prefixed with a single
 * quote ({@code '}), the prefix recommended by OWASP: every spreadsheet program then shows the
 * text instead of evaluating it. Values that do not begin with one of these characters are
 * returned unchanged. Only text cells pass through here: numbers, dates and booleans are written
 * as typed cells and cannot carry a formula.
 *
 * <p>Stateless and thread-safe.
 */
public final class FormulaInjectionGuard {

    /** The prefix put in front of a dangerous value. */
    public static final char NEUTRALISING_PREFIX = '\'';

    private FormulaInjectionGuard() {
    }

    /**
     * Tells whether a text value would be read as a formula by a spreadsheet.
     *
     * @param text the cell text, not null
     * @return true when the first character is {@code = + - @}, tab or carriage return
     * @throws NullPointerException if {@code text} is null
     */
    public static boolean isDangerous(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return false;
        }
        switch (text.charAt(0)) {
            case '=':
            case '+':
            case '-':
            case '@':
            case '\t':
            case '\r':
                return true;
            default:
                return false;
        }
    }

    /**
     * Returns the text to write into a spreadsheet text cell.
     *
     * @param text the cell text, nullable (null is returned as null, meaning an empty cell)
     * @return {@code text} itself, or {@code text} prefixed with {@link #NEUTRALISING_PREFIX}
     *     when {@link #isDangerous(String)} is true
     */
    public static String neutralise(String text) {
        if (text == null || !isDangerous(text)) {
            return text;
        }
        return NEUTRALISING_PREFIX + text;
    }
}
