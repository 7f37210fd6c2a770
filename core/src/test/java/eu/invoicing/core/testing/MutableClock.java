package eu.invoicing.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test sets or moves by hand, so that no test waits for real time to pass (caches that expire,
 * deadlines, a server's "now" moved to the date of the example being replayed). Shared through core's
 * test-jar. Thread-safe: the instant is volatile.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /** @param start the first instant, not null */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** @param at the new instant, not null */
    public void set(Instant at) {
        this.now = at;
    }

    /** @param d how far to move the clock, not null */
    public void advance(Duration d) {
        this.now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
