package eu.invoicing.export.spi;

/**
 * Runs background export jobs (bulk PDF and e-SLOG archives) on behalf of the library.
 *
 * <p>The host decides where jobs run: a thread pool, a queue worker, a virtual thread. The
 * library ships {@link eu.invoicing.export.local.ExecutorJobRunner}, backed by an
 * {@link java.util.concurrent.ExecutorService}.
 *
 * <p><b>Thread-safety contract:</b> implementations must accept {@link #submit} from any number
 * of threads at once. The task may run on any thread, at most once; it does its own error
 * handling (it never throws for a failed export, it records the failure on the job), so the
 * runner needs no retry or error policy.
 */
public interface JobRunner {

    /**
     * Schedules a job for execution and returns without waiting for it.
     *
     * @param jobId the id of the job (e.g. {@code expjob_...}), not null; for logging and
     *     tracing only
     * @param task the work to run, not null
     * @throws java.util.concurrent.RejectedExecutionException if the runner cannot accept the
     *     job (shut down, saturated); the library then marks the job as failed
     */
    void submit(String jobId, Runnable task);
}
