package eu.invoicing.server;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.query.DocumentQuery;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits the server enforces, each with a documented default (docs/server.md): request body size, line items
 * per document, page size, requests per API key per minute, how long a connection may stay idle, how long
 * a shutdown waits for running requests, and how long an export job's archive is kept.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxBodyBytes largest request body accepted, in bytes (default 1 MiB); a larger one is {@code 413}
 * @param maxItems most line items one document may carry (default 500); more is {@code 400} at {@code items}
 * @param maxPageSize largest {@code limit} of a list (default 100, the library's maximum); more is {@code 400}
 * @param requestsPerMinute requests one API key may make per minute (default 600); more is {@code 429}
 * @param idleTimeout how long a connection may be idle, reading a request or writing a response (default 30 s)
 * @param shutdownGrace how long stopping waits for running requests to finish (default 30 s)
 * @param exportRetention how long an export job and its ZIP archive are kept after the job started (default 1 h);
 *     later the job is {@code 404} and its archive deleted
 */
public record ServerLimits(long maxBodyBytes, int maxItems, int maxPageSize, int requestsPerMinute,
                           Duration idleTimeout, Duration shutdownGrace, Duration exportRetention) {

    /** The defaults. */
    public static final ServerLimits DEFAULTS = new ServerLimits(1024 * 1024, 500, DocumentQuery.MAX_LIMIT, 600,
            Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofHours(1));

    /**
     * Checks the values.
     *
     * @param maxBodyBytes at least 1
     * @param maxItems at least 1
     * @param maxPageSize 1 to the library's maximum page size
     * @param requestsPerMinute at least 1
     * @param idleTimeout positive, not null
     * @param shutdownGrace not negative, not null
     * @param exportRetention positive, not null
     * @throws ValidationException naming every bad value
     */
    public ServerLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(exportRetention, "exportRetention");
        ViolationCollector out = new ViolationCollector();
        if (maxBodyBytes < 1) {
            out.add("max_body_bytes", "out_of_range", "must be >= 1, was " + maxBodyBytes);
        }
        if (maxItems < 1) {
            out.add("max_items", "out_of_range", "must be >= 1, was " + maxItems);
        }
        if (maxPageSize < 1 || maxPageSize > DocumentQuery.MAX_LIMIT) {
            out.add("max_page_size", "out_of_range", "must be 1-" + DocumentQuery.MAX_LIMIT + ", was " + maxPageSize);
        }
        if (requestsPerMinute < 1) {
            out.add("requests_per_minute", "out_of_range", "must be >= 1, was " + requestsPerMinute);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            out.add("idle_timeout", "out_of_range", "must be positive, was " + idleTimeout);
        }
        if (shutdownGrace.isNegative()) {
            out.add("shutdown_grace", "out_of_range", "must not be negative, was " + shutdownGrace);
        }
        if (exportRetention.isNegative() || exportRetention.isZero()) {
            out.add("export_retention", "out_of_range", "must be positive, was " + exportRetention);
        }
        out.throwIfAny();
    }

    /**
     * @param v the largest body in bytes
     * @return a copy with it; this instance is unaffected
     */
    public ServerLimits withMaxBodyBytes(long v) {
        return new ServerLimits(v, maxItems, maxPageSize, requestsPerMinute, idleTimeout, shutdownGrace,
                exportRetention);
    }

    /**
     * @param v the most items per document
     * @return a copy with it; this instance is unaffected
     */
    public ServerLimits withMaxItems(int v) {
        return new ServerLimits(maxBodyBytes, v, maxPageSize, requestsPerMinute, idleTimeout, shutdownGrace,
                exportRetention);
    }

    /**
     * @param v the largest page
     * @return a copy with it; this instance is unaffected
     */
    public ServerLimits withMaxPageSize(int v) {
        return new ServerLimits(maxBodyBytes, maxItems, v, requestsPerMinute, idleTimeout, shutdownGrace,
                exportRetention);
    }

    /**
     * @param v requests per key per minute
     * @return a copy with it; this instance is unaffected
     */
    public ServerLimits withRequestsPerMinute(int v) {
        return new ServerLimits(maxBodyBytes, maxItems, maxPageSize, v, idleTimeout, shutdownGrace, exportRetention);
    }

    /**
     * @param v the idle timeout, not null
     * @return a copy with it; this instance is unaffected
     */
    public ServerLimits withIdleTimeout(Duration v) {
        return new ServerLimits(maxBodyBytes, maxItems, maxPageSize, requestsPerMinute, v, shutdownGrace,
                exportRetention);
    }

    /**
     * @param v the shutdown grace, not null
     * @return a copy with it; this instance is unaffected
     */
    public ServerLimits withShutdownGrace(Duration v) {
        return new ServerLimits(maxBodyBytes, maxItems, maxPageSize, requestsPerMinute, idleTimeout, v,
                exportRetention);
    }

    /**
     * @param v how long an export job and its archive are kept, not null
     * @return a copy with it; this instance is unaffected
     */
    public ServerLimits withExportRetention(Duration v) {
        return new ServerLimits(maxBodyBytes, maxItems, maxPageSize, requestsPerMinute, idleTimeout, shutdownGrace, v);
    }
}
