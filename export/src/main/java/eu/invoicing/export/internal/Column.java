package eu.invoicing.export.internal;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of an exported table: its header, kind, preferred width, and how to read its
 * value from a row source.
 *
 * <p>Immutable; thread-safe if {@code value} is.
 *
 * @param header the header text, not null
 * @param kind the cell kind, not null
 * @param width the column width in characters for XLSX, positive
 * @param value reads the cell value from a row source; returns null for an empty cell; not null
 * @param <R> the row source type
 */
public record Column<R>(String header, CellKind kind, int width, Function<? super R, ?> value) {

    /** Longest column width used, in characters. */
    public static final int MAX_WIDTH = 60;

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code width} is not positive
     */
    public Column {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (width <= 0) {
            throw new IllegalArgumentException("width: must be > 0, was " + width);
        }
    }

    /**
     * A column whose width fits both its header and typical values of its kind.
     *
     * @param header the header, not null
     * @param kind the kind, not null
     * @param value the value reader, not null
     * @param <R> the row source type
     * @return the column
     */
    public static <R> Column<R> of(String header, CellKind kind, Function<? super R, ?> value) {
        return sized(header, kind, kind.typicalWidth(), value);
    }

    /**
     * A column with a preferred width for its values (e.g. wide for notes), widened to fit the header.
     *
     * @param header the header, not null
     * @param kind the kind, not null
     * @param valueWidth the preferred width of the values, positive
     * @param value the value reader, not null
     * @param <R> the row source type
     * @return the column
     */
    public static <R> Column<R> sized(String header, CellKind kind, int valueWidth, Function<? super R, ?> value) {
        Objects.requireNonNull(header, "header");
        int width = Math.min(MAX_WIDTH, Math.max(valueWidth, header.length() + 2));
        return new Column<>(header, kind, width, value);
    }
}
