package eu.invoicing.core.spi;

import eu.invoicing.core.model.Party;
import java.util.Objects;

/**
 * A customer of the host's customer directory.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the directory id (e.g. {@code cus_…}), not null
 * @param entityId the owning entity, not null
 * @param details name, address, tax number, … as copied into a document, not null
 */
public record Customer(String id, String entityId, Party details) {
    /**
     * Rejects nulls.
     *
     * @param id the directory id (e.g. {@code cus_…}), not null
     * @param entityId the owning entity, not null
     * @param details name, address, tax number, … as copied into a document, not null
     * @throws NullPointerException if a component documented as not null is null
     */
    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(details, "details");
    }
}
