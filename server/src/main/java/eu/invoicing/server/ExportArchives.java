package eu.invoicing.server;

import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export jobs the server started and the temporary directory their ZIP archives are written to. A job is
 * kept, with its archive, for the retention time after it started ({@link ServerLimits#exportRetention()}); a
 * sweep then forgets it and deletes its archive, so that a polling or downloading client gets {@code 404} and no
 * archive is left on disk. {@link #close()} deletes the whole directory (on server stop).
 *
 * <p>The archive of a job is not deleted when it is downloaded: a client whose download broke off may fetch it
 * again until the job expires (docs/server.md).
 *
 * <p>Thread-safe.
 */
final class ExportArchives implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExportArchives.class);

    /** What the server knows of a job beyond the manager: whose it is and when it started. */
    private record Started(String entityId, Instant at) {
    }

    private final Path root;
    private final Duration retention;
    private final Clock clock;
    private final Map<String, Started> jobs = new ConcurrentHashMap<>();
    private volatile ExportJobManager manager;

    /**
     * @param retention how long a job and its archive are kept after it started
     * @param clock the clock the retention is measured with
     * @throws UncheckedIOException when no temporary directory can be created
     */
    ExportArchives(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
        try {
            this.root = Files.createTempDirectory("invoicing-exports");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for export archives", e);
        }
    }

    /** @return the directory archives are written under */
    Path root() {
        return root;
    }

    /** @param m the manager whose jobs these are (set once, right after it is built on {@link #root()}) */
    void manager(ExportJobManager m) {
        this.manager = m;
    }

    /**
     * Records a job just started.
     *
     * @param job the job
     * @param entityId the entity that started it
     */
    void started(ExportJob job, String entityId) {
        jobs.put(job.id(), new Started(entityId, clock.instant()));
    }

    /**
     * The entity a job belongs to, after expired jobs were swept.
     *
     * @param jobId the job's id, nullable
     * @return the entity's id, empty when the job is unknown or expired
     */
    Optional<String> entityOf(String jobId) {
        sweep();
        Started s = jobId == null ? null : jobs.get(jobId);
        return Optional.ofNullable(s == null ? null : s.entityId());
    }

    /**
     * Forgets the finished jobs that started longer ago than the retention time and deletes their archives. A job
     * still running is kept until it has finished.
     *
     * @return how many jobs were forgotten
     */
    int sweep() {
        ExportJobManager m = manager;
        if (m == null) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention);
        int forgotten = 0;
        for (Map.Entry<String, Started> e : jobs.entrySet()) {
            if (!e.getValue().at().isBefore(cutoff)) {
                continue;
            }
            String id = e.getKey();
            Optional<ExportJob> job = m.find(id);
            if (job.isPresent() && !job.get().status().isFinal()) {
                continue;
            }
            m.forget(id);
            jobs.remove(id, e.getValue());
            deleteTree(root.resolve(id));
            forgotten++;
        }
        return forgotten;
    }

    /** Deletes the directory with every archive in it; the jobs are forgotten. Idempotent. */
    @Override
    public void close() {
        ExportJobManager m = manager;
        if (m != null) {
            jobs.keySet().forEach(m::forget);
        }
        jobs.clear();
        deleteTree(root);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw exc;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Left for the operating system's temporary-file cleaning; the server goes on.
            LOG.warn("could not delete the export archives under {}", dir, e);
        }
    }
}
