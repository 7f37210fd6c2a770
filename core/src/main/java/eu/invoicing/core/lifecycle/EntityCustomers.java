package eu.invoicing.core.lifecycle;

import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.spi.Customer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customers of one issuing entity (docs/lifecycle.md, "Customers"): create, get, list, update and search,
 * over the {@link eu.invoicing.core.spi.CustomerStore} the {@link Invoicing} was built with. Obtained from
 * {@link EntityDocuments#customers()}; a customer of another entity is never found
 * ({@link NotFoundException}), listed or changed.
 *
 * <p>Immutable and thread-safe when the SPIs are.
 */
public final class EntityCustomers {
    /** The most customers one {@link #list} answers. */
    public static final int MAX_LIMIT = 100;

    private final Scope s;

    EntityCustomers(Scope s) {
        this.s = s;
    }

    /**
     * Stores a new customer with a fresh {@code cus_…} id.
     *
     * @param details the customer's data (a name is required), not null
     * @return the stored customer
     * @throws ValidationException without a name
     * @throws InvoicingException when the host's directory is read-only
     */
    public Customer create(Party details) {
        check(details);
        writable();
        Customer c = new Customer(s.core.ids.newId("cus_"), s.entityId(), details);
        s.write("saving customer", () -> {
            s.core.customers.save(c);
            return null;
        });
        return c;
    }

    /**
     * @param id the customer id, not null
     * @return the customer
     * @throws NotFoundException when absent or owned by another entity
     */
    public Customer get(String id) {
        Objects.requireNonNull(id, "id");
        return find(id).orElseThrow(() -> new NotFoundException("customer " + id + " not found"));
    }

    /**
     * Replaces a customer's data (documents already issued keep their snapshot).
     *
     * @param id the customer id, not null
     * @param details the new data (a name is required), not null
     * @return the updated customer
     * @throws NotFoundException when absent or owned by another entity
     * @throws ValidationException without a name
     */
    public Customer update(String id, Party details) {
        check(details);
        writable();
        return s.write("updating customer " + id, () -> {
            Customer updated = new Customer(get(id).id(), s.entityId(), details);
            s.core.customers.save(updated);
            return updated;
        });
    }

    /**
     * @param offset customers to skip, 0 or more
     * @param limit at most this many, 1 to {@link #MAX_LIMIT}
     * @return the entity's customers, oldest first
     * @throws ValidationException for an offset or limit out of range
     */
    public List<Customer> list(int offset, int limit) {
        return search(null, offset, limit);
    }

    /**
     * @param text what the name, tax number, company number, email, address, city or country contains
     *     (ignoring case), nullable for all
     * @param offset customers to skip, 0 or more
     * @param limit at most this many, 1 to {@link #MAX_LIMIT}
     * @return the matching customers, oldest first
     * @throws ValidationException for an offset or limit out of range
     */
    public List<Customer> search(String text, int offset, int limit) {
        ViolationCollector problems = new ViolationCollector();
        if (offset < 0) {
            problems.add("offset", "out_of_range", "must be >= 0, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add("limit", "out_of_range", "must be 1-" + MAX_LIMIT + ", was " + limit);
        }
        problems.throwIfAny();
        writable();
        String wanted = text == null || text.isBlank() ? null : text.strip();
        return s.read("listing customers", () -> s.core.customers.list(s.entityId(), wanted, offset, limit));
    }

    Optional<Customer> find(String id) {
        return s.read("reading customer", () -> s.core.customers.find(s.entityId(), id))
                .filter(c -> s.entityId().equals(c.entityId()));
    }

    private void writable() {
        if (!s.core.customers.writable()) {
            throw new InvoicingException("the customer directory is read-only: build Invoicing with a CustomerStore"
                    + " to create, update or list customers");
        }
    }

    /**
     * Refuses, before anything is written, a {@code save_customer} that cannot be honoured: a read-only
     * directory, or an inline customer without a name.
     */
    static void checkSavable(Scope s, eu.invoicing.core.model.Document draft) {
        if (!s.core.customers.writable()) {
            throw ValidationException.of("save_customer", "read_only_directory",
                    "the customer directory is read-only (not a CustomerStore)");
        }
        Party p = draft.customer();
        if (p != null && (p.name() == null || p.name().isBlank())) {
            throw ValidationException.of("customer.name", "required", "save_customer needs the customer's name");
        }
    }

    /**
     * Inside the create's unit of work, honours {@code save_customer} (reference: "If customer_id is provided
     * with save_customer=true, the existing customer will be updated. If only customer is provided, the system
     * checks for duplicates by tax_number or name."): the customer the document refers to (given or matched)
     * is updated with the inline data, and an unmatched inline customer is inserted and referred to.
     *
     * @return the document with its {@code customer_id}
     */
    static eu.invoicing.core.model.Document saveFor(Scope s, eu.invoicing.core.model.Document doc) {
        Party p = doc.customer();
        if (p == null) {
            return doc;
        }
        if (doc.customerId() != null) {
            Customer existing = s.core.customers.find(s.entityId(), doc.customerId())
                    .filter(c -> s.entityId().equals(c.entityId()))
                    .orElseThrow(() -> ValidationException.of("customer_id", "not_found",
                            "no customer with id \"" + doc.customerId() + "\""));
            if (!existing.details().equals(p)) {
                s.core.customers.save(new Customer(existing.id(), s.entityId(), p));
            }
            return doc;
        }
        Customer created = new Customer(s.core.ids.newId("cus_"), s.entityId(), p);
        s.core.customers.save(created);
        return doc.toBuilder().customerId(created.id()).build();
    }

    static void check(Party details) {
        if (details == null || details.name() == null || details.name().isBlank()) {
            throw ValidationException.of("name", "required", "a customer needs a name");
        }
    }
}
