package eu.invoicing.core.spi;

import java.util.List;

/**
 * The host's customer directory, read and written: what {@link CustomerDirectory} finds, plus storing a customer
 * (create or update) and listing or searching an entity's customers. The library draws customer ids
 * ({@code cus_…}) from its {@link IdGenerator} and calls {@link #save} inside a unit of work of the
 * {@link Transactor} when a document is created with {@code save_customer}, so an implementation that joins the
 * host's transaction rolls back with it. Scoped to an entity: a customer of another entity is never found,
 * listed or replaced.
 *
 * <p>Implementations must be thread-safe.
 */
public interface CustomerStore extends CustomerDirectory {
    /**
     * Inserts the customer, or replaces the one with the same id and entity.
     *
     * @param customer the customer, not null
     */
    void save(Customer customer);

    /**
     * An entity's customers in the order they were first saved, optionally only those whose name, tax number,
     * company number, email, address, city or country contains {@code text} (ignoring case).
     *
     * @param entityId the owning entity, not null
     * @param text the search text, nullable (all customers)
     * @param offset how many matching customers to skip, 0 or more
     * @param limit how many to return at most, 1 or more
     * @return the customers, not null
     */
    List<Customer> list(String entityId, String text, int offset, int limit);
}
