package eu.invoicing.core.version;

import java.util.Locale;

/**
 * What happened to a document, as listed in its timeline (docs/lifecycle.md, "Versions and timeline").
 *
 * <p>Immutable and thread-safe.
 */
public enum TimelineEventType {
    /** Stored for the first time. */
    CREATED,
    /** Changed by an update (a version was recorded). */
    UPDATED,
    /** Numbered and made final. */
    FINALIZED,
    /** Voided. */
    VOIDED,
    /** A share token was issued. */
    SHARED,
    /** The share token was removed. */
    UNSHARED,
    /** A payment was added or removed. */
    PAID,
    /** Marked as exported to an accounting system. */
    EXPORTED,
    /** Sent to the tax authority (FURS / FINA), with the outcome in the note. */
    FISCALIZED,
    /** Moved to the trash. */
    DELETED,
    /** Restored from the trash. */
    RESTORED;

    /** @return the snake_case wire value, e.g. {@code finalized} */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
