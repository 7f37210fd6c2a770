package eu.invoicing.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.spi.Customer;
import eu.invoicing.core.spi.CustomerStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link CustomerStore} on PostgreSQL: one row per customer in {@code SCHEMA.customers}, the customer's data
 * as the wire format's customer object, in the order of first save. Tax numbers match ignoring spaces, dots,
 * dashes and case (a normalised column); names match exactly; {@link #list} searches the name, tax number,
 * company number, email, address, city and country ignoring case, like the in-memory directory.
 *
 * <p>Thread-safe. Saves join the calling thread's unit of work.
 */
public final class PostgresCustomerStore implements CustomerStore {
    private static final String SEARCHED = "coalesce(body->>'name', '') || chr(31) || coalesce(body->>'tax_number', '') "
            + "|| chr(31) || coalesce(body->>'company_number', '') || chr(31) || coalesce(body->>'email', '') "
            + "|| chr(31) || coalesce(body->>'address', '') || chr(31) || coalesce(body->>'city', '') || chr(31) "
            + "|| coalesce(body->>'country', '')";

    private final PostgresTransactor tx;
    private final String findSql;
    private final String taxSql;
    private final String nameSql;
    private final String saveSql;
    private final String listSql;
    private final String searchSql;

    PostgresCustomerStore(PostgresTransactor tx, PostgresSchema schema) {
        this.tx = Objects.requireNonNull(tx, "tx");
        String table = schema.table("customers");
        String select = "select id, entity_id, body::text from " + table + " where entity_id = ? and ";
        this.findSql = select + "id = ?";
        this.taxSql = select + "tax_number_key = ? order by seq limit 1";
        this.nameSql = select + "name = ? order by seq limit 1";
        this.saveSql = "insert into " + table + " (entity_id, id, name, tax_number_key, body) values (?, ?, ?, ?, ?::jsonb) "
                + "on conflict (entity_id, id) do update set name = excluded.name, "
                + "tax_number_key = excluded.tax_number_key, body = excluded.body";
        this.listSql = select + "true order by seq offset ? limit ?";
        this.searchSql = select + "strpos(lower(" + SEARCHED + "), ?) > 0 order by seq offset ? limit ?";
    }

    @Override
    public Optional<Customer> find(String entityId, String customerId) {
        return one("finding customer " + customerId, findSql, entityId, Objects.requireNonNull(customerId, "customerId"));
    }

    @Override
    public Optional<Customer> findByTaxNumber(String entityId, String taxNumber) {
        return one("finding a customer by tax number", taxSql, entityId,
                normalize(Objects.requireNonNull(taxNumber, "taxNumber")));
    }

    @Override
    public Optional<Customer> findByName(String entityId, String name) {
        return one("finding a customer by name", nameSql, entityId, Objects.requireNonNull(name, "name"));
    }

    @Override
    public void save(Customer customer) {
        Objects.requireNonNull(customer, "customer");
        ObjectNode tree = (ObjectNode) InvoicingJson.customerTree(customer);
        tree.remove("id");
        tree.remove("entity_id");
        String taxNumber = customer.details().taxNumber();
        tx.withConnection("saving customer " + customer.id(), c -> {
            try (PreparedStatement s = c.prepareStatement(saveSql)) {
                s.setString(1, customer.entityId());
                s.setString(2, customer.id());
                PostgresDocumentStore.setNullable(s, 3, customer.details().name());
                PostgresDocumentStore.setNullable(s, 4, taxNumber == null ? null : normalize(taxNumber));
                s.setString(5, tree.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Customer> list(String entityId, String text, int offset, int limit) {
        Objects.requireNonNull(entityId, "entityId");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, were " + offset + ", " + limit);
        }
        return tx.withConnection("listing customers", c -> {
            try (PreparedStatement s = c.prepareStatement(text == null ? listSql : searchSql)) {
                int i = 1;
                s.setString(i++, entityId);
                if (text != null) {
                    s.setString(i++, text.toLowerCase(Locale.ROOT));
                }
                s.setInt(i++, offset);
                s.setInt(i, limit);
                List<Customer> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(read(r));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    private Optional<Customer> one(String what, String sql, String entityId, String value) {
        Objects.requireNonNull(entityId, "entityId");
        return tx.withConnection(what, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, entityId);
                s.setString(2, value);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    private static Customer read(ResultSet r) throws SQLException {
        JsonNode body = InvoicingJson.parse(r.getString(3));
        Party details = InvoicingJson.readParty(body, "");
        return new Customer(r.getString(1), r.getString(2), details);
    }

    private static String normalize(String taxNumber) {
        return taxNumber.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }
}
