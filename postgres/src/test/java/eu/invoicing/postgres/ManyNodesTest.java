package eu.invoicing.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.version.DocumentVersion;
import eu.invoicing.core.version.TimelineEvent;
import eu.invoicing.core.version.TimelineEventType;
import eu.invoicing.postgres.testing.FinalizingNode;
import eu.invoicing.postgres.testing.PostgresServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many application nodes on one database: separate JVM processes ({@link FinalizingNode}) create, finalize and
 * update documents of one entity at once, over two kinds; one process is killed with {@code kill -9}
 * ({@link Process#destroyForcibly()}) mid-run and started again, and the connections of the others are cut
 * under running transactions ({@code pg_terminate_backend}). Afterwards: each kind is numbered exactly 1..N,
 * every number the counter handed out belongs to a stored final document, every finalize a node saw commit is
 * there with its number, every final document has its timeline, every updated one its version rows.
 *
 * <p>Size: {@code -Dinvoicing.manyNodes.perThread} documents per thread (default 40: 4 processes × 4 threads ×
 * 40 = 640 documents plus the restarted node's, in well under a minute on two shared cores; the 40,000
 * is {@code -Dinvoicing.manyNodes.perThread=2500}; every wait grows with the size: one second per document of a
 * thread, at least 120 s).
 */
class ManyNodesTest {
    private static final int NODES = 4;
    private static final int THREADS = 4;
    private static final int PER_THREAD = Integer.getInteger("invoicing.manyNodes.perThread", 40);
    private static final long WAIT_SECONDS = Math.max(120, PER_THREAD);

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void finalize_fourProcessesOneKilledAndConnectionsCut_gapFreeUniqueAndNothingLostOrHalfWritten()
            throws Exception {
        long started = System.nanoTime();
        String schema = PostgresServer.freshSchema();
        PostgresInvoicing pg = PostgresInvoicing.builder(PostgresServer.dataSource()).schema(schema).build();
        Entity entity = Entity.sampleSlovenian().toBuilder().id("ent_" + "0".repeat(20) + "beef").build();
        Map<String, List<String>> output = new ConcurrentHashMap<>();
        List<Thread> readers = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            start("n" + n, schema, entity, output, readers);
        }
        // kill -9 the first node once it has finalized a third of its share, then start it again.
        int victimShare = THREADS * PER_THREAD;
        awaitLines(output, "n0", "F ", Math.max(1, victimShare / 3));
        processes.get(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(processes.get(0).exitValue()).isNotZero();
        start("n0-restarted", schema, entity, output, readers);
        // Cut every node connection inside a transaction, twice, while the others keep finalizing.
        int cut = 0;
        for (int round = 0; round < 2; round++) {
            awaitLines(output, "n1", "F ", (round + 1) * victimShare / 3);
            // Try for a moment until some connection is caught inside a transaction (nearly always at once).
            int caught = 0;
            for (int attempt = 0; caught == 0 && attempt < 200 && processes.stream().anyMatch(Process::isAlive);
                    attempt++) {
                caught = terminateNodeBackends();
                if (caught == 0) {
                    Thread.sleep(10);
                }
            }
            cut += caught;
        }
        for (int i = 1; i < processes.size(); i++) {
            assertThat(processes.get(i).waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("node %d finished", i).isTrue();
        }
        for (Thread t : readers) {
            t.join(10_000);
        }
        for (int i = 1; i < processes.size(); i++) {
            assertThat(processes.get(i).exitValue()).as("exit of node %d: %s", i, Files.readString(logs.get(i)))
                    .isZero();
        }
        String[] survivors = {"n1", "n2", "n3", "n0-restarted"};
        for (String node : survivors) {
            assertThat(output.get(node)).as("output of %s", node).contains("DONE");
        }
        assertThat(cut).as("backends cut").isPositive();

        verify(pg, entity, schema, output);
        System.out.printf("ManyNodesTest: %d per thread, %d backends cut, %.1f s with the checks%n", PER_THREAD, cut,
                (System.nanoTime() - started) / 1e9);
    }

    private void verify(PostgresInvoicing pg, Entity entity, String schema, Map<String, List<String>> output)
            throws SQLException {
        EntityDocuments docs = pg.invoicing().entity(entity);
        Map<String, String> finalizedSeen = new HashMap<>();
        Set<String> updatedSeen = new HashSet<>();
        for (List<String> lines : output.values()) {
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f[0].equals("F")) {
                    assertThat(finalizedSeen.put(f[1], f[2])).as("one finalize per document").isNull();
                } else if (f[0].equals("U")) {
                    updatedSeen.add(f[1]);
                }
            }
        }
        // Every survivor finished its share; the killed node finished some.
        int survivorShare = (NODES) * THREADS * PER_THREAD;
        assertThat(finalizedSeen.size()).isGreaterThanOrEqualTo(survivorShare);

        int finals = 0;
        for (DocumentType kind : List.of(DocumentType.INVOICE, DocumentType.ESTIMATE)) {
            List<Document> all = listAll(docs, kind);
            List<Document> finalDocs = all.stream().filter(d -> !d.isDraft()).toList();
            finals += finalDocs.size();
            List<Integer> numbers = finalDocs.stream().map(d -> trailing(d.number())).sorted().toList();
            assertThat(numbers).as("%s numbers", kind)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, finalDocs.size()).boxed().toList());
            assertThat(lastValue(schema, entity.id(), kind)).as("%s counter", kind).isEqualTo(finalDocs.size());
            System.out.printf("ManyNodesTest: %s %d documents, %d final numbered 1..%d%n", kind, all.size(),
                    finalDocs.size(), finalDocs.size());
            for (Document d : all) {
                List<TimelineEvent> events = docs.timeline(d.id());
                assertThat(events).as("timeline of %s", d.id()).isNotEmpty();
                assertThat(events.get(0).type()).isEqualTo(TimelineEventType.CREATED);
                List<TimelineEvent> finalized = events.stream()
                        .filter(e -> e.type() == TimelineEventType.FINALIZED).toList();
                if (d.isDraft()) {
                    assertThat(d.number()).as("draft %s", d.id()).isNull();
                    assertThat(finalized).isEmpty();
                } else {
                    assertThat(finalized).as("finalized event of %s", d.id()).hasSize(1);
                    assertThat(finalized.get(0).note()).isEqualTo(d.number());
                }
                List<DocumentVersion> versions = docs.versions(d.id()).versions();
                if (d.note() != null) {
                    assertThat(versions).as("versions of %s", d.id()).isNotEmpty();
                    assertThat(versions.stream().map(DocumentVersion::version).sorted().toList())
                            .containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());
                    Document before = versions.stream().filter(v -> v.version() == 1).findFirst().orElseThrow()
                            .snapshot();
                    assertThat(before.isDraft()).isFalse();
                    assertThat(before.number()).isEqualTo(d.number());
                    assertThat(before.note()).isNull();
                } else {
                    assertThat(versions).as("versions of %s", d.id()).isEmpty();
                }
            }
            for (Document d : finalDocs) {
                String seen = finalizedSeen.get(d.id().value());
                if (seen != null) {
                    assertThat(d.number()).as("number of %s", d.id()).isEqualTo(seen);
                }
            }
            Set<String> stored = finalDocs.stream().map(d -> d.id().value()).collect(Collectors.toSet());
            finalizedSeen.keySet().stream().filter(id -> id.startsWith(kind == DocumentType.INVOICE ? "inv_" : "est_"))
                    .forEach(id -> assertThat(stored).as("finalized %s is stored final", id).contains(id));
            all.stream().filter(d -> updatedSeen.contains(d.id().value()))
                    .forEach(d -> assertThat(d.note()).as("update of %s", d.id()).isNotNull());
        }
        assertThat(finals).isGreaterThanOrEqualTo(finalizedSeen.size());
    }

    private void start(String name, String schema, Entity entity, Map<String, List<String>> output,
            List<Thread> readers) throws IOException {
        Path javaBin = Paths.get(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-Xmx96m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), FinalizingNode.class.getName(),
                PostgresServer.jdbcUrl(), schema, entity.id(), name, String.valueOf(THREADS),
                String.valueOf(PER_THREAD));
        Path log = Files.createTempFile("invoicing-node-" + name, ".err");
        log.toFile().deleteOnExit();
        logs.add(log);
        pb.redirectError(log.toFile());
        Process p = pb.start();
        processes.add(p);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        output.put(name, lines);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process was killed: what it printed before is kept.
            }
        }, "read-" + name);
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
    }

    private static void awaitLines(Map<String, List<String>> output, String node, String prefix, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        AtomicInteger seen = new AtomicInteger();
        while (System.nanoTime() < deadline) {
            List<String> lines = output.get(node);
            synchronized (lines) {
                seen.set((int) lines.stream().filter(l -> l.startsWith(prefix)).count());
                if (seen.get() >= count || lines.contains("DONE")) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(node + " printed " + seen.get() + " lines " + prefix + "in " + WAIT_SECONDS + " s, expected " + count);
    }

    /** Cuts every node connection that is inside a transaction; returns how many. */
    private static int terminateNodeBackends() throws SQLException {
        try (Connection c = PostgresServer.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) filter (where pg_terminate_backend(pid)) "
                        + "from pg_stat_activity where application_name like 'invoicing-node-%' "
                        + "and xact_start is not null");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private static long lastValue(String schema, String entityId, DocumentType kind) throws SQLException {
        try (Connection c = PostgresServer.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select coalesce(sum(last_value), 0) from \"" + schema
                        + "\".number_sequences where entity_id = ? and series like ?")) {
            s.setString(1, entityId);
            s.setString(2, kind.name().toLowerCase(Locale.ROOT) + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static List<Document> listAll(EntityDocuments docs, DocumentType kind) {
        List<Document> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Document> page = docs.list(kind, DocumentQuery.builder().limit(DocumentQuery.MAX_LIMIT)
                    .nextCursor(cursor).build());
            out.addAll(page.data());
            cursor = page.hasMore() ? page.nextCursor() : null;
        } while (cursor != null);
        return out;
    }

    private static int trailing(String number) {
        int start = number.length();
        while (start > 0 && Character.isDigit(number.charAt(start - 1))) {
            start--;
        }
        return Integer.parseInt(number.substring(start));
    }
}
