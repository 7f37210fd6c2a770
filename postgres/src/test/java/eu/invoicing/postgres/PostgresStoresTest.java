package eu.invoicing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.SpiException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.lifecycle.DocumentPatch;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.spi.SequenceKey;
import eu.invoicing.postgres.testing.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What only a database can show: triggers, cut connections, concurrent writers that bypass the lock, schemas. */
class PostgresStoresTest {
    private static String schema;
    private static PostgresInvoicing pg;
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        schema = PostgresServer.freshSchema();
        pg = PostgresInvoicing.builder(PostgresServer.dataSource()).schema(schema).build();
        pool = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    private static Entity entity(String suffix) {
        return Entity.sampleSlovenian().toBuilder().id("ent_" + "0".repeat(24 - suffix.length()) + suffix).build();
    }

    private static DocumentDraft draft() {
        return DocumentDraft.builder(DocumentType.INVOICE).draft(true)
                .item(LineItem.builder().name("Consulting").quantity("1").price("100").tax("22").build()).build();
    }

    @Test
    void versions_updateOrDeleteOrTruncateBySql_refusedByTheSchema() throws SQLException {
        EntityDocuments docs = pg.invoicing().entity(entity("a1"));
        Document d = docs.create(draft());
        docs.update(d.id(), DocumentPatch.builder().note("changed").build());
        String table = "\"" + schema + "\".document_versions";
        try (Connection c = PostgresServer.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update " + table + " set reason = 'rewritten'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from " + table)).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("truncate " + table)).hasMessageContaining("append-only");
        }
        assertThat(docs.versions(d.id()).count()).isEqualTo(1);
    }

    @Test
    void save_documentChangedByAWriterOutsideTheLock_failsWithConcurrentUpdateAndWritesNothing() throws Exception {
        Entity e = entity("b1");
        EntityDocuments docs = pg.invoicing().entity(e);
        Document d = docs.create(draft());
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        Future<?> inside = pool.submit(() -> pg.transactor().inTransaction(e.id(), () -> {
            Document mine = pg.documents().find(e.id(), d.id()).orElseThrow();
            read.countDown();
            await(written);
            pg.documents().save(mine.toBuilder().note("mine").build());
            return null;
        }));
        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
        // A save outside any unit of work takes no entity lock: the one writer the revision check is there for.
        pg.documents().save(d.toBuilder().note("theirs").build());
        written.countDown();
        assertThatThrownBy(() -> inside.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ConcurrentUpdateException.class)
                .hasMessageContaining(d.id().value());
        assertThat(docs.get(d.id()).note()).isEqualTo("theirs");
    }

