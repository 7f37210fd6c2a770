package eu.invoicing.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conjunction: every condition must hold. An empty list matches everything. A conjunction inside a
 * conjunction is flattened into it, so a tree is never deeper than one conjunction of field conditions
 * (however it was built, evaluating or translating it cannot overflow the stack).
 *
 * <p>Immutable and thread-safe.
 *
 * @param conditions the parts, not null and without null elements; nested conjunctions are flattened
 */
public record AllOf(List<Condition> conditions) implements Condition {
    /**
     * Checks and copies the list, flattening nested conjunctions.
     *
     * @param conditions the parts, not null and without null elements; nested conjunctions are flattened
     * @throws NullPointerException if a component documented as not null is null
     */
    public AllOf {
        Objects.requireNonNull(conditions, "conditions");
        List<Condition> flat = new ArrayList<>(conditions.size());
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = Objects.requireNonNull(conditions.get(i), "conditions[" + i + "]");
            if (c instanceof AllOf nested) {
                flat.addAll(nested.conditions());
            } else {
                flat.add(c);
            }
        }
        conditions = List.copyOf(flat);
    }
}
