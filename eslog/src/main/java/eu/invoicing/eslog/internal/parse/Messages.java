package eu.invoicing.eslog.internal.parse;

import java.math.BigDecimal;

/**
 * Puts untrusted values into messages without echoing them whole: a value is quoted up to a short prefix
 * with its full length; a foreign message (the JDK's, JAXB's) is cut to a bounded length.
 *
 * <p>Stateless and thread-safe.
 */
public final class Messages {

    /** The most characters of a value a message quotes. */
    public static final int MAX_QUOTED = 64;
    /** The most characters of a foreign message kept. */
    public static final int MAX_MESSAGE = 400;
    /** Digits beyond which a number is shown in scientific notation rather than plain. */
    private static final int MAX_PLAIN_DIGITS = 40;

    private Messages() {
    }

    /**
     * @param value the value, nullable
     * @return {@code "value"}, or for a long one {@code "prefix…" (N characters)}; {@code null} for null
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= MAX_QUOTED) {
            return '"' + value + '"';
        }
        int end = value.offsetByCodePoints(0, Math.min(MAX_QUOTED, value.codePointCount(0, MAX_QUOTED)));
        return '"' + value.substring(0, end) + "…\" (" + value.length() + " characters)";
    }

    /**
     * @param message a message that may quote input, nullable
     * @return the message, cut to {@value #MAX_MESSAGE} characters
     */
    public static String abbreviate(String message) {
        String m = String.valueOf(message);
        if (m.length() <= MAX_MESSAGE) {
            return m;
        }
        int end = m.offsetByCodePoints(0, m.codePointCount(0, MAX_MESSAGE));
        return m.substring(0, end) + "… (" + m.length() + " characters)";
    }

    /**
     * @param value a number, nullable
     * @return its plain form, or the scientific one when the plain form would be long (1E+999999999 has a
     *         billion digits in plain), quoted as {@link #quote(String)} would
     */
    public static String number(BigDecimal value) {
        if (value == null) {
            return "null";
        }
        boolean plainIsShort = value.precision() <= MAX_PLAIN_DIGITS && Math.abs((long) value.scale()) <= MAX_PLAIN_DIGITS;
        String text = plainIsShort ? value.toPlainString() : value.toString();
        return text.length() <= MAX_QUOTED ? text : quote(text);
    }
}
