package eu.invoicing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.export.BulkExportRequest;
import eu.invoicing.export.job.EntryOutcome;
import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobKind;
import eu.invoicing.export.job.ExportJobStatus;
import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.export.local.StoreDocuments;
import eu.invoicing.postgres.jobs.PostgresExportJobs;
import eu.invoicing.postgres.testing.ExportNode;
import eu.invoicing.postgres.testing.PostgresExportJobsTestConfig;
import eu.invoicing.postgres.testing.PostgresServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk export jobs queued in PostgreSQL (db-scheduler) on a real server: two schedulers on one database run every
 * job exactly once, progress is read on another node, and a node killed with {@code kill -9} mid-job loses
 * nothing: another node runs the job again and the archive is whole.
 */
class PostgresExportJobsTest {
    private static final int DOCUMENTS = 30;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"), ZoneOffset.UTC);
    private static String schema;
    private static PostgresInvoicing pg;
    private static Entity entity;
    private static final Map<String, AtomicInteger> PRODUCED = new ConcurrentHashMap<>();

    @BeforeAll
    static void documents() {
        schema = PostgresServer.freshSchema();
        pg = PostgresInvoicing.builder(PostgresServer.dataSource()).schema(schema).configure(b -> b.clock(CLOCK))
                .build();
        entity = Entity.sampleSlovenian().toBuilder().id("ent_" + "0".repeat(20) + "e0e0").build();
        EntityDocuments docs = pg.invoicing().entity(entity);
        for (int i = 0; i < DOCUMENTS; i++) {
            docs.finalizeDocument(docs.create(DocumentDraft.builder(DocumentType.INVOICE).draft(true)
                    .customer(Party.named("Kupec " + i))
                    .item(LineItem.builder().name("Item " + i).quantity("1").price("10").tax("22").build()).build())
                    .id());
        }
    }

    @AfterAll
    static void clear() {
        PRODUCED.clear();
    }

    private static PostgresExportJobs node(String name, Path blobs, boolean work) {
        PostgresExportJobs jobs = PostgresExportJobsTestConfig.configure(PostgresExportJobs.builder(
                        PostgresServer.dataSource(), DirectoryBlobStore.of(blobs),
                        StoreDocuments.of(pg.documents())))
                .schema(schema).nodeName(name).clock(CLOCK)
                .archive(ExportJobKind.PDF, (bulk, e, request) -> bulk.startPdf(e, request, d -> {
                    PRODUCED.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                    return EntryOutcome.file(InvoicingJson.writeDocument(d).getBytes(StandardCharsets.UTF_8));
                }))
                .build();
        if (work) {
            jobs.startWorking();
        }
        return jobs;
    }

    private static BulkExportRequest march() {
        return BulkExportRequest.parse(null, List.of("invoice"), LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"), null, null);
    }

    @Test
    void start_twoSchedulersOnOneDatabase_everyJobRunsExactlyOnceAndIsReadableFromBothNodes(@TempDir Path blobs)
            throws Exception {
        try (PostgresExportJobs a = node("node-a", blobs, true); PostgresExportJobs b = node("node-b", blobs, true)) {
            List<ExportJob> started = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ExportJob job = (i % 2 == 0 ? a : b).start(ExportJobKind.PDF, entity, march());
                assertThat(job.status()).isEqualTo(ExportJobStatus.QUEUED);
                assertThat(job.totalDocs()).isEqualTo(DOCUMENTS);
                started.add(job);
            }
            for (ExportJob job : started) {
                ExportJob done = await(b, job.id(), ExportJobStatus.COMPLETED);
                assertThat(a.find(entity.id(), job.id())).contains(done);
                assertThat(done.result().exported()).isEqualTo(DOCUMENTS);
                assertThat(done.progress()).isEqualTo(100);
                try (ZipFile zip = new ZipFile(Path.of(URI.create(done.fileUrl())).toFile())) {
                    assertThat(zip.size()).isEqualTo(DOCUMENTS);
                }
                assertThat(attempts(job.id())).as("runs of %s", job.id()).isEqualTo(1);
            }
            assertThat(Stream.of("node-a", "node-b").mapToInt(n -> PRODUCED.getOrDefault(n, new AtomicInteger()).get())
                    .sum()).as("documents produced").isEqualTo(6 * DOCUMENTS);
            assertThat(committedArchives(blobs)).hasSize(6);
            // Scoped by entity: another entity does not see the job.
            assertThat(a.find("ent_" + "0".repeat(24), started.get(0).id())).isEmpty();
        }
    }

    @Test
    void start_kindWithoutArchive_validationErrorAndNothingQueued(@TempDir Path blobs) {
        try (PostgresExportJobs a = node("node-c", blobs, false)) {
            assertThatThrownBy(() -> a.start(ExportJobKind.ESLOG, entity, march()))
                    .isInstanceOfSatisfying(ValidationException.class,
                            v -> assertThat(v.violations()).extracting(x -> x.path()).containsExactly("kind"));
        }
    }

    @Test
    void run_nodeKilledMidJob_anotherNodeRunsItAgainAndTheArchiveIsWhole(@TempDir Path blobs) throws Exception {
        Process victim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ExportNode.class.getName(), PostgresServer.jdbcUrl(), schema, blobs.toString(), "node-victim", "150")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (PostgresExportJobs client = node("node-client", blobs, false)) {
            BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("READY");
            ExportJob job = client.start(ExportJobKind.PDF, entity, march());
            // The victim takes it (the only worker) and gets some way into the archive.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Optional<ExportJob> seen = client.find(entity.id(), job.id());
            while (seen.orElseThrow().progress() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                seen = client.find(entity.id(), job.id());
            }
            assertThat(seen.orElseThrow().status()).isEqualTo(ExportJobStatus.PROCESSING);
            assertThat(seen.get().progress()).isBetween(20, 99);
            assertThat(runBy(job.id())).isEqualTo("node-victim");
            victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(committedArchives(blobs)).isEmpty();

            try (PostgresExportJobs survivor = node("node-survivor", blobs, true)) {
                ExportJob done = await(survivor, job.id(), ExportJobStatus.COMPLETED);
                assertThat(done.result().exported()).isEqualTo(DOCUMENTS);
                assertThat(attempts(job.id())).isEqualTo(2);
                assertThat(runBy(job.id())).isEqualTo("node-survivor");
                try (ZipFile zip = new ZipFile(Path.of(URI.create(done.fileUrl())).toFile())) {
                    assertThat(zip.size()).isEqualTo(DOCUMENTS);
                }
                assertThat(committedArchives(blobs)).hasSize(1);
            }
        } finally {
            victim.destroyForcibly();
        }
    }

    private static ExportJob await(PostgresExportJobs node, String id, ExportJobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        ExportJob job = node.find(entity.id(), id).orElseThrow();
        while (job.status() != status && !job.status().isFinal() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = node.find(entity.id(), id).orElseThrow();
        }
        assertThat(job.status()).as("job %s: %s", id, job.error()).isEqualTo(status);
        return job;
    }

    private static List<Path> committedArchives(Path blobs) throws IOException {
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(p -> p.toString().endsWith(".zip") && !p.toString().contains(".partial")).toList();
        }
    }

    private static int attempts(String id) throws SQLException {
        return Integer.parseInt(column(id, "attempt"));
    }

    private static String runBy(String id) throws SQLException {
        return column(id, "run_by");
    }

    private static String column(String id, String column) throws SQLException {
        try (Connection c = PostgresServer.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("select " + column + "::text from \"" + schema
                        + "\".export_jobs where id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }
}
