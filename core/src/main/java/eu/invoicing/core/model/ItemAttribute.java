package eu.invoicing.core.model;

/**
 * One item attribute (EN 16931 BG-32), e.g. name "Colour", value "Black".
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the attribute name (BT-160), nullable on input (EN 16931 BR-54 needs it)
 * @param value the attribute value (BT-161), nullable on input (EN 16931 BR-54 needs it)
 */
public record ItemAttribute(String name, String value) {
}
