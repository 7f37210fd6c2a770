package eu.invoicing.server;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key: each key may make {@code perMinute} requests in a burst and regains one every
 * {@code 60 / perMinute} seconds.
 *
 * <p>Thread-safe (synchronizes on the instance).
 */
final class RateLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new HashMap<>();

    /** Tokens are a count of requests, not money: a double is exact enough here. */
    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    RateLimiter(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one token of a key.
     *
     * @param keyId the key's id
     * @return 0 when allowed, else the seconds until the next token (at least 1)
     */
    synchronized long acquire(String keyId) {
        long now = nanoTime.getAsLong();
        Bucket b = buckets.computeIfAbsent(keyId, k -> new Bucket(perMinute, now));
        double refill = (now - b.last) * (double) perMinute / MINUTE_NANOS;
        b.tokens = Math.min(perMinute, b.tokens + refill);
        b.last = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        double missing = 1 - b.tokens;
        return Math.max(1, (long) Math.ceil(missing * 60.0 / perMinute));
    }
}
