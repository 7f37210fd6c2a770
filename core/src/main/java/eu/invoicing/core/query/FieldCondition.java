package eu.invoicing.core.query;

import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One test on one field: {@code field operator operands}. Operands are already converted to the field's
 * {@link FieldType} (String, BigDecimal, LocalDate, Instant or Boolean; null allowed for equals, in and
 * notIn). {@code equals}, {@code gt}, … have one operand; {@code in}/{@code notIn} any number;
 * {@code between} two.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the allowed field name, e.g. {@code customer.name} or {@code metadata.erp_id}, not null
 * @param type the field's value type, not null
 * @param operator the operator, not null
 * @param operands the typed operands, not null (may contain nulls)
 */
public record FieldCondition(String field, FieldType type, Operator operator, List<Object> operands)
        implements Condition {
    /** Validates and copies the operands (nulls allowed). */
    public FieldCondition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operator, "operator");
        operands = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(operands, "operands")));
    }

    /** @return the single operand of a one-operand operator, nullable */
    public Object operand() {
        return operands.isEmpty() ? null : operands.get(0);
    }
}
