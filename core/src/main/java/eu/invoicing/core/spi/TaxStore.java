package eu.invoicing.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * The host's stored taxes per entity: what a line's {@code tax_id} resolves to. The library draws the ids
 * ({@code tax_…}) from its {@link IdGenerator} and calls {@link #save} inside a unit of work of the
 * {@link Transactor}. Scoped to an entity: a tax of another entity is never found or listed.
 *
 * <p>Implementations must be thread-safe.
 */
public interface TaxStore {
    /**
     * @param entityId the owning entity, not null
     * @param taxId the tax id, not null
     * @return the entity's tax with that id, or empty (also when another entity has it)
     */
    Optional<StoredTax> find(String entityId, String taxId);

    /**
     * @param entityId the owning entity, not null
     * @return the entity's taxes in the order they were first saved, not null
     */
    List<StoredTax> list(String entityId);

    /**
     * Inserts the tax, or replaces the one with the same id and entity.
     *
     * @param tax the tax, not null
     */
    void save(StoredTax tax);
}
