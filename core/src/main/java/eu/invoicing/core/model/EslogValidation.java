package eu.invoicing.core.model;

import eu.invoicing.core.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@code eslog} object of a document: the outcome of the last e-SLOG 2.0 validation.
 *
 * <p>Immutable and thread-safe.
 *
 * @param validationStatus valid, invalid or not validated, not null
 * @param validationErrors every error with its path, not null (copied)
 * @param validatedAt when validated, nullable
 */
public record EslogValidation(EslogValidationStatus validationStatus, List<Violation> validationErrors,
        Instant validatedAt) {
    /**
     * Copies the error list; rejects nulls.
     *
     * @param validationStatus valid, invalid or not validated, not null
     * @param validationErrors every error with its path, not null (copied)
     * @param validatedAt when validated, nullable
     * @throws NullPointerException if a component documented as not null is null
     */
    public EslogValidation {
        Objects.requireNonNull(validationStatus, "validationStatus");
        validationErrors = List.copyOf(Objects.requireNonNull(validationErrors, "validationErrors"));
    }
}
