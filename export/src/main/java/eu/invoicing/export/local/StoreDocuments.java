package eu.invoicing.export.local;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.Condition;
import eu.invoicing.core.query.Cursor;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.QueryParser;
import eu.invoicing.core.query.SortOrder;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.export.ExportPeriod;
import eu.invoicing.export.spi.BulkDocumentSource;
import eu.invoicing.export.spi.ExportSource;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads export documents from the core {@link DocumentStore}, page by page ({@value #PAGE_SIZE}
 * per page, following the store's cursors), so an export never holds more than one page: the
 * default {@link BulkDocumentSource} and the document source of the list export.
 *
 * <p>Every read is scoped to one entity, as the store is. Immutable; thread-safe if the store is
 * (the core contract says it is).
 */
public final class StoreDocuments implements BulkDocumentSource {

    /** Documents fetched per store call. */
    public static final int PAGE_SIZE = DocumentQuery.MAX_LIMIT;

    private static final SortOrder BY_DATE = SortOrder.parse("date");

    private final DocumentStore store;

    private StoreDocuments(DocumentStore store) {
        this.store = store;
    }

    /**
     * @param store the document store, not null
     * @return the source
     * @throws NullPointerException if {@code store} is null
     */
    public static StoreDocuments of(DocumentStore store) {
        return new StoreDocuments(Objects.requireNonNull(store, "store"));
    }

    /**
     * Every document of a list query (its filter, search, ordering and trash flag; its limit and
     * cursor are ignored), fetched lazily page by page.
     *
     * @param entityId the entity, not null
     * @param type the kind, not null
     * @param query the list query, not null
     * @return the documents; each terminal operation pages through the store again
     * @throws NullPointerException if an argument is null
     */
    public Stream<Document> stream(String entityId, DocumentType type, DocumentQuery query) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(query, "query");
        DocumentQuery first = new DocumentQuery(query.filter(), query.order(), null, PAGE_SIZE, false, query.search(),
                query.deleted(), query.includes());
        Iterator<Document> pages = new PageIterator(entityId, type, first);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /**
     * How many documents a list query selects.
     *
     * @param entityId the entity, not null
     * @param type the kind, not null
     * @param query the list query, not null
     * @return the total count reported by the store
     */
    public long count(String entityId, DocumentType type, DocumentQuery query) {
        DocumentQuery counting = new DocumentQuery(query.filter(), query.order(), null, 1, true, query.search(),
                query.deleted(), query.includes());
        return store.list(entityId, type, counting).total();
    }

    @Override
    public ExportSource<Document> byIds(String entityId, List<DocumentId> ids) {
        Objects.requireNonNull(entityId, "entityId");
        List<DocumentId> copy = List.copyOf(ids);
        int found = (int) copy.stream().filter(id -> store.find(entityId, id).isPresent()).count();
        return ExportSource.of(found,
                () -> copy.stream().map(id -> store.find(entityId, id)).flatMap(Optional::stream));
    }

    @Override
    public ExportSource<Document> byKinds(String entityId, Set<DocumentType> types, ExportPeriod period) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(period, "period");
        Condition inPeriod = QueryParser.parse("{\"date\":{\"between\":[\"" + period.from() + "\",\"" + period.to() + "\"]}}");
        DocumentQuery query = new DocumentQuery(inPeriod, BY_DATE, null, PAGE_SIZE, false, null, false, Set.of());
        List<DocumentType> kinds = List.copyOf(new TreeSet<>(types));
        long total = 0;
        for (DocumentType kind : kinds) {
            total += count(entityId, kind, query);
        }
        int size = (int) Math.min(Integer.MAX_VALUE, total);
        return ExportSource.of(size,
                () -> kinds.stream().flatMap(kind -> stream(entityId, kind, query)));
    }

    /** Walks the pages of one list query, fetching the next page only when the current one is used up. */
    private final class PageIterator implements Iterator<Document> {
        private final String entityId;
        private final DocumentType type;
        private DocumentQuery next;
        private Iterator<Document> page = List.<Document>of().iterator();

        PageIterator(String entityId, DocumentType type, DocumentQuery first) {
            this.entityId = entityId;
            this.type = type;
            this.next = first;
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && next != null) {
                var result = store.list(entityId, type, next);
                page = result.data().iterator();
                next = result.hasMore() && result.nextCursor() != null
                        ? next.withCursor(Cursor.decode(result.nextCursor(), "next_cursor", next.order()))
                        : null;
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
    }
}
