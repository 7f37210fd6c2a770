package eu.invoicing.core.model;

/**
 * Outcome of a VAT-number check.
 *
 * <p>Immutable and thread-safe.
 */
public enum VatCheckStatus {
    /** Confirmed valid by an authoritative source (e.g. VIES). */
    VALID,
    /** Well-formed but not confirmed (the default, format-only validator says this). */
    UNVERIFIED,
    /** Malformed or rejected. */
    INVALID
}
