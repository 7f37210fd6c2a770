package eu.invoicing.core.memory;

import eu.invoicing.core.spi.Transactor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The default {@link Transactor}: a unit of work holds a lock per entity (so units of work of one entity run
 * one at a time, those of different entities in parallel) and keeps an undo log on its thread. The in-memory
 * stores built with this transactor register an undo action for every write; when the work throws, the
 * actions run in reverse order and the exception is rethrown, so nothing of the failed unit remains. A nested
 * call on the same thread joins the outer unit of work.
 *
 * <p>Thread-safe. Stores that are not built with this instance do not take part in its rollback.
 */
public final class InMemoryTransactor implements Transactor {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ThreadLocal<Deque<Runnable>> undoLog = new ThreadLocal<>();

    /** A transactor with no unit of work open. */
    public InMemoryTransactor() {
    }

    @Override
    public <T> T inTransaction(String entityId, Supplier<T> work) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(work, "work");
        ReentrantLock lock = locks.computeIfAbsent(entityId, k -> new ReentrantLock());
        lock.lock();
        boolean outer = undoLog.get() == null;
        if (outer) {
            undoLog.set(new ArrayDeque<>());
        }
        try {
            T result = work.get();
            if (outer) {
                undoLog.remove();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (outer) {
                rollback();
            }
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Registers how to undo a write made on the current thread. Outside a unit of work it does nothing.
     *
     * @param undo the action restoring the state before the write, not null
     */
    public void onRollback(Runnable undo) {
        Deque<Runnable> log = undoLog.get();
        if (log != null) {
            log.push(Objects.requireNonNull(undo, "undo"));
        }
    }

    /** @return true when the current thread is inside a unit of work of this transactor */
    public boolean inUnitOfWork() {
        return undoLog.get() != null;
    }

    private void rollback() {
        Deque<Runnable> log = undoLog.get();
        undoLog.remove();
        while (!log.isEmpty()) {
            log.pop().run();
        }
    }
}
