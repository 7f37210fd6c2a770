package eu.invoicing.postgres;

import eu.invoicing.core.spi.Transactor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The {@link Transactor} of the PostgreSQL stores: a unit of work is one database transaction on one
 * connection of the host's {@link DataSource}, bound to the calling thread until it ends, so every store,
 * sequencer and ledger of the same {@link PostgresInvoicing} writes through it and commits or rolls back with
 * it. A nested call on the same thread joins the outer unit of work.
 *
 * <p>Isolation: before its first statement reads or writes anything, the transaction takes a transaction-level
 * advisory lock on (schema, entity), so the units of work of one entity run one at a time on every node sharing
 * the database, and those of different entities in parallel (what the SPI asks for: the library validates
 * against the state it reads inside the unit of work). The lock (with the isolation level) is sent in the same
 * round trip as the unit's first statement, so a unit of work that starts with Java work (a create: the document
 * is built, then the number taken) holds it only from that statement on. The lock is released by commit,
 * rollback, or the server when the connection dies.
 *
 * <p>Thread-safe. Work outside a unit of work (reads) borrows a connection per call, in auto-commit mode.
 */
public final class PostgresTransactor implements Transactor {
    private final DataSource dataSource;
    private final String lockNamespace;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    /** The state of the unit of work open on one thread. */
    static final class Unit {
        final Connection connection;
        final String entityId;
        /** The key of the entity's lock; set until the begin (isolation level and lock) has been sent. */
        private String beginPending;
        /** The revision each document had when this unit of work read it (optimistic concurrency). */
        final Map<String, Long> revisions = new HashMap<>();
        /** The entities whose lock this unit of work holds. */
        final Set<String> locked = new HashSet<>();
        /** Writes held back until the next read or the commit (run in registration order, see {@link #flush}). */
        final List<Work<Void>> pending = new ArrayList<>();
        /** The document store's held-back writes, or null when there are none. */
        PostgresDocumentStore.Writes documentWrites;
        /**
         * True while the last held-back write runs in the flush at commit: that write may send the transaction's
         * {@code commit} in its own round trip.
         */
        private boolean commitOffered;

        Unit(Connection connection, String entityId, String lockKey) {
            this.connection = connection;
            this.entityId = entityId;
            this.beginPending = lockKey;
            locked.add(entityId);
        }

        /** Sends the begin (isolation level and entity lock) unless it has been sent: before any other statement. */
        void begin() throws SQLException {
            if (beginPending != null) {
                try (PreparedStatement lock = connection.prepareStatement(BEGIN_SQL)) {
                    lock.setString(1, beginPending);
                    lock.execute();
                }
                beginPending = null;
            }
        }

        /** Runs the held-back writes on this unit's connection, so that what follows reads them. */
        void flush() throws SQLException {
            flush(false);
        }

        /**
         * Runs the held-back writes; when {@code atCommit}, nothing follows them but the commit, which the last
         * write may send with its statement.
         */
        private void flush(boolean atCommit) throws SQLException {
            if (pending.isEmpty()) {
                return;
            }
            begin();
            List<Work<Void>> run = List.copyOf(pending);
            pending.clear();
            for (int i = 0; i < run.size(); i++) {
                commitOffered = atCommit && i == run.size() - 1;
                try {
                    run.get(i).run(connection);
                } finally {
                    commitOffered = false;
                }
            }
        }

        /**
         * @return true when the statement about to be sent is the unit of work's last (the flush at commit, its
         *     last held-back write) and may end with {@code commit}; a statement whose success is not an error of
         *     the server alone (an update that may match no row) must not take it
         */
        boolean commitOffered() {
            return commitOffered;
        }
    }

