package eu.invoicing.core.query;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One test on one field: {@code field operator operands}. Operands are already converted to the field's
 * {@link FieldType} (String, BigDecimal, LocalDate, Instant or Boolean; null allowed for equals, in and
 * notIn). {@code equals}, {@code gt}, … have one operand; {@code in}/{@code notIn} any number;
 * {@code between} two. A condition built in code is checked like a parsed one, so that a store never meets an
 * operand it cannot compare.
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
    /** Largest number of operands of {@code in} / {@code notIn}. */
    public static final int MAX_OPERANDS = 1000;

    /**
     * Validates and copies the operands (nulls allowed for equals, in and notIn).
     *
     * @throws ValidationException (path {@code query.FIELD} or {@code query.FIELD.OPERATOR}) for a field that
     *     cannot be queried ({@code unknown_field}), a type that is not the field's ({@code invalid_type}), an
     *     operator that does not apply to it ({@code operator_not_applicable}), or operands of the wrong number
     *     or type ({@code invalid_value})
     *
     * @param field the allowed field name, e.g. {@code customer.name} or {@code metadata.erp_id}, not null
     * @param type the field's value type, not null
     * @param operator the operator, not null
     * @param operands the typed operands, not null (may contain nulls)
     */
    public FieldCondition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(operator, "operator");
        operands = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(operands, "operands")));
        check(field, type, operator, operands);
    }

    private static void check(String field, FieldType type, Operator operator, List<Object> operands) {
        String fieldPath = "query." + QueryParser.shortened(field);
        if (!DocumentFields.isAllowed(field)) {
            throw ValidationException.of(fieldPath, "unknown_field", "field " + Violation.quote(field)
                    + " cannot be queried");
        }
        FieldType actual = DocumentFields.typeOf(field);
        if (actual != type) {
            throw ValidationException.of(fieldPath, "invalid_type", "the field is " + actual.label() + ", not "
                    + type.label());
        }
        String path = operator == Operator.EQUALS ? fieldPath : fieldPath + "." + operator.wireName();
        if (operator.isText() && type != FieldType.STRING) {
            throw ValidationException.of(path, "operator_not_applicable", operator.wireName()
                    + " applies to text fields only");
        }
        if (operator.isRange() && type == FieldType.BOOLEAN) {
            throw ValidationException.of(path, "operator_not_applicable", operator.wireName()
                    + " does not apply to true/false fields");
        }
        boolean list = operator == Operator.IN || operator == Operator.NOT_IN;
        int expected = operator == Operator.BETWEEN ? 2 : 1;
        if (list ? operands.size() > MAX_OPERANDS : operands.size() != expected) {
            throw ValidationException.of(path, "invalid_value", list ? "at most " + MAX_OPERANDS + " values, was "
                    + operands.size() : "needs " + expected + " operand" + (expected == 1 ? "" : "s") + ", was "
                    + operands.size());
        }
        boolean nullable = list || operator == Operator.EQUALS;
        for (Object o : operands) {
            if (o == null ? !nullable : !type.javaType().isInstance(o)) {
                throw ValidationException.of(path, "invalid_value", "expected " + type.label() + ", was "
                        + (o == null ? "null" : o.getClass().getSimpleName() + " " + Violation.quote(o)));
            }
        }
    }

    /** @return the single operand of a one-operand operator, nullable */
    public Object operand() {
        return operands.isEmpty() ? null : operands.get(0);
    }
}
