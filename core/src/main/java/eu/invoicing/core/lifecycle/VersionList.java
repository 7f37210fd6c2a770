package eu.invoicing.core.lifecycle;

import eu.invoicing.core.version.DocumentVersion;
import java.util.List;

/**
 * A document's versions, newest first, with their count.
 *
 * <p>Immutable and thread-safe.
 *
 * @param versions newest first, not null
 * @param count how many
 */
public record VersionList(List<DocumentVersion> versions, int count) {
    /**
     * Copies the list.
     *
     * @param versions newest first, not null
     * @param count how many
     */
    public VersionList {
        versions = List.copyOf(versions);
    }
}
