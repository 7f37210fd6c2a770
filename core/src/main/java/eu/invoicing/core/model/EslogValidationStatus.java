package eu.invoicing.core.model;

/**
 * Result of validating a document for e-SLOG export.
 *
 * <p>Immutable and thread-safe.
 */
public enum EslogValidationStatus {
    /** Passes the XSD and the business rules. */
    VALID,
    /** At least one error. */
    INVALID,
    /** Not validated yet. */
    NOT_VALIDATED
}
