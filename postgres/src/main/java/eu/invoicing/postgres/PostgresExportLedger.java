package eu.invoicing.postgres;

import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.spi.ExportLedger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ExportLedger} on PostgreSQL: the last export time per (entity, document, system) in
 * {@code SCHEMA.export_marks}, written in the calling unit of work.
 *
 * <p>Thread-safe.
 */
public final class PostgresExportLedger implements ExportLedger {
    private final PostgresTransactor tx;
    private final String markSql;
    private final String findSql;

    PostgresExportLedger(PostgresTransactor tx, PostgresSchema schema) {
        this.tx = Objects.requireNonNull(tx, "tx");
        String table = schema.table("export_marks");
        this.markSql = "insert into " + table + " (entity_id, document_id, system_id, exported_at) values (?, ?, ?, ?) "
                + "on conflict (entity_id, document_id, system_id) do update set exported_at = excluded.exported_at";
        this.findSql = "select exported_at from " + table + " where entity_id = ? and document_id = ? and system_id = ?";
    }

    @Override
    public void markExported(String entityId, DocumentId id, String systemId, Instant at) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(at, "at");
        tx.withConnection("marking " + id + " exported", c -> {
            try (PreparedStatement s = c.prepareStatement(markSql)) {
                s.setString(1, entityId);
                s.setString(2, id.value());
                s.setString(3, systemId);
                s.setTimestamp(4, Timestamp.from(at));
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Instant> lastExported(String entityId, DocumentId id, String systemId) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(systemId, "systemId");
        return tx.withConnection("reading the export marks of " + id, c -> {
            try (PreparedStatement s = c.prepareStatement(findSql)) {
                s.setString(1, entityId);
                s.setString(2, id.value());
                s.setString(3, systemId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getTimestamp(1).toInstant()) : Optional.empty();
                }
            }
        });
    }
}
