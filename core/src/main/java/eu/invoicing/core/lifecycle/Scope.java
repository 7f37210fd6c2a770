package eu.invoicing.core.lifecycle;

import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.SpiException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.version.TimelineEvent;
import eu.invoicing.core.version.TimelineEventType;
import eu.invoicing.core.version.User;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * What every operation of one entity needs: the SPIs, the entity, the acting user, time, and the helpers
 * that load (scoped to the entity) and write inside a unit of work.
 *
 * <p>Immutable; thread-safe when the SPIs are.
 */
final class Scope {
    final Invoicing core;
    final Entity entity;
    final User user;

    Scope(Invoicing core, Entity entity, User user) {
        this.core = core;
        this.entity = entity;
        this.user = user;
    }

    String entityId() {
        return entity.id();
    }

    /** The host's clock is an SPI like the others: what it throws, or a null, is the host's failure. */
    Instant now() {
        return Guarded.answer("Clock.instant", null, core.clock::instant);
    }

    /** As {@link LocalDate#now(java.time.Clock)}, with the clock's two calls guarded. */
    LocalDate today() {
        Instant now = now();
        return LocalDate.ofInstant(now, Guarded.answer("Clock.getZone", null, core.clock::getZone));
    }

    /**
     * Runs the work in one unit of work of the entity. What the host's SPIs throw arrives as a
     * {@link SpiException} from their guards ({@link Guarded}) and gets {@code what} in front of its message;
     * everything else the work throws (a rule, bad input, or a fault of the library) passes unchanged.
     *
     * @param what what the work does, e.g. {@code finalizing inv_…}, not null
     */
    <T> T write(String what, Supplier<T> work) {
        try {
            return core.transactor.inTransaction(entityId(), work);
        } catch (SpiException e) {
            throw context(what, e);
        }
    }

    /** Runs a read outside a unit of work; like {@link #write}, only SPI failures are SpiExceptions. */
    <T> T read(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (SpiException e) {
            throw context(what, e);
        }
    }

    private static SpiException context(String what, SpiException e) {
        SpiException withContext = new SpiException(what + ": " + e.getMessage(), e.getCause() == null ? e
                : e.getCause());
        for (Throwable t : e.getSuppressed()) {
            withContext.addSuppressed(t);
        }
        return withContext;
    }

    /** Loads a document of this entity, in the trash or not. */
    Document load(DocumentId id) {
        java.util.Objects.requireNonNull(id, "id");
        return read("reading " + id, () -> core.store.find(entityId(), id))
                .filter(d -> entityId().equals(d.entityId()))
                .orElseThrow(() -> notFound(id));
    }

    static NotFoundException notFound(DocumentId id) {
        return new NotFoundException("document " + id + " not found");
    }

    void event(Document d, TimelineEventType type, String note) {
        core.store.appendEvent(entityId(), d.id(), new TimelineEvent(type, now(), user, note));
    }

    void save(Document d) {
        core.store.save(d);
    }
}
