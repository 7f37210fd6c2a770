package eu.invoicing.core.model;

/**
 * A note on the whole document with an optional subject (EN 16931 BG-1), beside the document's free
 * {@code note}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param subject BT-21, a UNTDID 4451 text subject code (e.g. {@code AAI} general information, {@code REG}
 *     regulatory information), nullable
 * @param text BT-22, required, nullable here
 */
public record DocumentNote(String subject, String text) {
}
