package eu.invoicing.core.query;

import java.util.List;

/**
 * A conjunction: every condition must hold. An empty list matches everything.
 *
 * <p>Immutable and thread-safe.
 *
 * @param conditions the parts, not null
 */
public record AllOf(List<Condition> conditions) implements Condition {
    /** Copies the list. */
    public AllOf {
        conditions = List.copyOf(conditions);
    }
}
