package eu.invoicing.core.query;

/**
 * The value type of a queryable field, which decides how operands are parsed and compared.
 *
 * <p>Immutable and thread-safe.
 */
public enum FieldType {
    /** Text; {@code contains}/{@code startsWith}/{@code endsWith} are case-insensitive. */
    STRING(String.class),
    /** A number, compared by value (BigDecimal#compareTo). */
    DECIMAL(java.math.BigDecimal.class),
    /** A calendar date; operands are {@code yyyy-MM-dd} or an ISO date-time (its UTC date). */
    DATE(java.time.LocalDate.class),
    /** A point in time; operands are ISO instants or dates (midnight UTC). */
    INSTANT(java.time.Instant.class),
    /** true / false. */
    BOOLEAN(Boolean.class);

    private final Class<?> javaType;

    FieldType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** @return the class of an operand or sort-key value of this type (String, BigDecimal, LocalDate, …) */
    public Class<?> javaType() {
        return javaType;
    }

    /** @return the lowercase name used in messages, e.g. {@code decimal} */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
