package eu.invoicing.core.memory;

import eu.invoicing.core.spi.NumberSequencer;
import eu.invoicing.core.spi.SequenceKey;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@link NumberSequencer}: the last number per key in a concurrent map. Built with an
 * {@link InMemoryTransactor}, {@link #next} registers an undo that gives the number back when the unit of
 * work fails; as that transactor runs one unit of work per entity at a time, the number taken is always the
 * last one and giving it back leaves no gap.
 *
 * <p>Thread-safe.
 */
public final class InMemoryNumberSequencer implements NumberSequencer {
    private final InMemoryTransactor transactor;
    private final ConcurrentMap<SequenceKey, Long> last = new ConcurrentHashMap<>();

    /** A sequencer that does not take part in any rollback. */
    public InMemoryNumberSequencer() {
        this(null);
    }

    /**
     * Creates a sequencer with no number taken.
     *
     * @param transactor the transactor whose rollback this sequencer joins, nullable
     */
    public InMemoryNumberSequencer(InMemoryTransactor transactor) {
        this.transactor = transactor;
    }

    @Override
    public long next(SequenceKey key, long floor) {
        Objects.requireNonNull(key, "key");
        long[] before = new long[1];
        long taken = last.merge(key, Math.max(1, floor), (old, ignored) -> {
            before[0] = old;
            return Math.max(old + 1, floor);
        });
        if (transactor != null) {
            long previous = before[0];
            transactor.onRollback(() -> {
                if (previous == 0) {
                    last.remove(key, taken);
                } else {
                    last.replace(key, taken, previous);
                }
            });
        }
        return taken;
    }

    @Override
    public long peek(SequenceKey key, long floor) {
        Long current = last.get(Objects.requireNonNull(key, "key"));
        return current == null ? Math.max(1, floor) : Math.max(current + 1, floor);
    }
}
