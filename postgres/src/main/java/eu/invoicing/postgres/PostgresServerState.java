package eu.invoicing.postgres;

import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
import eu.invoicing.server.ApiKeyStore;
import eu.invoicing.server.ApiKeys;
import eu.invoicing.server.EntityStore;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP server's own state on PostgreSQL, so that it survives a restart: its API keys ({@link #apiKeys()}, in
 * {@code SCHEMA.server_api_keys}: each key's SHA-256 hash, never the secret, its id, entities and times) and its
 * entities ({@link #entities()}, in {@code SCHEMA.server_entities} as the library's JSON). Needs the optional
 * {@code invoicing-server} dependency.
 *
 * <pre>{@code
 * PostgresInvoicing pg = PostgresInvoicing.builder(dataSource).build();
 * PostgresServerState state = PostgresServerState.of(pg);
 * InvoicingServer.builder().backend(pg.invoicing(), pg.documents()).keyStore(state.apiKeys())
 *         .entityStore(state.entities())...
 * }</pre>
 *
 * <p>Thread-safe (every call is one statement on a connection of its own).
 */
public final class PostgresServerState {
    private static final String KEY_COLUMNS = "key_id, entity_ids, created_at, revoked_at";

    private final PostgresTransactor tx;
    private final Clock clock;
    private final String keys;
    private final String entities;
    private final ApiKeyStore keyView = new KeyView();
    private final EntityStore entityView = new EntityView();

    private PostgresServerState(PostgresTransactor tx, PostgresSchema schema, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.keys = schema.table("server_api_keys");
        this.entities = schema.table("server_entities");
    }

    /**
     * The server state in the schema of a PostgreSQL library instance (migrated by it).
     *
     * @param pg the instance, not null
     * @return the state
     */
    public static PostgresServerState of(PostgresInvoicing pg) {
        Objects.requireNonNull(pg, "pg");
        return new PostgresServerState(pg.transactor(), pg.schema(), pg.invoicing().clock());
    }

    /** @return the API keys, for {@code InvoicingServer.Builder.keyStore} */
    public ApiKeyStore apiKeys() {
        return keyView;
    }

    /** @return the entities, for {@code InvoicingServer.Builder.entityStore} */
    public EntityStore entities() {
        return entityView;
    }

    /** The keys' view (a class of its own: both stores have an {@code all()}). */
    private final class KeyView implements ApiKeyStore {
        @Override
        public void add(String hash, ApiKeys.ApiKey key) {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(key, "key");
            tx.withConnection("storing API key " + key.id(), c -> {
                try (PreparedStatement s = c.prepareStatement("insert into " + keys
                        + " (key_hash, key_id, entity_ids, created_at, revoked_at) values (?, ?, ?, ?, ?)")) {
                    s.setString(1, hash);
                    s.setString(2, key.id());
                    s.setArray(3, c.createArrayOf("text", key.entityIds().toArray()));
                    s.setTimestamp(4, Timestamp.from(key.createdAt()));
                    s.setTimestamp(5, key.revokedAt() == null ? null : Timestamp.from(key.revokedAt()));
                    s.executeUpdate();
                }
                return null;
            });
        }

        @Override
        public Optional<ApiKeys.ApiKey> findByHash(String hash) {
            Objects.requireNonNull(hash, "hash");
            return tx.withConnection("reading an API key", c -> {
                try (PreparedStatement s = c.prepareStatement("select " + KEY_COLUMNS + " from " + keys
                        + " where key_hash = ?")) {
                    s.setString(1, hash);
                    try (ResultSet r = s.executeQuery()) {
                        return r.next() ? Optional.of(key(r)) : Optional.empty();
                    }
                }
            });
        }

        @Override
        public List<ApiKeys.ApiKey> all() {
            return tx.withConnection("listing API keys", c -> {
                try (PreparedStatement s = c.prepareStatement("select " + KEY_COLUMNS + " from " + keys
                        + " order by position"); ResultSet r = s.executeQuery()) {
                    List<ApiKeys.ApiKey> out = new ArrayList<>();
                    while (r.next()) {
                        out.add(key(r));
                    }
                    return out;
                }
            });
        }

        @Override
        public Optional<ApiKeys.ApiKey> revoke(String id, Instant at) {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(at, "at");
            return tx.withConnection("revoking API key " + id, c -> {
                try (PreparedStatement s = c.prepareStatement("update " + keys
                        + " set revoked_at = coalesce(revoked_at, ?) where key_id = ? returning " + KEY_COLUMNS)) {
                    s.setTimestamp(1, Timestamp.from(at));
                    s.setString(2, id);
                    try (ResultSet r = s.executeQuery()) {
                        return r.next() ? Optional.of(key(r)) : Optional.empty();
                    }
                }
            });
        }

    }

    /** The entities' view. */
    private final class EntityView implements EntityStore {
        @Override
        public void put(Entity entity) {
            Objects.requireNonNull(entity, "entity");
            String json = InvoicingJson.writeEntity(entity);
            tx.withConnection("storing entity " + entity.id(), c -> {
                try (PreparedStatement s = c.prepareStatement("insert into " + entities
                        + " (entity_id, body, updated_at) values (?, ?::json, ?) on conflict (entity_id)"
                        + " do update set body = excluded.body, updated_at = excluded.updated_at")) {
                    s.setString(1, entity.id());
                    s.setString(2, json);
                    s.setTimestamp(3, Timestamp.from(clock.instant()));
                    s.executeUpdate();
                }
                return null;
            });
        }

        @Override
        public List<Entity> all() {
            return tx.withConnection("listing entities", c -> {
                try (PreparedStatement s = c.prepareStatement("select body from " + entities + " order by position");
                        ResultSet r = s.executeQuery()) {
                    List<Entity> out = new ArrayList<>();
                    while (r.next()) {
                        out.add(InvoicingJson.readEntity(r.getString(1)));
                    }
                    return out;
                }
            });
        }
    }

    private static ApiKeys.ApiKey key(ResultSet r) throws SQLException {
        Array ids = r.getArray(2);
        List<String> entityIds = Arrays.asList((String[]) ids.getArray());
        Timestamp revoked = r.getTimestamp(4);
        return new ApiKeys.ApiKey(r.getString(1), entityIds, r.getTimestamp(3).toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
