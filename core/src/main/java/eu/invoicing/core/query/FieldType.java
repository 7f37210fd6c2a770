package eu.invoicing.core.query;

/**
 * The value type of a queryable field, which decides how operands are parsed and compared.
 *
 * <p>Immutable and thread-safe.
 */
public enum FieldType {
    /** Text; {@code contains}/{@code startsWith}/{@code endsWith} are case-insensitive. */
    STRING,
    /** A number, compared by value (BigDecimal#compareTo). */
    DECIMAL,
    /** A calendar date; operands are {@code yyyy-MM-dd} or an ISO date-time (its UTC date). */
    DATE,
    /** A point in time; operands are ISO instants or dates (midnight UTC). */
    INSTANT,
    /** true / false. */
    BOOLEAN
}
