package eu.invoicing.core.memory;

import eu.invoicing.core.spi.StoredTax;
import eu.invoicing.core.spi.TaxStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link TaxStore}: taxes per entity, in the order first saved. Built with an
 * {@link InMemoryTransactor}, a save is undone when the unit of work fails.
 *
 * <p>Thread-safe.
 */
public final class InMemoryTaxStore implements TaxStore {
    private final InMemoryTransactor transactor;
    private final ConcurrentMap<String, Map<String, StoredTax>> taxes = new ConcurrentHashMap<>();

    /** Creates an empty store that joins no rollback. */
    public InMemoryTaxStore() {
        this(null);
    }

    /**
     * Creates an empty store whose saves join a transactor's rollback.
     *
     * @param transactor the transactor whose rollback this store joins, nullable
     */
    public InMemoryTaxStore(InMemoryTransactor transactor) {
        this.transactor = transactor;
    }

    @Override
    public Optional<StoredTax> find(String entityId, String taxId) {
        Map<String, StoredTax> of = taxes.get(Objects.requireNonNull(entityId, "entityId"));
        if (of == null) {
            return Optional.empty();
        }
        synchronized (of) {
            return Optional.ofNullable(of.get(Objects.requireNonNull(taxId, "taxId")));
        }
    }

    @Override
    public List<StoredTax> list(String entityId) {
        Map<String, StoredTax> of = taxes.get(Objects.requireNonNull(entityId, "entityId"));
        if (of == null) {
            return List.of();
        }
        synchronized (of) {
            return List.copyOf(new ArrayList<>(of.values()));
        }
    }

    @Override
    public void save(StoredTax tax) {
        Objects.requireNonNull(tax, "tax");
        Map<String, StoredTax> of = taxes.computeIfAbsent(tax.entityId(), k -> new LinkedHashMap<>());
        synchronized (of) {
            StoredTax previous = of.put(tax.id(), tax);
            if (transactor != null) {
                transactor.onRollback(() -> {
                    synchronized (of) {
                        if (previous == null) {
                            of.remove(tax.id());
                        } else {
                            of.put(tax.id(), previous);
                        }
                    }
                });
            }
        }
    }
}
