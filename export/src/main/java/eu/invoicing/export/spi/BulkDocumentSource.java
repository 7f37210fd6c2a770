package eu.invoicing.export.spi;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.export.ExportPeriod;
import java.util.List;
import java.util.Set;

/**
 * Where bulk export jobs read their documents from: typically the host's document store, paging
 * through the selection so that a large export does not load everything at once.
 *
 * <p>Every method is scoped to one entity: implementations must never yield another entity's
 * documents (the job also skips any that slip through).
 *
 * <p><b>Thread-safety contract:</b> implementations must be safe to call from job threads, for
 * several jobs at once; the returned {@link ExportSource} is used by one job thread.
 */
public interface BulkDocumentSource {

    /**
     * The documents with the given ids, in that order; ids that do not exist (or belong to
     * another entity) are left out.
     *
     * @param entityId the entity, not null
     * @param ids the ids, not null, not empty
     * @return the source
     */
    ExportSource<Document> byIds(String entityId, List<DocumentId> ids);

    /**
     * The entity's documents of the given kinds dated within the period, not in the trash,
     * ordered by kind, then date, then number.
     *
     * @param entityId the entity, not null
     * @param types the kinds, not null, not empty
     * @param period the date range, not null
     * @return the source
     */
    ExportSource<Document> byKinds(String entityId, Set<DocumentType> types, ExportPeriod period);
}
