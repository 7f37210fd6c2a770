package eu.invoicing.postgres;

import eu.invoicing.core.spi.Transactor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
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
 * <p>Isolation: the transaction first takes a transaction-level advisory lock on (schema, entity), so the
 * units of work of one entity run one at a time on every node sharing the database, and those of different
 * entities in parallel (what the SPI asks for: the library validates against the state it reads inside the
 * unit of work). The lock is released by commit, rollback, or the server when the connection dies.
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
        /** The revision each document had when this unit of work read it (optimistic concurrency). */
        final Map<String, Long> revisions = new HashMap<>();
        /** The entities whose lock this unit of work holds. */
        final Set<String> locked = new HashSet<>();

        Unit(Connection connection, String entityId) {
            this.connection = connection;
            this.entityId = entityId;
            locked.add(entityId);
        }
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
                lock(outer.connection, entityId);
            }
            return work.get();
        }
        Connection c = open();
        Unit unit = new Unit(c, entityId);
        current.set(unit);
        try {
            lock(c, entityId);
            T result = work.get();
            try {
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

    private void lock(Connection c, String entityId) {
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
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

    private Connection open() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
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
