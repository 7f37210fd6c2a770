package eu.invoicing.export.local;

import eu.invoicing.export.spi.JobRunner;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default {@link JobRunner}: runs each job as one task of an {@link Executor}.
 *
 * <p>Either wraps an executor owned by the host ({@link #using(Executor)}; {@link #close()}
 * leaves it alone) or owns a fixed pool of daemon threads named {@code invoicing-export-N}
 * ({@link #withThreads(int)}; {@link #close()} shuts it down and waits for running jobs).
 *
 * <p>Thread-safe: {@link #submit} may be called from any thread.
 */
public final class ExecutorJobRunner implements JobRunner, AutoCloseable {

    private final Executor executor;
    private final ExecutorService owned;

    private ExecutorJobRunner(Executor executor, ExecutorService owned) {
        this.executor = executor;
        this.owned = owned;
    }

    /**
     * Runs jobs on a host-owned executor.
     *
     * @param executor the executor, not null
     * @return a runner that does not shut the executor down on {@link #close()}
     * @throws NullPointerException if {@code executor} is null
     */
    public static ExecutorJobRunner using(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return new ExecutorJobRunner(executor, null);
    }

    /**
     * Runs jobs on a new fixed pool of daemon threads, owned by the runner.
     *
     * @param threads the number of jobs that may run at once, at least 1
     * @return a runner that shuts its pool down on {@link #close()}
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public static ExecutorJobRunner withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: must be >= 1, was " + threads);
        }
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "invoicing-export-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
        return new ExecutorJobRunner(pool, pool);
    }

    /**
     * {@inheritDoc}
     *
     * @throws NullPointerException if {@code jobId} or {@code task} is null
     */
    @Override
    public void submit(String jobId, Runnable task) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(task, "task");
        executor.execute(task);
    }

    /**
     * Shuts down the owned pool, if any, and waits up to one minute for running jobs to end.
     * Does nothing for a host-owned executor. Idempotent.
     */
    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        owned.shutdown();
        try {
            if (!owned.awaitTermination(1, TimeUnit.MINUTES)) {
                owned.shutdownNow();
            }
        } catch (InterruptedException e) {
            owned.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
