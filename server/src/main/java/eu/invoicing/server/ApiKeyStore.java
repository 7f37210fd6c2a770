package eu.invoicing.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link ApiKeys} keeps its keys: each key's SHA-256 hash (never the secret), its public id, the entities it
 * is bound to, and when it was issued and revoked. {@link #inMemory()} keeps them for the life of the process (the
 * default); a persistent store (the PostgreSQL module's {@code PostgresServerState}) lets keys survive a restart.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ApiKeyStore {
    /**
     * Stores a key just issued.
     *
     * @param hash the hex SHA-256 of the key's secret, not null
     * @param key the key, not null
     */
    void add(String hash, ApiKeys.ApiKey key);

    /**
     * @param hash the hex SHA-256 of a secret, not null
     * @return the key stored under it (active or revoked), empty when none
     */
    Optional<ApiKeys.ApiKey> findByHash(String hash);

    /** @return every key, active and revoked, oldest first */
    List<ApiKeys.ApiKey> all();

    /**
     * Marks a key revoked, unless it already is (the first revocation time stays).
     *
     * @param id the key's public id, not null
     * @param at the revocation time, not null
     * @return the key as now stored, empty when there is no key with that id
     */
    Optional<ApiKeys.ApiKey> revoke(String id, Instant at);

    /** @return a new empty store in memory */
    static ApiKeyStore inMemory() {
        return new InMemoryApiKeyStore();
    }
}
