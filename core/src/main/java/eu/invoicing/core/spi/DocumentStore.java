package eu.invoicing.core.spi;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.version.TimelineEvent;
import java.util.List;
import java.util.Optional;

/**
 * Persists documents and their timelines. Every method is scoped to an entity: a document stored for one
 * entity is invisible through another entity's id. The library calls every writing method inside
 * {@link Transactor#inTransaction}; a write that throws makes the library roll the unit of work back.
 *
 * <p>Implementations must be thread-safe. Reads may run outside a unit of work and must never see a
 * half-written document. A failure may be thrown as any runtime exception; the library wraps it in
 * {@link eu.invoicing.core.SpiException}.
 */
public interface DocumentStore {
    /**
     * @param entityId the owning entity, not null
     * @param id the document id, not null
     * @return the document, or empty when absent or owned by another entity
     */
    Optional<Document> find(String entityId, DocumentId id);

    /**
     * Inserts or replaces a document (keyed by its entity id and id, both set).
     *
     * @param document not null
     */
    void save(Document document);

    /**
     * Removes a document for good (permanent delete), with its timeline.
     *
     * @param entityId the owning entity, not null
     * @param id the document id, not null
     * @return true when something was removed
     */
    boolean remove(String entityId, DocumentId id);

    /**
     * @param token a share token, not null
     * @return the document currently shared with exactly this token, or empty
     */
    Optional<Document> findByShareToken(String token);

    /**
     * Lists documents of one kind: live ones, or the trash when {@code query.deleted()}. The store either
     * evaluates the query ({@link eu.invoicing.core.query.Paginator}) or translates its tree.
     *
     * @param entityId the owning entity, not null
     * @param type the kind, not null
     * @param query the parsed request, not null
     * @return the page
     */
    Page<Document> list(String entityId, DocumentType type, DocumentQuery query);

    /**
     * @param entityId the owning entity, not null
     * @param id the document id, not null
     * @param event appended at the end, not null
     */
    void appendEvent(String entityId, DocumentId id, TimelineEvent event);

    /**
     * @param entityId the owning entity, not null
     * @param id the document id, not null
     * @return the timeline, oldest first; empty when none
     */
    List<TimelineEvent> events(String entityId, DocumentId id);
}
