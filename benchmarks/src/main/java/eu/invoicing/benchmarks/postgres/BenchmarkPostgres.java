package eu.invoicing.benchmarks.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway PostgreSQL server for one benchmark run: zonky's binaries, a fresh data directory, the server's
 * default durability (fsync and synchronous commit on, so a commit costs what it costs in production), more
 * shared buffers than the default so that the list data stays cached.
 *
 * <p>Not thread-safe to start or stop.
 */
public final class BenchmarkPostgres implements AutoCloseable {
    private final EmbeddedPostgres server;

    private BenchmarkPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** @return a started server on a fresh data directory */
    public static BenchmarkPostgres start() {
        try {
            Path dir = Files.createTempDirectory("invoicing-bench-pg");
            return new BenchmarkPostgres(EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("max_connections", "200")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
