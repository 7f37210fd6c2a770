package eu.invoicing.core;

import java.util.Objects;

/**
 * One problem found in an input: the field path ({@code items[2].quantity}), a stable machine code
 * ({@code out_of_range}) and a human message that quotes the offending value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the JSON-style path of the offending field, not null (empty string for the whole input)
 * @param code a stable snake_case code, not null
 * @param message a human-readable explanation, not null
 */
public record Violation(String path, String code, String message) {
    /** Validates that no component is null. */
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
}
