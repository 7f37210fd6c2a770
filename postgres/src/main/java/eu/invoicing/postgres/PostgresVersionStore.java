package eu.invoicing.postgres;

import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.spi.VersionStore;
import eu.invoicing.core.version.DocumentVersion;
import eu.invoicing.core.version.User;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link VersionStore} on PostgreSQL: one row per version in {@code SCHEMA.document_versions}, the snapshot
 * as the library's JSON wire format. Append-only: a trigger of the schema refuses every {@code UPDATE},
 * {@code DELETE} and {@code TRUNCATE} of the table, whoever issues it; the primary key (entity, document,
 * version) refuses a version number twice, and {@link #append} refuses a number that is not the next one.
 *
 * <p>Thread-safe. Appends join the calling thread's unit of work.
 */
public final class PostgresVersionStore implements VersionStore {
    private static final String COLUMNS = "id, kind, document_id, version, changed_fields, user_id, user_name, "
            + "user_email, reason, created_at, snapshot::text";

    private final PostgresTransactor tx;
    private final String lastSql;
    private final String appendSql;
    private final String listSql;
    private final String findSql;
    private final String countSql;

    PostgresVersionStore(PostgresTransactor tx, PostgresSchema schema) {
        this.tx = Objects.requireNonNull(tx, "tx");
        String table = schema.table("document_versions");
        this.lastSql = "select coalesce(max(version), 0) from " + table + " where entity_id = ? and document_id = ?";
        this.appendSql = "insert into " + table + " (entity_id, document_id, version, id, kind, changed_fields, user_id, "
                + "user_name, user_email, reason, created_at, snapshot) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)";
        this.listSql = "select " + COLUMNS + " from " + table + " where entity_id = ? and document_id = ? "
                + "order by version desc";
        this.findSql = "select " + COLUMNS + " from " + table + " where entity_id = ? and document_id = ? and version = ?";
        this.countSql = "select count(*) from " + table + " where entity_id = ? and document_id = ?";
    }

    /**
     * @throws IllegalStateException when the version is not the next number of its document
     */
    @Override
    public void append(String entityId, DocumentVersion version) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(version, "version");
        String snapshot = InvoicingJson.writeDocument(version.snapshot());
        tx.withConnection("appending version " + version.version() + " of " + version.documentId(), c -> {
            try (PreparedStatement s = c.prepareStatement(lastSql)) {
                s.setString(1, entityId);
                s.setString(2, version.documentId().value());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    int last = r.getInt(1);
                    if (version.version() != last + 1) {
                        throw new IllegalStateException("expected version " + (last + 1) + " of "
                                + version.documentId() + ", was " + version.version());
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(appendSql)) {
                s.setString(1, entityId);
                s.setString(2, version.documentId().value());
                s.setInt(3, version.version());
                s.setString(4, version.id());
                s.setString(5, version.documentType().name());
                Array fields = c.createArrayOf("text", version.changedFields().toArray());
                s.setArray(6, fields);
                User u = version.user();
                PostgresDocumentStore.setNullable(s, 7, u == null ? null : u.id());
                PostgresDocumentStore.setNullable(s, 8, u == null ? null : u.name());
                PostgresDocumentStore.setNullable(s, 9, u == null ? null : u.email());
                PostgresDocumentStore.setNullable(s, 10, version.reason());
                s.setTimestamp(11, Timestamp.from(version.createdAt()));
                s.setString(12, snapshot);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<DocumentVersion> list(String entityId, DocumentId documentId) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(documentId, "documentId");
        return tx.withConnection("listing the versions of " + documentId, c -> {
            try (PreparedStatement s = c.prepareStatement(listSql)) {
                s.setString(1, entityId);
                s.setString(2, documentId.value());
                List<DocumentVersion> out = new ArrayList<>();
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
    public Optional<DocumentVersion> find(String entityId, DocumentId documentId, int version) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(documentId, "documentId");
        return tx.withConnection("reading version " + version + " of " + documentId, c -> {
            try (PreparedStatement s = c.prepareStatement(findSql)) {
                s.setString(1, entityId);
                s.setString(2, documentId.value());
                s.setInt(3, version);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(read(r)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public int count(String entityId, DocumentId documentId) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(documentId, "documentId");
        return tx.withConnection("counting the versions of " + documentId, c -> {
            try (PreparedStatement s = c.prepareStatement(countSql)) {
                s.setString(1, entityId);
                s.setString(2, documentId.value());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    private static DocumentVersion read(ResultSet r) throws SQLException {
        DocumentType type = DocumentType.valueOf(r.getString(2));
        DocumentId documentId = DocumentId.parse(r.getString(3), type);
        String[] fields = (String[]) r.getArray(5).getArray();
        String userId = r.getString(6);
        String userName = r.getString(7);
        String userEmail = r.getString(8);
        User user = userId == null && userName == null && userEmail == null ? null
                : new User(userId, userName, userEmail);
        return new DocumentVersion(r.getString(1), type, documentId, r.getInt(4),
                InvoicingJson.readDocument(r.getString(11)), Arrays.asList(fields), user, r.getString(9),
                r.getTimestamp(10).toInstant());
    }
}
