package eu.invoicing.postgres.testing;

import eu.invoicing.postgres.jobs.PostgresExportJobs;
import java.time.Duration;

/** The scheduler timings of the export job tests: every node of a test must agree on them. */
public final class PostgresExportJobsTestConfig {
    private PostgresExportJobsTestConfig() {
    }

    /**
     * @param b a builder
     * @return it, with short polling, heartbeats every 250 ms and a node taken for dead after 4 missed ones
     */
    public static PostgresExportJobs.Builder configure(PostgresExportJobs.Builder b) {
        return b.pollingInterval(Duration.ofMillis(200)).heartbeatInterval(Duration.ofMillis(250)).missedHeartbeats(4)
                .progressInterval(Duration.ofMillis(100)).shutdownWait(Duration.ofSeconds(2)).threads(2);
    }
}
