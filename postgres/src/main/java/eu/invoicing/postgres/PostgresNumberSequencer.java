package eu.invoicing.postgres;

import eu.invoicing.core.spi.NumberSequencer;
import eu.invoicing.core.spi.SequenceKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;

/**
 * The {@link NumberSequencer} on PostgreSQL: a counter row per (entity, series, year) in
 * {@code SCHEMA.number_sequences}. {@link #next} takes the number with one upsert that locks the row until
 * the unit of work ends, in the transaction that stores the numbered document: a unit of work that rolls back,
 * or whose connection or process dies, gives its number back, and a second unit of work taking a number of the
 * same sequence waits for the first to end. Numbers are therefore gap-free and unique across every node
 * sharing the database (docs/postgres.md).
 *
 * <p>Thread-safe.
 */
public final class PostgresNumberSequencer implements NumberSequencer {
    private final PostgresTransactor tx;
    private final String nextSql;
    private final String peekSql;

    PostgresNumberSequencer(PostgresTransactor tx, PostgresSchema schema) {
        this.tx = Objects.requireNonNull(tx, "tx");
        String table = schema.table("number_sequences");
        this.nextSql = "insert into " + table + " as s (entity_id, series, year, last_value) values (?, ?, ?, ?) "
                + "on conflict (entity_id, series, year) do update set last_value = greatest(s.last_value + 1, ?) "
                + "returning last_value";
        this.peekSql = "select last_value from " + table + " where entity_id = ? and series = ? and year = ?";
    }

    @Override
    public long next(SequenceKey key, long floor) {
        Objects.requireNonNull(key, "key");
        long first = Math.max(1, floor);
        // The first statement of a create's unit of work: it carries the unit's begin (PostgresTransactor.query).
        return tx.query("taking a number of " + key.series(), nextSql, (s, i) -> {
            s.setString(i, key.entityId());
            s.setString(i + 1, key.series());
            s.setInt(i + 2, key.year());
            s.setLong(i + 3, first);
            s.setLong(i + 4, floor);
        }, r -> {
            r.next();
            return r.getLong(1);
        });
    }

    @Override
    public long peek(SequenceKey key, long floor) {
        Objects.requireNonNull(key, "key");
        return tx.withConnection("previewing a number of " + key.series(), c -> {
            try (PreparedStatement s = c.prepareStatement(peekSql)) {
                s.setString(1, key.entityId());
                s.setString(2, key.series());
                s.setInt(3, key.year());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Math.max(r.getLong(1) + 1, floor) : Math.max(1, floor);
                }
            }
        });
    }
}
