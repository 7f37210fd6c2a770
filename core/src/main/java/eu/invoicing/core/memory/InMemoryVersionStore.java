package eu.invoicing.core.memory;

import eu.invoicing.core.spi.VersionStore;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.version.DocumentVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link VersionStore}: per document an immutable list replaced on append. Appending checks that
 * version numbers run 1, 2, … without a gap. Built with an {@link InMemoryTransactor}, an append is undone
 * when the unit of work fails.
 *
 * <p>Thread-safe.
 */
public final class InMemoryVersionStore implements VersionStore {
    private final InMemoryTransactor transactor;
    private final ConcurrentMap<Key, List<DocumentVersion>> versions = new ConcurrentHashMap<>();

    private record Key(String entityId, String documentId) {
    }

    /** A store that does not take part in any rollback. */
    public InMemoryVersionStore() {
        this(null);
    }

    /**
     * Creates an empty store.
     *
     * @param transactor the transactor whose rollback this store joins, nullable
     */
    public InMemoryVersionStore(InMemoryTransactor transactor) {
        this.transactor = transactor;
    }

    /**
     * @throws IllegalStateException when the version is not the next number of its document
     */
    @Override
    public void append(String entityId, DocumentVersion version) {
        Objects.requireNonNull(version, "version");
        Key key = new Key(entityId, version.documentId().value());
        versions.compute(key, (k, old) -> {
            int size = old == null ? 0 : old.size();
            if (version.version() != size + 1) {
                throw new IllegalStateException("expected version " + (size + 1) + " of " + version.documentId()
                        + ", was " + version.version());
            }
            List<DocumentVersion> next = new ArrayList<>(size + 1);
            if (old != null) {
                next.addAll(old);
            }
            next.add(version);
            return List.copyOf(next);
        });
        if (transactor != null) {
            transactor.onRollback(() -> versions.computeIfPresent(key, (k, old) ->
                    old.size() <= 1 ? null : List.copyOf(old.subList(0, old.size() - 1))));
        }
    }

    @Override
    public List<DocumentVersion> list(String entityId, DocumentId documentId) {
        List<DocumentVersion> oldestFirst = new ArrayList<>(versions.getOrDefault(new Key(entityId, documentId.value()),
                List.of()));
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    @Override
    public Optional<DocumentVersion> find(String entityId, DocumentId documentId, int version) {
        List<DocumentVersion> all = versions.getOrDefault(new Key(entityId, documentId.value()), List.of());
        return version < 1 || version > all.size() ? Optional.empty() : Optional.of(all.get(version - 1));
    }

    @Override
    public int count(String entityId, DocumentId documentId) {
        return versions.getOrDefault(new Key(entityId, documentId.value()), List.of()).size();
    }
}