    @Test
    void update_concurrentUnitsOfWorkOnOneDocument_neverLoseAnUpdate() throws Exception {
        Entity e = entity("c1");
        EntityDocuments docs = pg.invoicing().entity(e);
        Document d = docs.create(draft());
        int writers = 8;
        Future<?>[] all = new Future<?>[writers * 2];
        for (int i = 0; i < writers; i++) {
            int n = i;
            // Read-modify-write inside the unit of work: the entity lock makes the writers take turns.
            all[i] = pool.submit(() -> pg.transactor().inTransaction(e.id(), () -> {
                Document now = pg.documents().find(e.id(), d.id()).orElseThrow();
                pg.documents().save(now.toBuilder().note((now.note() == null ? "" : now.note()) + n).build());
                return null;
            }));
            all[writers + i] = pool.submit(() -> docs.update(d.id(), DocumentPatch.builder().reference("r" + n)
                    .build()));
        }
        for (Future<?> f : all) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(docs.get(d.id()).note()).hasSize(writers);
        assertThat(docs.versions(d.id()).count()).isEqualTo(writers);
        assertThat(docs.versions(d.id()).versions()).extracting(v -> v.version())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, writers).map(v -> writers + 1 - v)
                        .boxed().toList());
    }

    @Test
    void finalize_connectionCutUnderTheTransaction_givesTheNumberBack() throws Exception {
        Entity e = entity("d1");
        EntityDocuments docs = pg.invoicing().entity(e);
        Document first = docs.create(draft());
        SequenceKey key = new SequenceKey(e.id(), "cut", 0);
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch cut = new CountDownLatch(1);
        int[] backend = new int[1];
        Future<?> victim = pool.submit(() -> pg.transactor().inTransaction(e.id(), () -> {
            assertThat(pg.sequencer().next(key, 1)).isEqualTo(1);
            backend[0] = pg.transactor().withConnection("pid", c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            taken.countDown();
            await(cut);
            pg.documents().save(first.toBuilder().note("never stored").build());
            return null;
        }));
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
        try (Connection c = PostgresServer.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select pg_terminate_backend(?)")) {
            s.setInt(1, backend[0]);
            s.execute();
        }
        cut.countDown();
        assertThatThrownBy(() -> victim.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(PostgresException.class);
        assertThat(pg.sequencer().peek(key, 1)).isEqualTo(1);
        assertThat(docs.get(first.id()).note()).isNull();
        // The entity's lock died with the connection: the next unit of work runs at once.
        assertThat(docs.finalizeDocument(first.id()).number()).isNotNull();
    }

    @Test
    void finalize_secondUnitWaitsForTheFirstAndTakesTheNextNumber() throws Exception {
        Entity e = entity("e1");
        SequenceKey key = new SequenceKey(e.id(), "wait", 0);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> first = pool.submit(() -> pg.transactor().inTransaction(e.id(), () -> {
            long n = pg.sequencer().next(key, 1);
            holding.countDown();
            await(release);
            return n;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Long> second = pool.submit(() -> pg.transactor().inTransaction(e.id(), () -> pg.sequencer().next(key, 1)));
        Thread.sleep(300);
        assertThat(second.isDone()).isFalse();
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void failure_databaseError_reportedAsSpiExceptionWithThePostgresCause() {
        PostgresInvoicing broken = PostgresInvoicing.builder(PostgresServer.dataSource())
                .schema(PostgresServer.freshSchema()).migrate(false).build();
        assertThatThrownBy(() -> broken.invoicing().entity(entity("f1")).create(draft()))
                .isInstanceOf(SpiException.class).hasCauseInstanceOf(PostgresException.class)
                .hasStackTraceContaining("does not exist");
    }

    @Test
    void schema_invalidName_validationExceptionNamingTheField() {
        for (String bad : new String[] {"Invoicing", "a-b", "x\"; drop table y; --", "pg_catalog", "", "1abc"}) {
            assertThatThrownBy(() -> PostgresInvoicing.builder(PostgresServer.dataSource()).schema(bad))
                    .isInstanceOfSatisfying(ValidationException.class,
                            v -> assertThat(v.violations()).extracting(x -> x.path()).containsExactly("schema"));
        }
    }

    @Test
    void schema_migrateTwiceAndTwoSchemas_independentAndUpToDate() {
        String other = PostgresServer.freshSchema();
        PostgresSchema s = PostgresSchema.named(other);
        assertThat(s.migrate(PostgresServer.dataSource())).isGreaterThanOrEqualTo(1);
        assertThat(s.migrate(PostgresServer.dataSource())).isZero();
        assertThat(s.currentVersion(PostgresServer.dataSource())).isNotEmpty();
        PostgresInvoicing second = PostgresInvoicing.builder(PostgresServer.dataSource()).schema(other).build();
        Entity e = entity("g1");
        Document here = pg.invoicing().entity(e).create(draft());
        assertThat(second.documents().find(e.id(), here.id())).isEmpty();
        assertThat(second.invoicing().entity(e).finalizeDocument(second.invoicing().entity(e).create(draft()).id())
                .number()).isEqualTo(pg.invoicing().entity(e).finalizeDocument(here.id()).number());
    }

    @Test
    void shareToken_storedOnlyAsItsHashInTheIndex() throws SQLException {
        Entity e = entity("h1");
        EntityDocuments docs = pg.invoicing().entity(e);
        Document d = docs.create(draft());
        String token = docs.share(d.id());
        try (Connection c = PostgresServer.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select share_token_hash from \"" + schema
                        + "\".documents where entity_id = ? and id = ?")) {
            s.setString(1, e.id());
            s.setString(2, d.id().value());
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo(Hashes.sha256(token)).doesNotContain(token);
            }
        }
    }

    @Test
    void create_twoLineFinalInvoice_rowStoredInLineWithQueryFieldsOnlyForValues() throws SQLException {
        // A schema of its own: its TOAST table then holds only what this test writes.
        String own = PostgresServer.freshSchema();
        PostgresInvoicing here = PostgresInvoicing.builder(PostgresServer.dataSource()).schema(own).build();
        Document d = here.invoicing().entity(entity("i1")).create(DocumentDraft.builder(DocumentType.INVOICE).draft(false)
                .customer(eu.invoicing.core.model.Party.named("Acme d.o.o."))
                .item(LineItem.builder().name("Consulting").quantity("3").price("80").tax("22").build())
                .item(LineItem.builder().name("Travel").quantity("1").price("35.50").tax("9.5").build()).build());
        try (Connection c = PostgresServer.dataSource().getConnection(); Statement s = c.createStatement()) {
            String table = "\"" + own + "\".documents";
            try (ResultSet r = s.executeQuery("select count(*) from " + table + " d, jsonb_each(d.fields) e(k, v) "
                    + "where v in ('null'::jsonb, '[]'::jsonb) or (k like '~%' and v = d.fields -> substr(k, 2))")) {
                r.next();
                assertThat(r.getLong(1)).as("null, empty and unchanged folded entries in fields").isZero();
            }
            String toast;
            try (ResultSet r = s.executeQuery("select reltoastrelid::regclass from pg_class where oid = '" + table
                    + "'::regclass")) {
                r.next();
                toast = r.getString(1);
            }
            try (ResultSet r = s.executeQuery("select count(*) from " + toast)) {
                r.next();
                assertThat(r.getLong(1)).as("values of %s moved out of line", d.id()).isZero();
            }
        }
    }

    @Test
    void create_finalInsertThatCarriesTheCommitFails_unitRolledBackAndNumberGivenBack() throws SQLException {
        // The last held-back insert sends the commit in its round trip: when the insert fails, the server must skip
        // the commit, and nothing of the unit of work (number, document, events) may stay.
        String own = PostgresServer.freshSchema();
        PostgresInvoicing here = PostgresInvoicing.builder(PostgresServer.dataSource()).schema(own).build();
        EntityDocuments docs = here.invoicing().entity(entity("c1"));
        String q = "\"" + own + "\".";
        DocumentDraft fin = draft().toBuilder().draft(false).build();
        Document first = docs.create(fin);
        try (Connection c = PostgresServer.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table " + q + "fail_inserts (armed boolean)");
            s.execute("insert into " + q + "fail_inserts values (true)");
            s.execute("create function " + q + "fail_insert() returns trigger language plpgsql as $$ begin "
                    + "if exists (select 1 from " + q + "fail_inserts) then raise exception 'refused by the test'; "
                    + "end if; return new; end $$");
            s.execute("create trigger fail_insert before insert on " + q + "documents for each row execute function "
                    + q + "fail_insert()");
        }
        assertThatThrownBy(() -> docs.create(fin)).isInstanceOf(SpiException.class);
        try (Connection c = PostgresServer.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from " + q + "fail_inserts");
        }
        Document third = docs.create(fin);
        try (Connection c = PostgresServer.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select count(*), (select count(*) from " + q + "timeline_events), "
                    + "(select max(last_value) from " + q + "number_sequences) from " + q + "documents")) {
                r.next();
                assertThat(r.getLong(1)).as("documents").isEqualTo(2);
                assertThat(r.getLong(2)).as("timeline events (created, finalized of each)").isEqualTo(4);
                assertThat(r.getLong(3)).as("the counter: the failed unit's number given back").isEqualTo(2);
            }
        }
        assertThat(third.number()).isNotEqualTo(first.number());
        assertThat(docs.create(fin).number()).isNotEqualTo(third.number());
    }

    @Test
    void list_rowsWrittenWithNullEmptyAndFoldedEntries_answerAsTheSlimRows() throws SQLException {
        Entity e = entity("j1");
        EntityDocuments docs = pg.invoicing().entity(e);
        Document old = docs.finalizeDocument(docs.create(draft()).id());
        Document slim = docs.finalizeDocument(docs.create(draft()).id());
        // The entries earlier versions wrote for fields without a value, and folded copies equal to the text.
        try (Connection c = PostgresServer.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "update \"" + schema + "\".documents set fields = fields || jsonb_build_object('customer.email', null, "
                        + "'~customer.email', null, 'items.description', '[]'::jsonb, '~items.description', '[]'::jsonb, "
                        + "'~number', fields->'number', '~items.name', '[\"consulting\"]'::jsonb) where entity_id = ? and id = ?")) {
            s.setString(1, e.id());
            s.setString(2, old.id().value());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        for (String filter : new String[] {"{\"customer.email\":null}", "{\"items.description\":null}",
                "{\"items.description\":{\"notIn\":[\"x\"]}}", "{\"number\":{\"startsWith\":\"2026\"}}",
                "{\"items.name\":{\"contains\":\"consult\"}}", "{\"items.name\":\"Consulting\"}"}) {
            assertThat(docs.list(DocumentType.INVOICE, DocumentQuery.builder().query(filter).build()).data())
                    .as(filter).extracting(Document::id).containsExactlyInAnyOrder(old.id(), slim.id());
        }
        for (String filter : new String[] {"{\"customer.email\":{\"notIn\":[null]}}", "{\"items.description\":\"x\"}",
                "{\"number\":{\"contains\":\"x\"}}"}) {
            assertThat(docs.list(DocumentType.INVOICE, DocumentQuery.builder().query(filter).build()).data())
                    .as(filter).isEmpty();
        }
    }

    @Test
    void appendEvent_moreEventsInOneUnitOfWorkThanTheBuiltStatements_allWrittenInTheOrderAppended() {
        Entity e = entity("k1");
        Document d = pg.invoicing().entity(e).create(draft());
        java.util.List<eu.invoicing.core.version.TimelineEvent> appended = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            appended.add(new eu.invoicing.core.version.TimelineEvent(eu.invoicing.core.version.TimelineEventType.UPDATED,
                    java.time.Instant.parse("2026-12-04T10:00:00.123Z").plusSeconds(i),
                    i % 2 == 0 ? null : new eu.invoicing.core.version.User("u" + i, "Ana " + i, null), "note " + i));
        }
        java.util.List<eu.invoicing.core.version.TimelineEvent> before = pg.documents().events(e.id(), d.id());
        pg.transactor().inTransaction(e.id(), () -> {
            pg.documents().save(d.toBuilder().note("with six events").build());
            appended.forEach(ev -> pg.documents().appendEvent(e.id(), d.id(), ev));
            return null;
        });
        assertThat(pg.documents().events(e.id(), d.id())).hasSize(before.size() + 6).endsWith(
                appended.toArray(new eu.invoicing.core.version.TimelineEvent[0]));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
