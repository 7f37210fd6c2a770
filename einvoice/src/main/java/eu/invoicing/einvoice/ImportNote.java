package eu.invoicing.einvoice;

import java.util.Objects;

/**
 * One thing an imported e-invoice holds that the library's document could not carry as it is (or carries
 * only in a changed form): which business term, where in the file, its value and what happened to it.
 * An immutable record, thread-safe.
 *
 * @param term the EN 16931 business term or group (e.g. {@code BG-20}, {@code BT-149}), not null
 * @param location the XPath of the element in the file, not null
 * @param value the element's text, shortened to 200 characters, not null
 * @param message what the import did with it, not null
 */
public record ImportNote(String term, String location, String value, String message) {

    /**
     * Checks the components.
     *
     * @param term the business term, not null
     * @param location the XPath, not null
     * @param value the text, not null
     * @param message what happened, not null
     * @throws NullPointerException if a component is null
     */
    public ImportNote {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(message, "message");
    }
}
