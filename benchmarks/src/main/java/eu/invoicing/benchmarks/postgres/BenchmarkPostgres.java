package eu.invoicing.benchmarks.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway PostgreSQL server for one benchmark run: zonky's binaries, a fresh data directory, the server's
 * default durability (fsync and synchronous commit on, so a commit costs what it costs in production), more
 * shared buffers than the default so that the list data stays cached. With {@code -Dinvoicing.bench.pgdata=DIR}
 * the data directory is DIR and is kept between runs (a load program then reuses the data it finds there).
 *
 * <p>Not thread-safe to start or stop.
 */
public final class BenchmarkPostgres implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private BenchmarkPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /** @return a started server on a fresh data directory */
    public static BenchmarkPostgres start() {
        return start(false);
    }

    /**
     * @param statementStats whether to load {@code pg_stat_statements} (the time the server spends per statement)
     * @return a started server on a fresh data directory
     */
    public static BenchmarkPostgres start(boolean statementStats) {
        try {
            String kept = System.getProperty("invoicing.bench.pgdata");
            Path dir = kept != null ? Path.of(kept) : Files.createTempDirectory("invoicing-bench-pg").resolve("data");
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setDataDirectory(dir)
                    .setCleanDataDirectory(kept == null)
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("max_connections", "200");
            if (statementStats) {
                b.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            return new BenchmarkPostgres(b.start(), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the process id of the server's postmaster (the first line of its data directory's postmaster.pid) */
    public long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }

    /** @return the running server */
    public EmbeddedPostgres server() {
        return server;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
