package eu.invoicing.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: carries every {@link Violation} found, not only the first. Thrown before any state is
 * changed.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValidationException extends InvoicingException {
    private static final long serialVersionUID = 1L;

    /** Serializable: an immutable list of serializable records. */
    private final List<Violation> violations;

    /**
     * @param violations at least one violation, not null
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public ValidationException(List<Violation> violations) {
        super(summary(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        this.violations = List.copyOf(violations);
    }

    /**
     * Shortcut for a single violation.
     *
     * @param path the field path, not null
     * @param code the machine code, not null
     * @param message the explanation, not null
     * @return the exception (not thrown)
     */
    public static ValidationException of(String path, String code, String message) {
        return new ValidationException(List.of(Violation.of(path, code, message)));
    }

    /** @return every violation, in the order found; never empty */
    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.path().isEmpty() ? v.message() : v.path() + ": " + v.message())
                .collect(Collectors.joining("; "));
    }
}
