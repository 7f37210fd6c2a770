package eu.invoicing.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found in an input: the field path ({@code items[2].quantity}), a stable machine code
 * ({@code out_of_range}) and a human message that quotes the offending value.
 *
 * <p>Immutable, thread-safe and serializable (a {@link ValidationException} keeps its violations when
 * serialized). Its serialized form is its three components, as for every record; it is left off the
 * serialized-form page because javadoc 17 cannot document a record's serialized fields (docs/release.md).
 *
 * @param path the JSON-style path of the offending field, not null (empty string for the whole input)
 * @param code a stable snake_case code, not null
 * @param message a human-readable explanation, not null
 * @serial exclude
 */
public record Violation(String path, String code, String message) implements Serializable {
    /**
     * Validates that no component is null.
     *
     * @param path the JSON-style path of the offending field, not null (empty string for the whole input)
     * @param code a stable snake_case code, not null
     * @param message a human-readable explanation, not null
     * @throws NullPointerException if a component documented as not null is null
     */
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Creates a violation.
     *
     * @param path the field path, not null
     * @param code the machine code, not null
     * @param message the explanation, not null
     * @return the violation
     */
    public static Violation of(String path, String code, String message) {
        return new Violation(path, code, message);
    }

    /** Longest part of an offending value that {@link #quote} repeats. */
    public static final int QUOTE_LIMIT = 80;

    /**
     * Quotes an offending value for a message without echoing unbounded input: text in double quotes, other
     * values as their {@code toString()}, cut after {@value #QUOTE_LIMIT} characters with the full length noted.
     *
     * @param value the value, nullable
     * @return e.g. {@code "abc"}, {@code 42}, {@code null} or {@code "aaaa…" (100000 characters)}
     */
    public static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        String q = value instanceof CharSequence ? "\"" : "";
        if (text.length() <= QUOTE_LIMIT) {
            return q + text + q;
        }
        int cut = Character.isHighSurrogate(text.charAt(QUOTE_LIMIT - 1)) ? QUOTE_LIMIT - 1 : QUOTE_LIMIT;
        return q + text.substring(0, cut) + "\u2026" + q + " (" + text.length() + " characters)";
    }
}
