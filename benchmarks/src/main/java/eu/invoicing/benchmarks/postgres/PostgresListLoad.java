package eu.invoicing.benchmarks.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.postgres.PostgresInvoicing;
import java.io.PrintStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * List latency of the PostgreSQL store over one large entity, with the plans PostgreSQL chose: a load program
 * (not JMH: each query's latency distribution, p50 and p99, is the figure, and the data set takes minutes to
 * build, once). It stores {@code seeds} varied invoices through the library (created and finalized), copies
 * each {@code copies} times in SQL (a new id, and a creation time, date and number of its own, rising
 * through 2025: {@link #copy}) for the measured entity and {@code otherCopies} times for each of
 * {@code others} other entities, analyzes, then for
 * each query prints the exact statement the store sent (parameters inlined by the driver), its
 * {@code EXPLAIN (ANALYZE, BUFFERS)} and the latency of {@code runs} calls of {@code list} through the library
 * (statement, transfer and parsing of the page's documents included). On a kept data directory
 * ({@code -Dinvoicing.bench.pgdata=DIR}, {@link BenchmarkPostgres}) that already holds the measured entity's
 * documents, the seeding and copying are skipped and the data found there is measured.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar eu.invoicing.benchmarks.postgres.PostgresListLoad
 * [seeds=2000] [copies=100] [others=4] [otherCopies=25] [runs=300]}.
 */
public final class PostgresListLoad {
    static final String SCHEMA = "bench";

    private PostgresListLoad() {
    }

    /**
     * @param args {@code name=value} overrides of the sizes
     * @throws SQLException when the database fails
     */
    public static void main(String[] args) throws SQLException {
        Map<String, Integer> opts = new LinkedHashMap<>(Map.of("seeds", 2000, "copies", 100, "others", 4,
                "otherCopies", 25, "runs", 300));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            opts.put(kv[0], Integer.parseInt(kv[1]));
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (BenchmarkPostgres server = BenchmarkPostgres.start();
                HikariDataSource ds = pool(server.server().getJdbcUrl("postgres", "postgres"))) {
            long m0 = System.nanoTime();
            PostgresInvoicing pg = PostgresInvoicing.builder(ds).schema(SCHEMA).build();
            out.printf("migrations (if any) ran in %.1f s%n", secs(m0));
            Entity main = entity("0");
            long t0 = System.nanoTime();
            if (loaded(ds, main.id())) {
                // A migration may have rewritten the table: vacuum sets the visibility map index-only scans read.
                exec(ds, "vacuum analyze \"" + SCHEMA + "\".documents");
                out.printf("reusing the loaded data; rows: %s%n", rowsPerEntity(ds));
            } else {
                seed(pg.invoicing().entity(main), opts.get("seeds"));
                out.printf("seeded %d invoices through the library in %.1f s%n", opts.get("seeds"), secs(t0));
                t0 = System.nanoTime();
                copy(ds, main.id(), main.id(), 1, opts.get("copies"));
                for (int e = 1; e <= opts.get("others"); e++) {
                    copy(ds, main.id(), entity(Integer.toString(e)).id(), e * 1000, opts.get("otherCopies"));
                }
                exec(ds, "vacuum analyze \"" + SCHEMA + "\".documents");
                out.printf("copied in SQL in %.1f s; rows: %s%n", secs(t0), rowsPerEntity(ds));
            }

            AtomicReference<List<String>> lastSql = new AtomicReference<>(new ArrayList<>());
            PostgresInvoicing reading = PostgresInvoicing.builder(capturing(ds, lastSql)).schema(SCHEMA)
                    .migrate(false).build();
            EntityDocuments docs = reading.invoicing().entity(main);
            Map<String, Supplier<DocumentQuery>> queries = new LinkedHashMap<>();
            queries.put("first page (default order -created_at, limit 10)", () -> DocumentQuery.builder().build());
            queries.put("filtered: total >= 900, default order, limit 50", () -> DocumentQuery.builder()
                    .query("{\"total\":{\"gte\":900}}").limit(50).build());
            queries.put("filtered and sorted: total >= 900, order by -date, limit 50", () -> DocumentQuery.builder()
                    .query("{\"total\":{\"gte\":900}}").orderBy("-date").limit(50).build());
            queries.put("filtered and sorted: date in June 2025, order by number, limit 50", () -> DocumentQuery
                    .builder().query("{\"date\":{\"gte\":\"2025-06-01\",\"lte\":\"2025-06-30\"}}").orderBy("number")
                    .limit(50).build());
            queries.put("filtered and sorted: date in June 2025, default order, limit 50", () -> DocumentQuery
                    .builder().query("{\"date\":{\"gte\":\"2025-06-01\",\"lte\":\"2025-06-30\"}}").limit(50)
                    .build());
            queries.put("filtered and sorted: total between 500 and 505, order by -date, limit 50", () -> DocumentQuery
                    .builder().query("{\"total\":{\"between\":[500,505]}}").orderBy("-date").limit(50).build());
            queries.put("filtered and sorted: customer.name = \"Kupec 7 d.o.o.\", order by -date, limit 50", () ->
                    DocumentQuery.builder().query("{\"customer.name\":\"Kupec 7 d.o.o.\"}").orderBy("-date")
                    .limit(50).build());
            String cursor = tenPagesIn(docs);
            queries.put("cursor page (the 11th page of the default order, limit 10)", () -> DocumentQuery.builder()
                    .nextCursor(cursor).build());
            queries.put("search \"kupec 123 \" (substring, case-insensitive), limit 10", () -> DocumentQuery.builder()
                    .search("kupec 123 ").build());
            queries.put("search \"svetovanje\" (matches every document), limit 10", () -> DocumentQuery.builder()
                    .search("svetovanje").build());
            for (Map.Entry<String, Supplier<DocumentQuery>> q : queries.entrySet()) {
                lastSql.set(new ArrayList<>());
                Page<Document> page = docs.list(DocumentType.INVOICE, q.getValue().get());
                out.printf("%n### %s%nrows on the page: %d, total %d%n", q.getKey(), page.data().size(), page.total());
                for (String sql : lastSql.get()) {
                    out.printf("%n```sql%n%s%n```%n%n```%n", sql);
                    for (String line : explain(ds, sql)) {
                        out.println(line);
                    }
                    out.println("```");
                }
                for (boolean count : new boolean[] {true, false}) {
                    long[] nanos = new long[opts.get("runs")];
                    for (int i = 0; i < nanos.length; i++) {
                        DocumentQuery query = withCount(q.getValue().get(), count);
                        long s = System.nanoTime();
                        docs.list(DocumentType.INVOICE, query);
                        nanos[i] = System.nanoTime() - s;
                    }
                    Arrays.sort(nanos);
                    out.printf("latency over %d calls, %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", nanos.length,
                            count ? "with the total count (the default)" : "include_total_count=false",
                            nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6,
                            nanos[nanos.length - 1] / 1e6);
                }
            }
        }
    }

    private static DocumentQuery withCount(DocumentQuery q, boolean count) {
        return new DocumentQuery(q.filter(), q.order(), q.cursor(), q.limit(), count, q.search(), q.deleted(),
                q.includes());
    }

    private static Entity entity(String suffix) {
        return Entity.sampleSlovenian().toBuilder().id("ent_" + "0".repeat(24 - suffix.length()) + suffix).build();
    }

    static void seed(EntityDocuments docs, int n) {
        for (int i = 0; i < n; i++) {
            DocumentDraft draft = DocumentDraft.builder(DocumentType.INVOICE).draft(true)
                    .date(LocalDate.of(2025, 1, 1).plusDays(i % 365))
                    .customer(Party.builder().name("Kupec " + (i % 500) + " d.o.o.").city("Ljubljana").build())
                    .item(LineItem.builder().name("Svetovanje " + (i % 50)).quantity("1")
                            .price(Integer.toString(10 + i % 997)).tax("22").build())
                    .build();
            docs.finalizeDocument(docs.create(draft).id());
        }
    }

    /**
     * Copies every document of {@code from} into {@code to}, {@code copies} times, as a year of invoicing: ids
     * {@code inv_} + 24 hex digits from {@code base}, copy and row; copy {@code j} (of the {@code n} made, seed
     * rows in id order within a copy) is created at 2025-01-01 + j × 365 days / n (to the millisecond), dated that
     * day (its due date moved with it), updated when created, and numbered {@code 2025-} + j + 1 in seven digits.
     * Creation times, dates and numbers therefore rise together, about n / 365 documents a day, as an issuer's
     * do; the amounts, customers and items stay the seed's, and as a day's copies come from thousands of seeds,
     * they do not depend on the date. The body, the derived {@code fields} and the search text agree, so that
     * filters, orderings and keyset cursors are exact. (Copies used to keep their seed's date, number and
     * total: 500 documents shared each number, and since a seed's date and price were both taken from its
     * index, no total over 900 was dated after 24 September.)
     */
    static void copy(DataSource ds, String from, String to, int base, int copies) throws SQLException {
        String t = "\"" + SCHEMA + "\".documents";
        String day = "'YYYY-MM-DD\"T00:00:00.000Z\"'";
        String sql = "with s as (select d.*, row_number() over (order by d.id) as n, count(*) over () as seeds from "
                + t + " d where d.entity_id = ? and d.revision >= 2), "
                + "c as (select s.*, k, 'inv_' || lpad(to_hex(? * 100000000::bigint + k * 100000 + n), 24, '0') "
                + "as new_id, (k - 1) * seeds + n - 1 as j from s cross join generate_series(1, ?) k), "
                + "m as (select c.*, 1735689600000 + j * 31536000000 / (? * seeds) as ms, "
                + "'2025-' || lpad((j + 1)::text, 7, '0') as new_number from c), "
                + "v as (select m.*, to_timestamp(ms / 1000.0) as new_created, "
                + "to_char(to_timestamp(ms / 1000.0) at time zone 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') as stamp, "
                + "(to_timestamp(ms / 1000.0) at time zone 'UTC')::date - date '1970-01-01' as new_day from m), "
                + "w as (select v.*, (fields->>'date_due')::int + new_day - (fields->>'date')::int as new_due from v) "
                + "insert into " + t + " (entity_id, id, kind, deleted, created_at, share_token_hash, revision, "
                + "body, fields, meta, search_text, search_values) "
                + "select ?, new_id, kind, deleted, new_created, null, 1, "
                + "(body::jsonb || jsonb_build_object('id', new_id, 'entity_id', ?::text, 'created_at', stamp, "
                + "'updated_at', stamp, 'number', new_number, 'date', to_char(date '1970-01-01' + new_day, " + day
                + "), 'date_due', to_char(date '1970-01-01' + new_due, " + day + ")))::json, "
                + "fields || jsonb_build_object('id', new_id, '~id', new_id, 'created_at', ms::numeric * 1000000, "
                + "'updated_at', ms::numeric * 1000000, 'number', new_number, '~number', lower(new_number), "
                + "'date', new_day, 'date_due', new_due), "
                // The number is the search text's first value.
                + "meta, lower(new_number) || substr(search_text, length(fields->>'number') + 1), "
                + "array[lower(new_number)] || search_values[2:] from w";
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, from);
            s.setLong(2, base);
            s.setInt(3, copies);
            s.setInt(4, copies);
            s.setString(5, to);
            s.setString(6, to);
            s.executeUpdate();
        }
    }

    private static String tenPagesIn(EntityDocuments docs) {
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            cursor = docs.list(DocumentType.INVOICE, DocumentQuery.builder().nextCursor(cursor).build()).nextCursor();
        }
        return cursor;
    }

    private static List<String> explain(DataSource ds, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("explain (analyze, buffers) " + sql)) {
            while (r.next()) {
                lines.add(r.getString(1));
            }
        }
        return lines;
    }

    private static boolean loaded(DataSource ds, String entityId) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("select exists (select 1 from \""
                + SCHEMA + "\".documents where entity_id = ?)")) {
            s.setString(1, entityId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static String rowsPerEntity(DataSource ds) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select entity_id, count(*) from \"" + SCHEMA
                        + "\".documents group by entity_id order by entity_id")) {
            while (r.next()) {
                out.append(out.length() == 0 ? "" : ", ").append(r.getString(1), 20, 28).append('=').append(r.getLong(2));
            }
        }
        return out.toString();
    }

    private static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The data source, remembering the text (parameters inlined) of the last query executed. */
    private static DataSource capturing(DataSource ds, AtomicReference<List<String>> last) {
        return proxy(DataSource.class, ds, (target, method, result) -> {
            if (result instanceof Connection c) {
                return proxy(Connection.class, c, (t2, m2, r2) -> r2 instanceof PreparedStatement ps
                        ? proxy(PreparedStatement.class, ps, (t3, m3, r3) -> r3, m3 -> {
                            if (m3.getName().equals("executeQuery")) {
                                try {
                                    last.get().add(ps.unwrap(org.postgresql.PGStatement.class).toString());
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                        }) : r2, m2 -> { });
            }
            return result;
        }, m -> { });
    }

    private interface Wrap {
        Object apply(Object target, java.lang.reflect.Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, Wrap wrap, java.util.function.Consumer<java.lang.reflect.Method> before) {
        InvocationHandler h = (p, m, a) -> {
            before.accept(m);
            try {
                return wrap.apply(target, m, m.invoke(target, a));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(PostgresListLoad.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
