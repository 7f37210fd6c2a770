package eu.invoicing.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The server's API keys. A key is 256 random bits ({@code ik_} and 43 base64url characters), shown once when it
 * is issued and stored only as its SHA-256 hash; each key is bound to the entities it may act on, in the order
 * they were bound (the first is the default entity of a request without {@code entity_id}). Keys can be listed
 * (by id, never by secret) and revoked; a revoked key authenticates nothing.
 *
 * <p>Thread-safe. The keys are kept in an {@link ApiKeyStore}: in memory by default (keys live as long as the
 * process), or a persistent one so that they survive a restart.
 */
public final class ApiKeys {
    /** The prefix of every key's secret. */
    public static final String SECRET_PREFIX = "ik_";
    private static final int SECRET_BYTES = 32;
    private static final int ID_BYTES = 12;

    private final SecureRandom random;
    private final Clock clock;
    private final ApiKeyStore store;

    /**
     * One stored key: its public id, the entities it may act on, when it was issued and revoked. Never the secret.
     *
     * <p>Immutable and thread-safe.
     *
     * @param id the key's public id ({@code key_…}), not null
     * @param entityIds the entities it may act on, the default first, not null, not empty
     * @param createdAt when issued, not null
     * @param revokedAt when revoked, nullable
     */
    public record ApiKey(String id, List<String> entityIds, Instant createdAt, Instant revokedAt) {
        /**
         * Copies the entity list.
         *
         * @param id not null
         * @param entityIds not null
         * @param createdAt not null
         * @param revokedAt nullable
         */
        public ApiKey {
            Objects.requireNonNull(id, "id");
            entityIds = List.copyOf(entityIds);
            Objects.requireNonNull(createdAt, "createdAt");
        }

        /** @return whether the key still authenticates */
        public boolean active() {
            return revokedAt == null;
        }
    }

    /**
     * A key just issued: the only moment its secret is known.
     *
     * <p>Immutable and thread-safe.
     *
     * @param key the stored key, not null
     * @param secret the secret to hand to the client once, not null
     */
    public record IssuedKey(ApiKey key, String secret) {
        /** @return the key without its secret */
        @Override
        public String toString() {
            return "IssuedKey[" + key.id() + "]";
        }
    }

    /**
     * @param random the source of secrets and ids, not null
     * @param clock the clock of {@code created_at} and {@code revoked_at}, not null
     */
    public ApiKeys(SecureRandom random, Clock clock) {
        this(random, clock, ApiKeyStore.inMemory());
    }

    /**
     * @param random the source of secrets and ids, not null
     * @param clock the clock of {@code created_at} and {@code revoked_at}, not null
     * @param store where the keys are kept, not null
     */
    public ApiKeys(SecureRandom random, Clock clock, ApiKeyStore store) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Issues a key.
     *
     * @param entityIds the entities the key may act on, the default first, not null, not empty
     * @return the key and its secret (shown once)
     * @throws IllegalArgumentException if no entity is given
     */
    public synchronized IssuedKey issue(List<String> entityIds) {
        if (entityIds.isEmpty()) {
            throw new IllegalArgumentException("a key is bound to at least one entity");
        }
        byte[] secretBytes = new byte[SECRET_BYTES];
        random.nextBytes(secretBytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        byte[] idBytes = new byte[ID_BYTES];
        random.nextBytes(idBytes);
        ApiKey key = new ApiKey("key_" + HexFormat.of().formatHex(idBytes), distinct(entityIds), clock.instant(), null);
        store.add(hash(secret), key);
        return new IssuedKey(key, secret);
    }

    /**
     * Finds the active key of a secret.
     *
     * @param secret what the client sent, nullable
     * @return the key, empty when the secret is unknown, malformed or revoked
     */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX) || secret.length() > 128) {
            return Optional.empty();
        }
        return store.findByHash(hash(secret)).filter(ApiKey::active);
    }

    /**
     * The keys that act only on entities among the given ones (so that a key sees the keys of its own entities).
     *
     * @param entityIds the caller's entities, not null
     * @return the keys, oldest first
     */
    public List<ApiKey> list(List<String> entityIds) {
        List<ApiKey> out = new ArrayList<>();
        for (ApiKey k : store.all()) {
            if (entityIds.containsAll(k.entityIds())) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * Revokes a key visible to the caller.
     *
     * @param id the key's id, not null
     * @param entityIds the caller's entities, not null
     * @return the revoked key, empty when no such key is visible to the caller
     */
    public synchronized Optional<ApiKey> revoke(String id, List<String> entityIds) {
        for (ApiKey k : store.all()) {
            if (k.id().equals(id) && entityIds.containsAll(k.entityIds())) {
                return store.revoke(id, clock.instant());
            }
        }
        return Optional.empty();
    }

    /**
     * The active keys that may act on an entity (for a host deciding whether an entity still needs a first key).
     *
     * @param entityId an entity id, not null
     * @return the keys, oldest first
     */
    public List<ApiKey> activeFor(String entityId) {
        List<ApiKey> out = new ArrayList<>();
        for (ApiKey k : store.all()) {
            if (k.active() && k.entityIds().contains(entityId)) {
                out.add(k);
            }
        }
        return out;
    }

    /** @return the stored hashes when the store is in memory (for tests: never a secret), else empty */
    Set<String> storedHashes() {
        return store instanceof InMemoryApiKeyStore m ? m.hashes() : Set.of();
    }

    /**
     * @param secret not null
     * @return the hex SHA-256 of its UTF-8 bytes
     */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static List<String> distinct(List<String> ids) {
        return List.copyOf(new java.util.LinkedHashSet<>(ids));
    }
}
