package eu.invoicing.core.spi;

import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.version.DocumentVersion;
import java.util.List;
import java.util.Optional;

/**
 * Append-only store of version snapshots. Scoped to an entity like every store. The library appends inside
 * {@link Transactor#inTransaction}, in the unit of work that stores the updated document.
 *
 * <p>Implementations must be thread-safe; a version, once appended, never changes.
 */
public interface VersionStore {
    /**
     * @param entityId the owning entity, not null
     * @param version the next version of its document (numbers are consecutive from 1), not null
     */
    void append(String entityId, DocumentVersion version);

    /**
     * @param entityId the owning entity, not null
     * @param documentId the document, not null
     * @return every version, newest first; empty when none
     */
    List<DocumentVersion> list(String entityId, DocumentId documentId);

    /**
     * @param entityId the owning entity, not null
     * @param documentId the document, not null
     * @param version the 1-based number
     * @return the version, or empty
     */
    Optional<DocumentVersion> find(String entityId, DocumentId documentId, int version);

    /**
     * @param entityId the owning entity, not null
     * @param documentId the document, not null
     * @return how many versions the document has
     */
    int count(String entityId, DocumentId documentId);
}
