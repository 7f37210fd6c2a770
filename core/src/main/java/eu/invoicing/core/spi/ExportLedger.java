package eu.invoicing.core.spi;

import eu.invoicing.core.model.DocumentId;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers, per document and external {@code system_id}, when the document was last exported to that
 * accounting system. Marks for one system never affect another. Scoped to an entity like every store; the
 * library writes inside {@link Transactor#inTransaction}.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ExportLedger {
    /**
     * @param entityId the owning entity, not null
     * @param id the document, not null
     * @param systemId the external system, not null
     * @param at when exported, not null
     */
    void markExported(String entityId, DocumentId id, String systemId, Instant at);

    /**
     * @param entityId the owning entity, not null
     * @param id the document, not null
     * @param systemId the external system, not null
     * @return the last export time to that system, or empty when never exported there
     */
    Optional<Instant> lastExported(String entityId, DocumentId id, String systemId);
}
