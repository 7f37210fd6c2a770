package eu.invoicing.postgres;

import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.query.Paginator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Answers a list query on {@code SCHEMA.documents}. Stateless after construction, thread-safe. */
final class QueryTranslator {
    private final String partitionSql;

    QueryTranslator(String documentsTable) {
        this.partitionSql = "select body::text from " + documentsTable + " where entity_id = ? and kind = ? and deleted = ?";
    }

    Page<Document> page(Connection c, String entityId, DocumentType type, DocumentQuery query) throws SQLException {
        List<Document> candidates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(partitionSql)) {
            s.setString(1, entityId);
            s.setString(2, type.name());
            s.setBoolean(3, query.deleted());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    candidates.add(InvoicingJson.readDocument(r.getString(1)));
                }
            }
        }
        return Paginator.page(candidates, query);
    }
}
