package eu.invoicing.server.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets: the server's "now" moved to the date of the example being replayed. Thread-safe. */
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
