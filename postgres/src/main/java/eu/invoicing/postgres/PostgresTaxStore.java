package eu.invoicing.postgres;

import eu.invoicing.core.spi.StoredTax;
import eu.invoicing.core.spi.TaxStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link TaxStore} on PostgreSQL: one row per stored tax in {@code SCHEMA.taxes} (rate as {@code numeric},
 * so its scale survives), listed in the order of first save; a save of an existing id replaces it in place.
 * Every statement names the entity.
 *
 * <p>Thread-safe. Saves join the calling thread's unit of work.
 */
public final class PostgresTaxStore implements TaxStore {
    private final PostgresTransactor tx;
    private final String findSql;
    private final String listSql;
    private final String saveSql;

    PostgresTaxStore(PostgresTransactor tx, PostgresSchema schema) {
        this.tx = Objects.requireNonNull(tx, "tx");
        String table = schema.table("taxes");
        String select = "select id, entity_id, name, rate, category, reverse_charge from " + table
                + " where entity_id = ?";
        this.findSql = select + " and id = ?";
        this.listSql = select + " order by seq";
        this.saveSql = "insert into " + table + " (entity_id, id, name, rate, category, reverse_charge) "
                + "values (?, ?, ?, ?, ?, ?) on conflict (entity_id, id) do update set name = excluded.name, "
                + "rate = excluded.rate, category = excluded.category, reverse_charge = excluded.reverse_charge";
    }

    @Override
    public Optional<StoredTax> find(String entityId, String taxId) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(taxId, "taxId");
        return tx.withConnection("finding tax " + taxId, c -> {
            try (PreparedStatement s = c.prepareStatement(findSql)) {
                s.setString(1, entityId);
                s.setString(2, taxId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<StoredTax> list(String entityId) {
        Objects.requireNonNull(entityId, "entityId");
        return tx.withConnection("listing taxes", c -> {
            try (PreparedStatement s = c.prepareStatement(listSql)) {
                s.setString(1, entityId);
                List<StoredTax> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(read(r));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public void save(StoredTax tax) {
        Objects.requireNonNull(tax, "tax");
        tx.withConnection("saving tax " + tax.id(), c -> {
            try (PreparedStatement s = c.prepareStatement(saveSql)) {
                s.setString(1, tax.entityId());
                s.setString(2, tax.id());
                s.setString(3, tax.name());
                s.setBigDecimal(4, tax.rate());
                s.setString(5, tax.category().name());
                s.setBoolean(6, tax.reverseCharge());
                s.executeUpdate();
            }
            return null;
        });
    }

    private static StoredTax read(ResultSet r) throws SQLException {
        return new StoredTax(r.getString(1), r.getString(2), r.getString(3), r.getBigDecimal(4),
                StoredTax.Category.valueOf(r.getString(5)), r.getBoolean(6));
    }
}
