package eu.invoicing.server;

import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.model.Entity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entities the server serves, in the order they were added (the first is the default of a request without
 * {@code entity_id}, as the reference says: "defaults to the first created entity").
 *
 * <p>Thread-safe (synchronizes on the instance). The entities are kept in an {@link EntityStore} (read once when
 * the registry is made, then written through): in memory by default, or a persistent one so that they survive a
 * restart.
 */
public final class ServerEntities {
    private final Map<String, Entity> byId = new LinkedHashMap<>();
    private final EntityStore store;

    /** Creates an empty registry in memory. */
    public ServerEntities() {
        this(EntityStore.inMemory());
    }

    /**
     * Creates a registry of the entities already in a store.
     *
     * @param store where the entities are kept, not null
     */
    public ServerEntities(EntityStore store) {
        this.store = Objects.requireNonNull(store, "store");
        for (Entity e : store.all()) {
            byId.put(e.id(), e);
        }
    }

    /**
     * Adds or replaces an entity.
     *
     * @param entity not null
     */
    public synchronized void put(Entity entity) {
        store.put(Objects.requireNonNull(entity, "entity"));
        byId.put(entity.id(), entity);
    }

    /**
     * @param id an entity id, nullable
     * @return the entity, empty when unknown
     */
    public synchronized Optional<Entity> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /**
     * @param id an entity id, not null
     * @return the entity
     * @throws NotFoundException when unknown
     */
    public synchronized Entity require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("no such entity"));
    }

    /** @return every entity, oldest first */
    public synchronized List<Entity> all() {
        return new ArrayList<>(byId.values());
    }
}
