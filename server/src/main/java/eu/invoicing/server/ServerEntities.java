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
 * <p>Thread-safe (synchronizes on the instance).
 */
public final class ServerEntities {
    private final Map<String, Entity> byId = new LinkedHashMap<>();

    /** Creates an empty registry. */
    public ServerEntities() {
    }

    /**
     * Adds or replaces an entity.
     *
     * @param entity not null
     */
    public synchronized void put(Entity entity) {
        byId.put(Objects.requireNonNull(entity, "entity").id(), entity);
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
