package eu.invoicing.core.version;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a document's timeline: what happened, when, by whom, with an optional note.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type what happened, not null
 * @param at when, not null
 * @param user who, nullable
 * @param note free text (e.g. the void reason, the export system), nullable
 */
public record TimelineEvent(TimelineEventType type, Instant at, User user, String note) {
    /**
     * Rejects nulls in the required components.
     *
     * @param type what happened, not null
     * @param at when, not null
     * @param user who, nullable
     * @param note free text (e.g. the void reason, the export system), nullable
     * @throws NullPointerException if a component documented as not null is null
     */
    public TimelineEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }
}
