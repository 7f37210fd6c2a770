package eu.invoicing.core.memory;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.query.Paginator;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.core.version.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link DocumentStore}: concurrent maps partitioned by entity and kind, a share-token index,
 * and timelines as immutable lists replaced on append. Lists evaluate the query tree with
 * {@link Paginator} over the partition (one pass per page). Built with an {@link InMemoryTransactor}, every
 * write registers its undo so a failed unit of work leaves nothing behind.
 *
 * <p>Thread-safe. Readers never see a half-written document (documents are immutable values).
 */
public final class InMemoryDocumentStore implements DocumentStore {
    private final InMemoryTransactor transactor;
    private final ConcurrentMap<Partition, ConcurrentMap<String, Document>> documents = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Key> tokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, List<TimelineEvent>> timelines = new ConcurrentHashMap<>();

    private record Partition(String entityId, DocumentType type) {
    }

    private record Key(String entityId, DocumentId id) {
    }

    /** A store that does not take part in any rollback. */
    public InMemoryDocumentStore() {
        this(null);
    }

    /**
     * @param transactor the transactor whose rollback this store joins, nullable
     */
    public InMemoryDocumentStore(InMemoryTransactor transactor) {
        this.transactor = transactor;
    }

    @Override
    public Optional<Document> find(String entityId, DocumentId id) {
        ConcurrentMap<String, Document> part = documents.get(new Partition(entityId, id.type()));
        return part == null ? Optional.empty() : Optional.ofNullable(part.get(id.value()));
    }

    @Override
    public void save(Document document) {
        Objects.requireNonNull(document.entityId(), "document.entityId");
        Objects.requireNonNull(document.id(), "document.id");
        Document previous = put(document.entityId(), document.id(), document);
        undo(() -> put(document.entityId(), document.id(), previous));
    }

    @Override
    public boolean remove(String entityId, DocumentId id) {
        Key key = new Key(entityId, id);
        Document previous = put(entityId, id, null);
        List<TimelineEvent> events = timelines.remove(key);
        undo(() -> {
            put(entityId, id, previous);
            if (events != null) {
                timelines.put(key, events);
            }
        });
        return previous != null;
    }

    @Override
    public Optional<Document> findByShareToken(String token) {
        Key key = tokens.get(token);
        if (key == null) {
            return Optional.empty();
        }
        return find(key.entityId(), key.id()).filter(d -> token.equals(d.shareableId()));
    }

    @Override
    public Page<Document> list(String entityId, DocumentType type, DocumentQuery query) {
        ConcurrentMap<String, Document> part = documents.get(new Partition(entityId, type));
        if (part == null) {
            return Paginator.page(List.of(), query);
        }
        boolean trash = query.deleted();
        Iterable<Document> candidates = () -> part.values().stream().filter(d -> d.isDeleted() == trash).iterator();
        return Paginator.page(candidates, query);
    }

    @Override
    public void appendEvent(String entityId, DocumentId id, TimelineEvent event) {
        Objects.requireNonNull(event, "event");
        Key key = new Key(entityId, id);
        timelines.compute(key, (k, old) -> {
            List<TimelineEvent> next = new ArrayList<>(old == null ? 1 : old.size() + 1);
            if (old != null) {
                next.addAll(old);
            }
            next.add(event);
            return List.copyOf(next);
        });
        undo(() -> timelines.computeIfPresent(key, (k, old) -> {
            int at = old.lastIndexOf(event);
            if (at < 0) {
                return old;
            }
            List<TimelineEvent> next = new ArrayList<>(old);
            next.remove(at);
            return next.isEmpty() ? null : List.copyOf(next);
        }));
    }

    @Override
    public List<TimelineEvent> events(String entityId, DocumentId id) {
        return timelines.getOrDefault(new Key(entityId, id), List.of());
    }

    /** Writes (or removes, when {@code document} is null) and keeps the token index in step. */
    private Document put(String entityId, DocumentId id, Document document) {
        ConcurrentMap<String, Document> part = documents.computeIfAbsent(new Partition(entityId, id.type()),
                k -> new ConcurrentHashMap<>());
        Document previous = document == null ? part.remove(id.value()) : part.put(id.value(), document);
        String oldToken = previous == null ? null : previous.shareableId();
        String newToken = document == null ? null : document.shareableId();
        if (oldToken != null && !oldToken.equals(newToken)) {
            tokens.remove(oldToken);
        }
        if (newToken != null) {
            tokens.put(newToken, new Key(entityId, id));
        }
        return previous;
    }

    private void undo(Runnable action) {
        if (transactor != null) {
            transactor.onRollback(action);
        }
    }
}
