package eu.invoicing.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.postgres.PostgresInvoicing;
import eu.invoicing.postgres.PostgresSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL database a command works on ({@code --database URL}, {@link DatabaseOption}): a JDBC URL
 * ({@code jdbc:postgresql://host:port/db?user=U&password=P}) or {@code embedded}, a throwaway PostgreSQL
 * server started for the run (zonky's binaries, nothing installed) and removed when the command ends. The
 * schema is {@value PostgresSchema#DEFAULT_NAME}.
 *
 * <p>A long-running command ({@code serve}) opens it pooled: connections come from a HikariCP pool of a fixed
 * maximum size instead of a new connection per unit of work.
 *
 * <p>Not thread-safe to open or close; the data source it hands out is.
 */
final class CliDatabase implements AutoCloseable {
    /** The value of {@code --database} that starts a throwaway server. */
    static final String EMBEDDED = "embedded";

    // Held so that the level set below stays (JUL keeps loggers weakly): Flyway reports every migration at INFO,
    // which would mix with the command's own stderr.
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private final DataSource dataSource;
    private final EmbeddedPostgres embedded;
    private final Path embeddedDir;
    private final HikariDataSource pool;

    private CliDatabase(DataSource dataSource, EmbeddedPostgres embedded, Path embeddedDir) {
        this(dataSource, embedded, embeddedDir, null);
    }

    private CliDatabase(DataSource dataSource, EmbeddedPostgres embedded, Path embeddedDir, HikariDataSource pool) {
        this.dataSource = pool != null ? pool : dataSource;
        this.embedded = embedded;
        this.embeddedDir = embeddedDir;
        this.pool = pool;
    }

    /**
     * Checks the URL, starts the embedded server when asked, and connects once, so that a wrong URL is
     * reported before any work.
     *
     * @param url {@code embedded} or a {@code jdbc:postgresql:} URL, not null
     * @param path the option name errors are reported at, e.g. {@code --database}
     * @return the open database (close it)
     * @throws ValidationException at {@code path}: {@code invalid_value} for another URL, {@code unreachable}
     *     when no connection can be made
     */
    static CliDatabase open(String url, String path) {
        return open(url, null, path);
    }

    /**
     * {@link #open(String, String)} with connections from a pool.
     *
     * @param url {@code embedded} or a {@code jdbc:postgresql:} URL, not null
     * @param password the password (from the environment, never the command line), nullable: none or the URL's
     * @param path the option name errors are reported at
     * @param maxConnections the pool's maximum size, at least 1
     * @return the open database (close it: the pool goes too)
     * @throws ValidationException as {@link #open(String, String)} does
     */
    static CliDatabase openPooled(String url, String password, String path, int maxConnections) {
        CliDatabase plain = open(url, password, path);
        HikariConfig config = new HikariConfig();
        config.setDataSource(plain.dataSource);
        config.setMaximumPoolSize(maxConnections);
        config.setPoolName("invoicing-cli");
        try {
            return new CliDatabase(plain.dataSource, plain.embedded, plain.embeddedDir, new HikariDataSource(config));
        } catch (RuntimeException e) {
            plain.close();
            throw ValidationException.of(path, "unreachable", "cannot open a connection pool: " + e.getMessage());
        }
    }

    private static CliDatabase open(String url, String password, String path) {
        quietLibraryLogs();
        if (EMBEDDED.equals(url)) {
            return startEmbedded(path);
        }
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
            throw ValidationException.of(path, "invalid_value", "must be " + EMBEDDED
                    + " or a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database?user=U&password=P), was "
                    + (url == null ? "nothing" : "\"" + redact(url) + "\""));
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setUrl(url);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(path, "invalid_value", "is not a valid PostgreSQL JDBC URL: \""
                    + redact(url) + "\"");
        }
        ds.setApplicationName("invoicing-cli");
        if (password != null) {
            ds.setPassword(password);
        }
        check(ds, path, redact(url));
        return new CliDatabase(ds, null, null);
    }

    private static CliDatabase startEmbedded(String path) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("invoicing-embedded-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true).start();
            return new CliDatabase(pg.getPostgresDatabase(), pg, dir);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw ValidationException.of(path, "unreachable", "could not start an embedded PostgreSQL server: "
                    + e.getMessage());
        }
    }

    private static void check(DataSource ds, String path, String shown) {
        try (Connection c = ds.getConnection()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw ValidationException.of(path, "unreachable", "cannot connect to " + shown + ": " + e.getMessage());
        }
    }

    /** @return the URL without the value of a password parameter (never printed) */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static void quietLibraryLogs() {
        FLYWAY_LOG.setLevel(Level.WARNING);
        // SLF4J (zonky) has no provider in the tool: its own notice about that would land on stderr.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    /** @return the connections, not null */
    DataSource dataSource() {
        return dataSource;
    }

    /** @return whether this is a throwaway server of this run */
    boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * The library on this database, the schema migrated first.
     *
     * @param configure clock, ids and so on, not null
     * @return the library
     */
    Invoicing invoicing(Consumer<Invoicing.Builder> configure) {
        return PostgresInvoicing.builder(dataSource).configure(configure).build().invoicing();
    }

    /**
     * Drops a schema and everything in it, if it exists (the demo's own schema, never the stores' default).
     *
     * @param schema a lowercase identifier ({@link PostgresSchema#named}), not null
     * @throws ValidationException at {@code --database} when the database refuses
     */
    void dropSchema(String schema) {
        String name = PostgresSchema.named(schema).name();
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("drop schema if exists \"" + name + "\" cascade");
        } catch (SQLException e) {
            throw ValidationException.of("--database", "unreachable", "cannot drop schema " + name + ": "
                    + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteTree(embeddedDir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory: whatever is left is the system's to clean.
        }
    }
}
