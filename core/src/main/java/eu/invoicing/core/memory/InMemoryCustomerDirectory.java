package eu.invoicing.core.memory;

import eu.invoicing.core.model.Party;
import eu.invoicing.core.spi.Customer;
import eu.invoicing.core.spi.CustomerDirectory;
import eu.invoicing.core.spi.IdGenerator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The default {@link CustomerDirectory}: customers added with {@link #add}, per entity, in insertion order.
 * Tax numbers match ignoring spaces, dots, dashes and case; names match exactly.
 *
 * <p>Thread-safe.
 */
public final class InMemoryCustomerDirectory implements CustomerDirectory {
    private final IdGenerator ids;
    private final ConcurrentMap<String, List<Customer>> customers = new ConcurrentHashMap<>();

    /** Uses {@link SecureRandomIdGenerator} for customer ids. */
    public InMemoryCustomerDirectory() {
        this(new SecureRandomIdGenerator());
    }

    /**
     * Creates an empty directory.
     *
     * @param ids the id source, not null
     * @throws NullPointerException if {@code ids} is null
     */
    public InMemoryCustomerDirectory(IdGenerator ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * @param entityId the owning entity, not null
     * @param details the customer's data, not null
     * @return the stored customer with a new {@code cus_…} id
     */
    public Customer add(String entityId, Party details) {
        Customer c = new Customer(ids.newId("cus_"), Objects.requireNonNull(entityId, "entityId"),
                Objects.requireNonNull(details, "details"));
        customers.computeIfAbsent(entityId, k -> new CopyOnWriteArrayList<>()).add(c);
        return c;
    }

    @Override
    public Optional<Customer> find(String entityId, String customerId) {
        return all(entityId).stream().filter(c -> c.id().equals(customerId)).findFirst();
    }

    @Override
    public Optional<Customer> findByTaxNumber(String entityId, String taxNumber) {
        String wanted = normalize(taxNumber);
        return all(entityId).stream()
                .filter(c -> c.details().taxNumber() != null && normalize(c.details().taxNumber()).equals(wanted))
                .findFirst();
    }

    @Override
    public Optional<Customer> findByName(String entityId, String name) {
        return all(entityId).stream().filter(c -> name.equals(c.details().name())).findFirst();
    }

    private List<Customer> all(String entityId) {
        return customers.getOrDefault(entityId, List.of());
    }

    private static String normalize(String taxNumber) {
        return taxNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }
}
