package eu.invoicing.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ApiKeyStore#inMemory()}: keys by hash in issue order, for the life of the process.
 *
 * <p>Thread-safe (synchronizes on the instance).
 */
final class InMemoryApiKeyStore implements ApiKeyStore {
    private final Map<String, ApiKeys.ApiKey> byHash = new LinkedHashMap<>();

    @Override
    public synchronized void add(String hash, ApiKeys.ApiKey key) {
        byHash.put(Objects.requireNonNull(hash, "hash"), Objects.requireNonNull(key, "key"));
    }

    @Override
    public synchronized Optional<ApiKeys.ApiKey> findByHash(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    @Override
    public synchronized List<ApiKeys.ApiKey> all() {
        return new ArrayList<>(byHash.values());
    }

    @Override
    public synchronized Optional<ApiKeys.ApiKey> revoke(String id, Instant at) {
        for (Map.Entry<String, ApiKeys.ApiKey> e : byHash.entrySet()) {
            ApiKeys.ApiKey k = e.getValue();
            if (k.id().equals(id)) {
                ApiKeys.ApiKey revoked = k.active() ? new ApiKeys.ApiKey(k.id(), k.entityIds(), k.createdAt(), at) : k;
                e.setValue(revoked);
                return Optional.of(revoked);
            }
        }
        return Optional.empty();
    }

    /** @return the stored hashes (for tests: never a secret) */
    synchronized Set<String> hashes() {
        return Set.copyOf(byHash.keySet());
    }
}
