package eu.invoicing.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every {@link Violation} of one input so that a {@link ValidationException} reports them all.
 *
 * <p>Mutable and not thread-safe: one collector per validation run.
 */
public final class ViolationCollector {
    private final List<Violation> violations = new ArrayList<>();

    /** An empty collector. */
    public ViolationCollector() {
    }

    /**
     * @param path field path, not null
     * @param code machine code, not null
     * @param message human message quoting the value, not null
     * @return this
     */
    public ViolationCollector add(String path, String code, String message) {
        violations.add(Violation.of(path, code, message));
        return this;
    }

    /**
     * @param violation not null
     * @return this
     */
    public ViolationCollector add(Violation violation) {
        violations.add(violation);
        return this;
    }

    /** @return true when nothing was found */
    public boolean isEmpty() {
        return violations.isEmpty();
    }

    /** @return a copy of what was found */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /**
     * @throws ValidationException with every violation, when any was found
     */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
