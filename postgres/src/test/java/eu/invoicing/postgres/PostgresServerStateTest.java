package eu.invoicing.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Entity;
import eu.invoicing.postgres.testing.PostgresServer;
import eu.invoicing.server.ApiKeys;
import eu.invoicing.server.ServerEntities;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server's keys and entities on PostgreSQL, through {@link ApiKeys} and {@link ServerEntities} as the
 * server uses them: a second instance on the same schema (a restart) authenticates the old key, keeps a revoked
 * key revoked and the first revocation time, lists keys in issue order, and serves the stored entities in the
 * order first added; the table holds the hash, never the secret.
 */
class PostgresServerStateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);
    private static PostgresInvoicing pg;

    @BeforeAll
    static void migrate() {
        pg = PostgresInvoicing.builder(PostgresServer.dataSource()).schema(PostgresServer.freshSchema())
                .configure(b -> b.clock(CLOCK)).build();
    }

    @Test
    void keys_surviveANewInstance_revokedStaysRevoked_onlyHashesStored() throws Exception {
        ApiKeys first = new ApiKeys(new SecureRandom(), CLOCK, PostgresServerState.of(pg).apiKeys());
        ApiKeys.IssuedKey a = first.issue(List.of("ent_a", "ent_b", "ent_a"));
        ApiKeys.IssuedKey b = first.issue(List.of("ent_b"));
        assertThat(first.revoke(b.key().id(), List.of("ent_b"))).isPresent();

        ApiKeys restarted = new ApiKeys(new SecureRandom(), Clock.offset(CLOCK, java.time.Duration.ofHours(1)),
                PostgresServerState.of(pg).apiKeys());
        assertThat(restarted.authenticate(a.secret()).orElseThrow().entityIds()).containsExactly("ent_a", "ent_b");
        assertThat(restarted.authenticate(b.secret())).isEmpty();
        assertThat(restarted.activeFor("ent_a")).extracting(ApiKeys.ApiKey::id).containsExactly(a.key().id());
        assertThat(restarted.activeFor("ent_b")).extracting(ApiKeys.ApiKey::id).containsExactly(a.key().id());
        // Revoking again keeps the first revocation time.
        assertThat(restarted.revoke(b.key().id(), List.of("ent_b")).orElseThrow().revokedAt())
                .isEqualTo(CLOCK.instant());
        assertThat(restarted.list(List.of("ent_a", "ent_b"))).extracting(ApiKeys.ApiKey::id)
                .containsExactly(a.key().id(), b.key().id());
        assertThat(restarted.revoke("key_unknown", List.of("ent_b"))).isEmpty();

        List<String> stored = new ArrayList<>();
        try (Connection c = PostgresServer.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select key_hash from " + pg.schema().table("server_api_keys"))) {
            while (r.next()) {
                stored.add(r.getString(1));
            }
        }
        assertThat(stored).hasSize(2).doesNotContain(a.secret(), b.secret()).allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Test
    void entities_surviveANewInstance_inTheOrderFirstAdded() {
        Entity one = Entity.sampleSlovenian().toBuilder().id("ent_000000000000000000000101").build();
        Entity two = Entity.sampleSlovenian().toBuilder().id("ent_000000000000000000000102").name("Two d.o.o.")
                .build();
        ServerEntities first = new ServerEntities(PostgresServerState.of(pg).entities());
        first.put(one);
        first.put(two);
        first.put(one.toBuilder().name("One renamed").build());

        ServerEntities restarted = new ServerEntities(PostgresServerState.of(pg).entities());
        assertThat(restarted.all()).extracting(Entity::id).containsExactly(one.id(), two.id());
        assertThat(restarted.require(one.id()).name()).isEqualTo("One renamed");
        assertThat(restarted.require(two.id()).name()).isEqualTo("Two d.o.o.");
    }
}
