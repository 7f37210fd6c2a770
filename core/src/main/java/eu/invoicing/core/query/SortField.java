package eu.invoicing.core.query;

import java.util.Objects;

/**
 * One field of an ordering, ascending or descending.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field a sortable field name, not null
 * @param descending true for {@code -field}
 */
public record SortField(String field, boolean descending) {
    /**
     * Rejects a null field.
     *
     * @param field a sortable field name, not null
     * @param descending true for {@code -field}
     * @throws NullPointerException if a component documented as not null is null
     */
    public SortField {
        Objects.requireNonNull(field, "field");
    }

    @Override
    public String toString() {
        return descending ? "-" + field : field;
    }
}
