package eu.invoicing.core.model;

/**
 * Fiscalization state of a document (docs/lifecycle.md, "Fiscalization").
 *
 * <p>Immutable and thread-safe.
 */
public enum FiscalStatus {
    /** Not (yet) sent. */
    NOT_FISCALIZED,
    /** Sent, no answer yet. */
    PENDING,
    /** Confirmed by the tax authority (EOR / JIR received). */
    SUCCESS,
    /** Sending failed; may be retried. */
    FAILED,
    /** Out of scope (e.g. bank-transfer invoice); nothing sent. */
    SKIPPED
}
