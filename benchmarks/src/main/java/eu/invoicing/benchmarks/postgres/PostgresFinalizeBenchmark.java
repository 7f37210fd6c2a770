package eu.invoicing.benchmarks.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.postgres.PostgresInvoicing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Finalize throughput and a first page on the PostgreSQL stores next to the floor: a bare JDBC program that
 * does the least the same guarantee needs. Ours: a document created final through the library (one unit of
 * work: the entity's advisory lock, the document stored, its number taken from the counter row, the timeline,
 * commit). The floor: one transaction that takes the next number from a counter row
 * ({@code insert … on conflict do update … returning}, the row stays locked until commit), inserts the document
 * (the same JSON, a number and an id) and commits. Both on one entity (one sequence), with 1, 8 and 32 threads,
 * through the same HikariCP pool of 32 connections, on a real PostgreSQL server with its default durability
 * (every commit is flushed). The list pair reads the newest 10 documents: through the store ({@code list}, with
 * its total count, as the API answers) and as one bare {@code select … order by created_at desc limit 10}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class PostgresFinalizeBenchmark {
    private BenchmarkPostgres server;
    private HikariDataSource ds;
    private EntityDocuments docs;
    private DocumentDraft draft;
    private String body;
    private final AtomicLong ids = new AtomicLong();
    private String entityId;

    /** Starts the server, migrates, creates the floor's two tables and stores 20 documents on each side. */
    @Setup(Level.Trial)
    public void start() throws SQLException {
        server = BenchmarkPostgres.start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.server().getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(32);
        ds = new HikariDataSource(config);
        PostgresInvoicing pg = PostgresInvoicing.builder(ds).schema("bench").build();
        Entity entity = Entity.sampleSlovenian();
        entityId = entity.id();
        docs = pg.invoicing().entity(entity);
        draft = FinalizeWorkload.draft();
        body = InvoicingJson.writeDocument(docs.create(draft));
        FinalizeWorkload.createFloorTables(ds);
        // Both first pages read from 20 documents at least (the finalize benchmarks of a trial add more).
        for (int i = 0; i < 20; i++) {
            floorCreateFinal();
            docs.create(draft);
        }
    }

    /** Stops the pool and the server. */
    @TearDown(Level.Trial)
    public void stop() {
        ds.close();
        server.close();
    }

    /** @return the final invoice (1 thread) */
    @Benchmark
    @Threads(1)
    public Document ours1Thread() {
        return docs.create(draft);
    }

    /** @return the final invoice (8 threads) */
    @Benchmark
    @Threads(8)
    public Document ours8Threads() {
        return docs.create(draft);
    }

    /** @return the final invoice (32 threads) */
    @Benchmark
    @Threads(32)
    public Document ours32Threads() {
        return docs.create(draft);
    }

    /** @return the number taken (1 thread) */
    @Benchmark
    @Threads(1)
    public long floor1Thread() throws SQLException {
        return floorCreateFinal();
    }

    /** @return the number taken (8 threads) */
    @Benchmark
    @Threads(8)
    public long floor8Threads() throws SQLException {
        return floorCreateFinal();
    }

    /** @return the number taken (32 threads) */
    @Benchmark
    @Threads(32)
    public long floor32Threads() throws SQLException {
        return floorCreateFinal();
    }

    /** @return the newest 10 documents through the store, with the total count (1 thread) */
    @Benchmark
    @Threads(1)
    public Page<Document> oursFirstPage() {
        return docs.list(DocumentType.INVOICE, DocumentQuery.builder().build());
    }

    /** @return the newest 10 documents through the store, without the total count (1 thread) */
    @Benchmark
    @Threads(1)
    public Page<Document> oursFirstPageNoCount() {
        return docs.list(DocumentType.INVOICE, DocumentQuery.builder().includeTotalCount(false).build());
    }

    /** @return the newest 10 documents' JSON, read bare (1 thread) */
    @Benchmark
    @Threads(1)
    public List<String> floorFirstPage() throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("select body::text from "
                + "floor_documents where entity_id = ? order by created_at desc, id limit 10")) {
            s.setString(1, entityId);
            List<String> out = new ArrayList<>(10);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        }
    }

    private long floorCreateFinal() throws SQLException {
        return FinalizeWorkload.floorCreateFinal(ds, entityId, "inv_" + ids.incrementAndGet(), body);
    }
}
