package eu.invoicing.benchmarks.postgres;

import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * What the finalize measurements create on both sides: the two-line final invoice created through the library
 * (ours), and the floor, the least a gap-free number needs in bare JDBC (one transaction: the counter row's
 * {@code insert … on conflict do update … returning}, which locks it until commit, one {@code insert} of the
 * document, commit). Shared by {@link PostgresFinalizeBenchmark} (threads in one JVM) and
 * {@link PostgresFinalizeLoad} (several JVMs). Stateless, thread-safe.
 */
final class FinalizeWorkload {
    private FinalizeWorkload() {
    }

    /** @return the final invoice each create stores: two lines, a customer by name */
    static DocumentDraft draft() {
        return DocumentDraft.builder(DocumentType.INVOICE).draft(false).customer(Party.named("Acme d.o.o."))
                .item(LineItem.builder().name("Consulting").quantity("3").price("80").tax("22").build())
                .item(LineItem.builder().name("Travel").quantity("1").price("35.50").tax("9.5").build()).build();
    }

    /** Creates the floor's counter table and its document table (a primary key and one index). */
    static void createFloorTables(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table floor_counters (entity_id text, series text, year int, last_value bigint not null, "
                    + "primary key (entity_id, series, year))");
            s.execute("create table floor_documents (entity_id text, id text, number bigint, created_at timestamptz "
                    + "not null, body json not null, primary key (entity_id, id))");
            s.execute("create index floor_documents_newest on floor_documents (entity_id, created_at desc, id)");
        }
    }

    /** @return the number the floor took for a new document {@code id} with {@code body} */
    static long floorCreateFinal(DataSource ds, String entityId, String id, String body) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                long number;
                try (PreparedStatement s = c.prepareStatement("insert into floor_counters values (?, 'invoice', 2026, 1) "
                        + "on conflict (entity_id, series, year) do update set last_value = floor_counters.last_value + 1 "
                        + "returning last_value")) {
                    s.setString(1, entityId);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        number = r.getLong(1);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("insert into floor_documents values (?, ?, ?, ?, ?::json)")) {
                    s.setString(1, entityId);
                    s.setString(2, id);
                    s.setLong(3, number);
                    s.setTimestamp(4, Timestamp.from(Instant.now()));
                    s.setString(5, body);
                    s.executeUpdate();
                }
                c.commit();
                return number;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
