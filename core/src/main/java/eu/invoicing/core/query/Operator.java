package eu.invoicing.core.query;

import java.util.Optional;

/**
 * The Mongo-style operators of the list {@code query} parameter. The three text operators
 * ({@link #CONTAINS}, {@link #STARTS_WITH}, {@link #ENDS_WITH}) are case-insensitive; {@link #EQUALS} is exact.
 *
 * <p>Immutable and thread-safe.
 */
public enum Operator {
    /** Exact match; also what a bare value means. */
    EQUALS("equals"),
    /** Greater than or equal. */
    GTE("gte"),
    /** Less than or equal. */
    LTE("lte"),
    /** Greater than. */
    GT("gt"),
    /** Less than. */
    LT("lt"),
    /** Value in a list. */
    IN("in"),
    /** Value not in a list. */
    NOT_IN("notIn"),
    /** Text contains (case-insensitive). */
    CONTAINS("contains"),
    /** Text starts with (case-insensitive). */
    STARTS_WITH("startsWith"),
    /** Text ends with (case-insensitive). */
    ENDS_WITH("endsWith"),
    /** Inclusive range {@code [min, max]}. */
    BETWEEN("between");

    private final String wireName;

    Operator(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name used in the query JSON, e.g. {@code notIn} */
    public String wireName() {
        return wireName;
    }

    /** @return true for the case-insensitive text operators */
    public boolean isText() {
        return this == CONTAINS || this == STARTS_WITH || this == ENDS_WITH;
    }

    /** @return true for the ordering operators (gt, gte, lt, lte, between) */
    public boolean isRange() {
        return this == GT || this == GTE || this == LT || this == LTE || this == BETWEEN;
    }

    /**
     * @param name a wire name, nullable
     * @return the operator, or empty when unknown
     */
    public static Optional<Operator> ofWireName(String name) {
        for (Operator op : values()) {
            if (op.wireName.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
