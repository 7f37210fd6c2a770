package eu.invoicing.core.lifecycle;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.core.version.TimelineEvent;
import java.util.List;
import java.util.Optional;

/** A store that forwards every call; tests override the methods they want to misbehave. */
class ForwardingStore implements DocumentStore {
    private final DocumentStore delegate;

    ForwardingStore(DocumentStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Document> find(String entityId, DocumentId id) {
        return delegate.find(entityId, id);
    }

    @Override
    public void save(Document document) {
        delegate.save(document);
    }

    @Override
    public boolean remove(String entityId, DocumentId id) {
        return delegate.remove(entityId, id);
    }

    @Override
    public Optional<Document> findByShareToken(String token) {
        return delegate.findByShareToken(token);
    }

    @Override
    public Page<Document> list(String entityId, DocumentType type, DocumentQuery query) {
        return delegate.list(entityId, type, query);
    }

    @Override
    public void appendEvent(String entityId, DocumentId id, TimelineEvent event) {
        delegate.appendEvent(entityId, id, event);
    }

    @Override
    public List<TimelineEvent> events(String entityId, DocumentId id) {
        return delegate.events(entityId, id);
    }
}
