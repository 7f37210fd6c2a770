package eu.invoicing.rendering;

/**
 * How strictly a renderer treats missing data.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum RenderMode {
    /** Render whatever is there (the default; a live preview of an incomplete draft). */
    PARTIAL,
    /**
     * Validate the fields a complete document needs first and throw one
     * {@link eu.invoicing.core.ValidationException} that lists every missing or invalid field.
     */
    COMPLETE
}
