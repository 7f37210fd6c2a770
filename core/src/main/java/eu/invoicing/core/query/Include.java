package eu.invoicing.core.query;

import java.util.Optional;

/**
 * Nested resources a list may include in each document ({@code include}).
 *
 * <p>Immutable and thread-safe.
 */
public enum Include {
    /** The payments of each document. */
    PAYMENTS("payments"),
    /** The links to other documents. */
    DOCUMENT_RELATIONS("document_relations");

    private final String wireName;

    Include(String wireName) {
        this.wireName = wireName;
    }

    /** @return the wire name */
    public String wireName() {
        return wireName;
    }

    /**
     * @param name a wire name, nullable
     * @return the include, or empty when unknown
     */
    public static Optional<Include> ofWireName(String name) {
        for (Include i : values()) {
            if (i.wireName.equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
