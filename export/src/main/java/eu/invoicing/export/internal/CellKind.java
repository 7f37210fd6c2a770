package eu.invoicing.export.internal;

/**
 * The type of a table column, deciding how its values are written: XLSX typed cells with a
 * number or date format, CSV locale-neutral text.
 *
 * <p>Immutable and thread-safe.
 */
public enum CellKind {
    /** A {@link String}; neutralised against formula injection. */
    TEXT(24),
    /** A {@link java.math.BigDecimal} or {@link Integer}; XLSX number format with the value's scale, CSV plain with a dot. */
    NUMBER(14),
    /** A {@link java.time.LocalDate}; XLSX date cell {@code yyyy-mm-dd}, CSV ISO-8601. */
    DATE(12),
    /** A {@link java.time.Instant}; XLSX date-time cell in UTC, CSV ISO-8601 with {@code Z}. */
    TIMESTAMP(20),
    /** A {@link Boolean}; XLSX boolean cell, CSV {@code true}/{@code false}. */
    BOOLEAN(8);

    private final int typicalWidth;

    CellKind(int typicalWidth) {
        this.typicalWidth = typicalWidth;
    }

    /** @return a sensible column width for values of this kind, in characters */
    public int typicalWidth() {
        return typicalWidth;
    }
}
