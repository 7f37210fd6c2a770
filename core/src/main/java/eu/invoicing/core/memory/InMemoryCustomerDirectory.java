package eu.invoicing.core.memory;

import eu.invoicing.core.model.Party;
import eu.invoicing.core.spi.Customer;
import eu.invoicing.core.spi.CustomerDirectory;
import eu.invoicing.core.spi.CustomerStore;
import eu.invoicing.core.spi.IdGenerator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The default {@link CustomerDirectory} and {@link CustomerStore}: customers added with {@link #add} or
 * {@link #save}, per entity, in insertion order. Tax numbers match ignoring spaces, dots, dashes and case; names
 * match exactly. Built with an {@link InMemoryTransactor}, a save is undone when the unit of work fails.
 *
 * <p>Thread-safe.
 */
public final class InMemoryCustomerDirectory implements CustomerStore {
    private final IdGenerator ids;
    private final InMemoryTransactor transactor;
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
        this(ids, null);
    }

    /**
     * Creates an empty directory whose saves join a transactor's rollback.
     *
     * @param ids the id source, not null
     * @param transactor the transactor whose rollback this directory joins, nullable
     * @throws NullPointerException if {@code ids} is null
     */
    public InMemoryCustomerDirectory(IdGenerator ids, InMemoryTransactor transactor) {
        this.ids = Objects.requireNonNull(ids, "ids");
        this.transactor = transactor;
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

    @Override
    public void save(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        List<Customer> list = customers.computeIfAbsent(customer.entityId(), k -> new CopyOnWriteArrayList<>());
        synchronized (list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(customer.id())) {
                    Customer previous = list.set(i, customer);
                    if (transactor != null) {
                        transactor.onRollback(() -> {
                            synchronized (list) {
                                list.replaceAll(c -> c.id().equals(previous.id()) ? previous : c);
                            }
                        });
                    }
                    return;
                }
            }
            list.add(customer);
            if (transactor != null) {
                transactor.onRollback(() -> {
                    synchronized (list) {
                        list.removeIf(c -> c.id().equals(customer.id()));
                    }
                });
            }
        }
    }

    @Override
    public List<Customer> list(String entityId, String text, int offset, int limit) {
        String wanted = text == null ? null : text.toLowerCase(Locale.ROOT);
        return all(entityId).stream().filter(c -> wanted == null || matches(c.details(), wanted)).skip(offset)
                .limit(limit).toList();
    }

    private static boolean matches(Party p, String wanted) {
        for (String v : new String[] {p.name(), p.taxNumber(), p.companyNumber(), p.email(), p.address(), p.city(),
                p.country()}) {
            if (v != null && v.toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    private List<Customer> all(String entityId) {
        return customers.getOrDefault(entityId, List.of());
    }

    private static String normalize(String taxNumber) {
        return taxNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }
}
