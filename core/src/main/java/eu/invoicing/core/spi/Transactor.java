package eu.invoicing.core.spi;

import java.util.function.Supplier;

/**
 * Runs a unit of work atomically: every store, sequencer and ledger write made by {@code work} commits
 * together, or, when {@code work} throws, none does (the exception is rethrown; wrapping it is tolerated, the
 * library finds its own exception in the cause chain and reports it unchanged). Anything else the transactor
 * throws (begin, commit, rollback) is reported as an {@link eu.invoicing.core.SpiException}. The library validates
 * inside the unit of work before it writes, reading the current state there, so an implementation must
 * also isolate concurrent units of work of the same entity (e.g. serializable transactions or a lock
 * per entity). Nested calls on the same thread join the outer unit of work.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Transactor {
    /**
     * @param <T> the result type
     * @param entityId the entity whose data the work touches, not null
     * @param work the work, not null
     * @return what the work returned
     */
    <T> T inTransaction(String entityId, Supplier<T> work);
}
