package eu.invoicing.server;

import eu.invoicing.core.model.Entity;
import java.util.List;

/**
 * Where {@link ServerEntities} keeps the entities it serves, in the order they were first added.
 * {@link #inMemory()} keeps them for the life of the process (the default); a persistent store (the PostgreSQL
 * module's {@code PostgresServerState}) lets them survive a restart.
 *
 * <p>Implementations must be thread-safe.
 */
public interface EntityStore {
    /**
     * Adds an entity, or replaces the one with its id (which keeps its place in the order).
     *
     * @param entity not null
     */
    void put(Entity entity);

    /** @return every entity, first added first */
    List<Entity> all();

    /** @return a new empty store in memory */
    static EntityStore inMemory() {
        return new EntityStore() {
            private final java.util.Map<String, Entity> byId = new java.util.LinkedHashMap<>();

            @Override
            public synchronized void put(Entity entity) {
                byId.put(entity.id(), entity);
            }

            @Override
            public synchronized List<Entity> all() {
                return List.copyOf(byId.values());
            }
        };
    }
}
