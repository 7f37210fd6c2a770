package eu.invoicing.core.memory;

import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.spi.ExportLedger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link ExportLedger}: the last export time per (entity, document, system) in a concurrent map.
 * Built with an {@link InMemoryTransactor}, a mark is undone when the unit of work fails.
 *
 * <p>Thread-safe.
 */
public final class InMemoryExportLedger implements ExportLedger {
    private final InMemoryTransactor transactor;
    private final ConcurrentMap<Key, Instant> marks = new ConcurrentHashMap<>();

    private record Key(String entityId, DocumentId id, String systemId) {
    }

    /** A ledger that does not take part in any rollback. */
    public InMemoryExportLedger() {
        this(null);
    }

    /**
     * Creates an empty ledger.
     *
     * @param transactor the transactor whose rollback this ledger joins, nullable
     */
    public InMemoryExportLedger(InMemoryTransactor transactor) {
        this.transactor = transactor;
    }

    @Override
    public void markExported(String entityId, DocumentId id, String systemId, Instant at) {
        Key key = new Key(entityId, id, systemId);
        Instant previous = marks.put(key, Objects.requireNonNull(at, "at"));
        if (transactor != null) {
            transactor.onRollback(() -> {
                if (previous == null) {
                    marks.remove(key);
                } else {
                    marks.put(key, previous);
                }
            });
        }
    }

    @Override
    public Optional<Instant> lastExported(String entityId, DocumentId id, String systemId) {
        return Optional.ofNullable(marks.get(new Key(entityId, id, systemId)));
    }
}
