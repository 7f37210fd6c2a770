package eu.invoicing.core.spi;

import java.util.Optional;

/**
 * Read access to the host's customers, used to resolve {@code customer_id} and to match an inline customer
 * (by tax number, then by exact name). Scoped to an entity: a customer of another entity is never found.
 *
 * <p>Implementations must be thread-safe.
 */
public interface CustomerDirectory {
    /**
     * @param entityId the owning entity, not null
     * @param customerId the directory id, not null
     * @return the customer, or empty
     */
    Optional<Customer> find(String entityId, String customerId);

    /**
     * @param entityId the owning entity, not null
     * @param taxNumber the tax number as given, not null
     * @return a customer with that tax number (ignoring spaces and case), or empty
     */
    Optional<Customer> findByTaxNumber(String entityId, String taxNumber);

    /**
     * @param entityId the owning entity, not null
     * @param name the exact name, not null
     * @return a customer with exactly that name, or empty
     */
    Optional<Customer> findByName(String entityId, String name);
}
