package eu.invoicing.core.spi;

import java.util.Objects;

/**
 * Identifies one number sequence: an entity, a series (e.g. {@code invoice}, {@code invoice/u=LJ},
 * {@code furs/C/PP1}, {@code fina/N/PP1/3}) and a year ({@code 0} for a sequence that never restarts).
 *
 * <p>Immutable and thread-safe.
 *
 * @param entityId the entity, not null
 * @param series the series name, not null
 * @param year the year the sequence belongs to, or 0
 */
public record SequenceKey(String entityId, String series, int year) {
    /**
     * Rejects nulls.
     *
     * @param entityId the entity, not null
     * @param series the series name, not null
     * @param year the year the sequence belongs to, or 0
     * @throws NullPointerException if a component documented as not null is null
     */
    public SequenceKey {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(series, "series");
    }
}
