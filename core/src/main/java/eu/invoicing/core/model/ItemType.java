package eu.invoicing.core.model;

/**
 * The kind of a line. A regular line has no type (null); a separator carries a heading and no amounts.
 *
 * <p>Immutable and thread-safe.
 */
public enum ItemType {
    /** A heading or spacer line without amounts. */
    SEPARATOR
}
