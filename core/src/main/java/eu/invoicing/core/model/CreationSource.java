package eu.invoicing.core.model;

/**
 * Where a document's totals came from.
 *
 * <p>Immutable and thread-safe.
 */
public enum CreationSource {
    /** Calculated by the engine from the items. */
    API,
    /** Pre-calculated totals supplied by the caller ({@code creation_source: "custom"}). */
    CUSTOM,
    /** Read from an e-SLOG (or other) file received from a supplier. */
    IMPORT
}