    /** Binds a statement's parameters, the first at {@code first}. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement s, int first) throws SQLException;
    }

    /** Reads a statement's result. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Something done with a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * @param dataSource the host's connection source, not null
     * @param lockNamespace what the entity lock is keyed by besides the entity (the schema name), not null
     */
    PostgresTransactor(DataSource dataSource, String lockNamespace) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.lockNamespace = Objects.requireNonNull(lockNamespace, "lockNamespace");
    }

    @Override
    public <T> T inTransaction(String entityId, Supplier<T> work) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(work, "work");
        Unit outer = current.get();
        if (outer != null) {
            if (outer.locked.add(entityId)) {
                try {
                    outer.begin();
                } catch (SQLException e) {
                    throw new PostgresException("could not lock entity " + outer.entityId + ": " + e.getMessage(), e);
                }
                lock(outer.connection, entityId);
            }
            return work.get();
        }
        Connection c = open();
        Unit unit = new Unit(c, entityId, lockNamespace + "/" + entityId);
        current.set(unit);
        try {
            T result = work.get();
            try {
                unit.flush(true);
            } catch (SQLException e) {
                throw new PostgresException("writing the unit of work of entity " + entityId + " failed: "
                        + e.getMessage(), e);
            }
            try {
                // After a write that sent the commit with its statement the driver knows the transaction ended
                // (the server said so) and sends nothing; the pool's connection wrapper still records the commit.
                c.commit();
            } catch (SQLException e) {
                throw new PostgresException("commit of the unit of work of entity " + entityId + " failed", e);
            }
            return result;
        } catch (RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                // A cut connection cannot roll back; the server has already done it.
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            current.remove();
            closeQuietly(c);
        }
    }

    /** The entity's advisory lock; the driver sends it in the same round trip as the transaction's begin. */
    private static final String LOCK_SQL = "select pg_advisory_xact_lock(hashtextextended(?, 0))";
    /**
     * The first statement of a unit of work: the isolation level of this transaction and the entity lock, two
     * statements the driver sends in one round trip (with the transaction's begin) instead of three.
     */
    private static final String BEGIN_SQL = "set transaction isolation level read committed; " + LOCK_SQL;

    private void lock(Connection c, String entityId) {
        try (PreparedStatement lock = c.prepareStatement(LOCK_SQL)) {
            lock.setString(1, lockNamespace + "/" + entityId);
            lock.execute();
        } catch (SQLException e) {
            throw new PostgresException("could not lock entity " + entityId + ": " + e.getMessage(), e);
        }
    }

    /** @return true when the calling thread is inside a unit of work of this transactor */
    boolean inUnitOfWork() {
        return current.get() != null;
    }

    /** @return the unit of work open on the calling thread, or null */
    Unit unit() {
        return current.get();
    }

    /**
     * Runs {@code work} on the connection of the calling thread's unit of work, or on a connection of its own
     * (auto-commit) when none is open.
     */
    <T> T withConnection(String what, Work<T> work) {
        Unit unit = current.get();
        try {
            if (unit != null) {
                unit.begin();
                return work.run(unit.connection);
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                return work.run(c);
            }
        } catch (SQLException e) {
            throw new PostgresException(what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one query on the calling thread's unit of work (or its own connection outside one) and reads its
     * result; when it is the unit's first statement, the unit's begin (isolation level and entity lock) goes
     * before it in the same round trip, as statements of their own (the lock is taken before the query runs).
     * Held-back writes are not flushed: the caller does that when its query may read them.
     */
    <T> T query(String what, String sql, Binder bind, Reader<T> read) {
        Unit unit = current.get();
        if (unit == null || unit.beginPending == null) {
            return withConnection(what, c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    bind.bind(s, 1);
                    try (ResultSet r = s.executeQuery()) {
                        return read.read(r);
                    }
                }
            });
        }
        try (PreparedStatement s = unit.connection.prepareStatement(BEGIN_SQL + "; " + sql)) {
            s.setString(1, unit.beginPending);
            bind.bind(s, 2);
            // Three results: the isolation level (no rows), the lock's row, then the query's.
            s.execute();
            s.getMoreResults();
            s.getMoreResults();
            unit.beginPending = null;
            try (ResultSet r = s.getResultSet()) {
                return read.read(r);
            }
        } catch (SQLException e) {
            throw new PostgresException(what + " failed: " + e.getMessage(), e);
        }
    }

    private Connection open() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            if (c != null) {
                closeQuietly(c);
            }
            throw new PostgresException("could not open a unit of work: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // The connection is gone either way; the pool discards a broken one.
        }
    }
}
