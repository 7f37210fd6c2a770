package eu.invoicing.postgres.jobs;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.export.ExportPeriod;
import eu.invoicing.export.spi.BulkDocumentSource;
import eu.invoicing.export.spi.ExportSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The documents of bulk export jobs read from a {@link DocumentStore} (the PostgreSQL one in practice) page by
 * page, so that an archive of any size holds one page of documents in memory at a time. A selection by kinds
 * and dates is one indexed query per kind ({@code date} between the period's days, ordered by date, then
 * number, then id, keyset cursors); a selection by ids looks each id up in the entity.
 *
 * <p>Immutable and thread-safe; each {@link ExportSource} it returns is used by one job thread.
 */
public final class PostgresBulkDocumentSource implements BulkDocumentSource {
    private final DocumentStore store;

    /**
     * @param store the documents, not null
     * @throws NullPointerException if {@code store} is null
     */
    public PostgresBulkDocumentSource(DocumentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public ExportSource<Document> byIds(String entityId, List<DocumentId> ids) {
        Objects.requireNonNull(entityId, "entityId");
        List<DocumentId> copy = List.copyOf(ids);
        int found = 0;
        for (DocumentId id : copy) {
            if (store.find(entityId, id).isPresent()) {
                found++;
            }
        }
        return ExportSource.of(found, () -> copy.stream().map(id -> store.find(entityId, id))
                .flatMap(Optional::stream));
    }

    @Override
    public ExportSource<Document> byKinds(String entityId, Set<DocumentType> types, ExportPeriod period) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(period, "period");
        List<DocumentType> kinds = new ArrayList<>(types.isEmpty() ? Set.of() : EnumSet.copyOf(types));
        String filter = "{\"date\":{\"gte\":\"" + period.from() + "\",\"lte\":\"" + period.to() + "\"}}";
        long size = 0;
        for (DocumentType kind : kinds) {
            size += store.list(entityId, kind, query(filter, null, true, 1)).total();
        }
        int total = (int) Math.min(Integer.MAX_VALUE, size);
        return ExportSource.of(total, () -> kinds.stream().flatMap(kind -> pages(entityId, kind, filter)));
    }

    private Stream<Document> pages(String entityId, DocumentType kind, String filter) {
        Iterator<Document> it = new Iterator<>() {
            private Iterator<Document> page = List.<Document>of().iterator();
            private String cursor;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && more) {
                    Page<Document> p = store.list(entityId, kind, query(filter, cursor, false, DocumentQuery.MAX_LIMIT));
                    page = p.data().iterator();
                    more = p.hasMore() && p.nextCursor() != null;
                    cursor = p.nextCursor();
                }
                return page.hasNext();
            }

            @Override
            public Document next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    private static DocumentQuery query(String filter, String cursor, boolean count, int limit) {
        return DocumentQuery.builder().query(filter).orderBy(List.of("date", "number", "id")).nextCursor(cursor)
                .includeTotalCount(count).limit(limit).build();
    }
}
