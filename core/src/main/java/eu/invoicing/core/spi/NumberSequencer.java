package eu.invoicing.core.spi;

/**
 * Hands out sequence numbers. The library calls {@link #next} only inside
 * {@link Transactor#inTransaction}, in the same unit of work that stores the numbered document: an
 * implementation must make the number part of that unit of work (e.g. a row locked until commit), so that a
 * rolled-back unit of work gives its number back and numbers stay gap-free and unique.
 *
 * <p>Implementations must be thread-safe.
 */
public interface NumberSequencer {
    /**
     * Takes the next number: {@code max(last + 1, floor)}.
     *
     * @param key the sequence, not null
     * @param floor the smallest number to hand out (the configured starting number, ≥ 1)
     * @return the number taken
     */
    long next(SequenceKey key, long floor);

    /**
     * Previews {@link #next} without taking anything.
     *
     * @param key the sequence, not null
     * @param floor the smallest number to hand out, ≥ 1
     * @return the number the next call of {@link #next} would return
     */
    long peek(SequenceKey key, long floor);
}
