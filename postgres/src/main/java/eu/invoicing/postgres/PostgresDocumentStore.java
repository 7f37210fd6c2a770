package eu.invoicing.postgres;

import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.core.version.TimelineEvent;
import eu.invoicing.core.version.TimelineEventType;
import eu.invoicing.core.version.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link DocumentStore} on PostgreSQL: one row per document in {@code SCHEMA.documents}, the document as
 * the library's JSON wire format in a {@code jsonb} column beside the columns it is looked up by (entity,
 * id, kind, trash, creation time, the SHA-256 of its share token), and its timeline in
 * {@code SCHEMA.timeline_events}. Every statement names the entity, so nothing of another entity is ever
 * read or written (the share-token lookup excepted, which is global by design and answers one document).
 *
 * <p>Each row carries a revision, incremented on every save. A document read inside a unit of work is saved
 * on the condition that its revision is still the one read; otherwise the save throws
 * {@link ConcurrentUpdateException} and the unit of work rolls back (no update is ever lost).
 *
 * <p>Inside a unit of work, saves and timeline events are held back and written when the unit of work next
 * reads through this store or commits, in the same transaction: a document saved several times (created, then
 * numbered) is written once in its last state, and its events go in the same statement (the last document's). A revision conflict or a
 * constraint violation therefore surfaces at that point, and rolls the whole unit of work back as before.
 *
 * <p>Thread-safe. Writes join the calling thread's unit of work of the {@link PostgresTransactor} it was built
 * with; outside one, each call is its own transaction.
 */
public final class PostgresDocumentStore implements DocumentStore {
    private final PostgresTransactor tx;
    private final QueryTranslator lists;
    private final String findSql;
    private final String tokenSql;
    private final String insertSql;
    private final String updateSql;
    private final String removeSql;
    private final String removeEventsSql;
    private final String appendSql;
    /**
     * A document's write with 1 to {@link #EVENT_ROWS} held-back timeline events in the same statement (index: the
     * number of events), in the order appended; more events than that use a statement built for them.
     */
    private final String[] insertWithEventsSql = new String[EVENT_ROWS + 1];
    private final String[] updateWithEventsSql = new String[EVENT_ROWS + 1];
    private final String eventsTable;
    private final String eventsSql;

    PostgresDocumentStore(PostgresTransactor tx, PostgresSchema schema) {
        this.tx = Objects.requireNonNull(tx, "tx");
        String docs = schema.table("documents");
        String events = schema.table("timeline_events");
        this.lists = new QueryTranslator(docs);
        this.findSql = "select revision, body::text from " + docs + " where entity_id = ? and id = ?";
        this.tokenSql = "select body::text from " + docs + " where share_token_hash = ?";
        String columns = "kind = excluded.kind, deleted = excluded.deleted, created_at = excluded.created_at, "
                + "share_token_hash = excluded.share_token_hash, body = excluded.body, fields = excluded.fields, "
                + "meta = excluded.meta, search_text = excluded.search_text, search_values = excluded.search_values";
        this.insertSql = "insert into " + docs + " as d (kind, deleted, created_at, share_token_hash, body, fields, meta, "
                + "search_text, search_values, entity_id, id, revision) values (?, ?, ?, ?, ?::json, ?::jsonb, ?::jsonb, "
                + "?, ?, ?, ?, 1) on conflict (entity_id, id) do update set " + columns
                + ", revision = d.revision + 1 returning revision";
        this.updateSql = "update " + docs + " set kind = ?, deleted = ?, created_at = ?, share_token_hash = ?, "
                + "body = ?::json, fields = ?::jsonb, meta = ?::jsonb, search_text = ?, search_values = ?, "
                + "revision = revision + 1 where entity_id = ? and id = ? and revision = ?";
        this.removeSql = "delete from " + docs + " where entity_id = ? and id = ?";
        this.removeEventsSql = "delete from " + events + " where entity_id = ? and document_id = ?";
        this.appendSql = "insert into " + events + " (entity_id, document_id, event_type, at, user_id, user_name, "
                + "user_email, note) values (?, ?, ?, ?, ?, ?, ?, ?)";
        this.eventsTable = events;
        for (int n = 1; n <= EVENT_ROWS; n++) {
            insertWithEventsSql[n] = insertWithEvents(n);
            updateWithEventsSql[n] = updateWithEvents(n);
        }
        this.eventsSql = "select event_type, at, user_id, user_name, user_email, note from " + events
                + " where entity_id = ? and document_id = ? order by seq";
    }

    /** The number of events up to which the statements of a write with its events are built once. */
    private static final int EVENT_ROWS = 4;

    /*
     * Data-modifying CTEs: the document's write and the events' insert both run, in one round trip. The events are
     * rows of a VALUES list, inserted in the order listed (their seq in the order appended), each value a parameter
     * of its own: no arrays for the driver to encode and the server to unnest.
     */
    private String insertWithEvents(int events) {
        return "with d as (" + insertSql + withEvents(events);
    }

    private String updateWithEvents(int events) {
        return "with d as (" + updateSql + " returning revision" + withEvents(events);
    }

    private String withEvents(int events) {
        StringBuilder sql = new StringBuilder("), e as (insert into ").append(eventsTable)
                .append(" (entity_id, document_id, event_type, at, user_id, user_name, user_email, note) values ");
        for (int i = 0; i < events; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?::timestamptz, ?, ?, ?, ?)");
        }
        return sql.append(") select revision from d").toString();
    }

    @Override
    public Optional<Document> find(String entityId, DocumentId id) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(id, "id");
        return tx.withConnection("finding " + id, c -> {
            flush(c, tx);
            try (PreparedStatement s = c.prepareStatement(findSql)) {
                s.setString(1, entityId);
                s.setString(2, id.value());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    PostgresTransactor.Unit unit = tx.unit();
                    if (unit != null) {
                        unit.revisions.put(key(entityId, id), r.getLong(1));
                    }
                    return Optional.of(InvoicingJson.readDocument(r.getString(2)));
                }
            }
        });
    }

    @Override
    public void save(Document document) {
        Objects.requireNonNull(document, "document");
        String entityId = Objects.requireNonNull(document.entityId(), "document.entityId");
        DocumentId id = Objects.requireNonNull(document.id(), "document.id");
        PostgresTransactor.Unit unit = tx.unit();
        if (unit != null) {
            // Held back until the unit of work next reads or commits: a document saved twice in one unit of work
            // (created as a draft, then numbered) is written once, in its last state.
            writes(unit).documents.put(key(entityId, id), document);
            return;
        }
        tx.withConnection("saving " + id, c -> {
            write(c, null, document, List.of(), false);
            return null;
        });
    }

    /**
     * Writes one document: an update on the condition that its revision is still the one this unit of work read,
     * or an upsert when it read none. {@code last}: the last statement of the held-back writes, which sends the
     * unit of work's commit with it when the unit offers it (the flush at commit) and the statement is an upsert.
     */
    private void write(Connection c, PostgresTransactor.Unit unit, Document document, List<PendingEvent> events,
            boolean last) throws SQLException {
        String entityId = document.entityId();
        DocumentId id = document.id();
        String body = InvoicingJson.writeDocument(document);
        String token = document.shareableId() == null ? null : Hashes.sha256(document.shareableId());
        // An OffsetDateTime, not a Timestamp: the driver formats it without a Calendar (about 4 % of a create's client
        // samples went to setTimestamp); the same instant, rounded to the microsecond as a Timestamp was.
        OffsetDateTime created = document.createdAt() == null ? null
                : OffsetDateTime.ofInstant(document.createdAt(), ZoneOffset.UTC);
        // Derived as the document will be read back (DerivedColumns keeps instants to the millisecond, as the wire
        // format does), so that the query columns and the cursors built from returned documents agree, without
        // parsing the JSON just written.
        DerivedColumns derived = DerivedColumns.of(document);
        Long read = unit == null ? null : unit.revisions.get(key(entityId, id));
        int n = events.size();
        String sql = n == 0 ? (read != null ? updateSql : insertSql)
                : n <= EVENT_ROWS ? (read != null ? updateWithEventsSql[n] : insertWithEventsSql[n])
                : (read != null ? updateWithEvents(n) : insertWithEvents(n));
        // The unit of work's last statement takes its commit into the same round trip (one round trip fewer while
        // the entity lock and the counter row are held). Only an insert: an update that matches no row is a
        // conflict found in Java, after the server would already have committed.
        boolean commit = last && unit != null && read == null && unit.commitOffered();
        if (commit) {
            sql = sql + "; commit";
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id.type().name());
            s.setBoolean(2, document.isDeleted());
            s.setObject(3, created, Types.TIMESTAMP_WITH_TIMEZONE);
            s.setString(4, token);
            s.setString(5, body);
            s.setString(6, derived.fields);
            s.setString(7, derived.meta);
            s.setString(8, derived.searchText);
            s.setArray(9, c.createArrayOf("text", derived.searchValues));
            s.setString(10, entityId);
            s.setString(11, id.value());
            if (read != null) {
                s.setLong(12, read);
            }
            if (!events.isEmpty()) {
                bindEvents(s, read != null ? 13 : 12, events);
            }
            if (read != null) {
                if (events.isEmpty() ? s.executeUpdate() != 1 : !returnsRow(s)) {
                    throw new ConcurrentUpdateException(id.value(), read);
                }
                unit.revisions.put(key(entityId, id), read + 1);
                return;
            }
            // With the commit there are two results: the write's revision, then the commit's (none). An error in
            // the write makes the server skip the commit, and the unit of work rolls back as before.
            s.execute();
            try (ResultSet r = s.getResultSet()) {
                r.next();
                if (unit != null) {
                    unit.revisions.put(key(entityId, id), r.getLong(1));
                }
            }
            if (commit) {
                s.getMoreResults();
            }
        }
    }

    /** The held-back writes of one unit of work: documents in their last saved state, then timeline events. */
    static final class Writes {
        final Map<String, Document> documents = new LinkedHashMap<>();
        final List<PendingEvent> events = new ArrayList<>();
    }

    private record PendingEvent(String entityId, DocumentId id, TimelineEvent event) {
    }

    private Writes writes(PostgresTransactor.Unit unit) {
        if (unit.documentWrites == null) {
            Writes w = new Writes();
            unit.documentWrites = w;
            unit.pending.add(c -> {
                unit.documentWrites = null;
                // The events ride with the last document's statement (with none, they are a batch of their own).
                int i = 0;
                for (Document d : w.documents.values()) {
                    boolean last = ++i == w.documents.size();
                    write(c, unit, d, last ? w.events : List.of(), last);
                }
                if (w.documents.isEmpty() && !w.events.isEmpty()) {
                    try (PreparedStatement s = c.prepareStatement(appendSql)) {
                        for (PendingEvent e : w.events) {
                            bindEvent(s, e.entityId(), e.id(), e.event());
                            s.addBatch();
                        }
                        s.executeBatch();
                    }
                }
                return null;
            });
        }
        return unit.documentWrites;
    }

    private static boolean returnsRow(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            return r.next();
        }
    }

    /** Binds the events' rows (entity, document, type, time, user id, name, email, note each) from {@code first}. */
    private static void bindEvents(PreparedStatement s, int first, List<PendingEvent> events) throws SQLException {
        int at = first;
        for (PendingEvent p : events) {
            TimelineEvent e = p.event();
            User u = e.user();
            s.setString(at++, p.entityId());
            s.setString(at++, p.id().value());
            s.setString(at++, e.type().name());
            s.setString(at++, e.at().toString());
            setNullable(s, at++, u == null ? null : u.id());
            setNullable(s, at++, u == null ? null : u.name());
            setNullable(s, at++, u == null ? null : u.email());
            setNullable(s, at++, e.note());
        }
    }

    /** Writes what the calling thread's unit of work holds back, before a statement that may read it. */
    private static void flush(Connection c, PostgresTransactor tx) throws SQLException {
        PostgresTransactor.Unit unit = tx.unit();
        if (unit != null) {
            unit.flush();
        }
    }

    @Override
    public boolean remove(String entityId, DocumentId id) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(id, "id");
        return tx.withConnection("removing " + id, c -> {
            flush(c, tx);
            int removed;
            try (PreparedStatement s = c.prepareStatement(removeSql)) {
                s.setString(1, entityId);
                s.setString(2, id.value());
                removed = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(removeEventsSql)) {
                s.setString(1, entityId);
                s.setString(2, id.value());
                s.executeUpdate();
            }
            PostgresTransactor.Unit unit = tx.unit();
            if (unit != null) {
                unit.revisions.remove(key(entityId, id));
            }
            return removed > 0;
        });
    }

    @Override
    public Optional<Document> findByShareToken(String token) {
        Objects.requireNonNull(token, "token");
        String hash = Hashes.sha256(token);
        return tx.withConnection("finding a shared document", c -> {
            flush(c, tx);
            try (PreparedStatement s = c.prepareStatement(tokenSql)) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(InvoicingJson.readDocument(r.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Page<Document> list(String entityId, DocumentType type, DocumentQuery query) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(query, "query");
        return tx.withConnection("listing " + type, c -> {
            flush(c, tx);
            return lists.page(c, entityId, type, query);
        });
    }

    @Override
    public void appendEvent(String entityId, DocumentId id, TimelineEvent event) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        PostgresTransactor.Unit unit = tx.unit();
        if (unit != null) {
            // Held back with the documents and written in one batch after them, in the order appended.
            writes(unit).events.add(new PendingEvent(entityId, id, event));
            return;
        }
        tx.withConnection("appending an event to " + id, c -> {
            try (PreparedStatement s = c.prepareStatement(appendSql)) {
                bindEvent(s, entityId, id, event);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static void bindEvent(PreparedStatement s, String entityId, DocumentId id, TimelineEvent event)
            throws SQLException {
        s.setString(1, entityId);
        s.setString(2, id.value());
        s.setString(3, event.type().name());
        s.setTimestamp(4, Timestamp.from(event.at()));
        User u = event.user();
        setNullable(s, 5, u == null ? null : u.id());
        setNullable(s, 6, u == null ? null : u.name());
        setNullable(s, 7, u == null ? null : u.email());
        setNullable(s, 8, event.note());
    }

    @Override
    public List<TimelineEvent> events(String entityId, DocumentId id) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(id, "id");
        return tx.withConnection("reading the timeline of " + id, c -> {
            flush(c, tx);
            try (PreparedStatement s = c.prepareStatement(eventsSql)) {
                s.setString(1, entityId);
                s.setString(2, id.value());
                List<TimelineEvent> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String userId = r.getString(3);
                        String userName = r.getString(4);
                        String userEmail = r.getString(5);
                        User user = userId == null && userName == null && userEmail == null ? null
                                : new User(userId, userName, userEmail);
                        out.add(new TimelineEvent(TimelineEventType.valueOf(r.getString(1)),
                                r.getTimestamp(2).toInstant(), user, r.getString(6)));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    private static String key(String entityId, DocumentId id) {
        return entityId + "/" + id.value();
    }
}
