package eu.invoicing.benchmarks.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.invoicing.core.model.Entity;
import eu.invoicing.export.BulkExportRequest;
import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobKind;
import eu.invoicing.export.job.ExportJobStatus;
import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.postgres.PostgresInvoicing;
import eu.invoicing.export.local.StoreDocuments;
import eu.invoicing.postgres.jobs.PostgresExportJobs;
import eu.invoicing.rendering.PdfRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.zip.ZipFile;

/**
 * Bulk PDF ZIP export from PostgreSQL through the job queue: {@code seeds} invoices stored through the library
 * and copied {@code copies} times in SQL (as {@link PostgresListLoad} does), then one job of all of them on one
 * node, then two jobs (the first 100 days of 2025 and the rest: with the default seeds, half the documents each)
 * on two nodes sharing the queue. Prints each job's time, documents per
 * second, archive size and entries, and the heap's peak (the sum of the heap pools' peaks since the job
 * started). Meant to run under {@code -Xmx128m}: the archive streams, one page of 100 documents at a time.
 *
 * <p>Run: {@code java -Xmx128m -cp benchmarks/target/benchmarks.jar
 * eu.invoicing.benchmarks.postgres.PostgresZipLoad [seeds=200] [copies=100]}.
 */
public final class PostgresZipLoad {
    private PostgresZipLoad() {
    }

    /**
     * @param args {@code name=value} overrides of the sizes
     * @throws Exception when the database or the archive fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, Integer> opts = new LinkedHashMap<>(Map.of("seeds", 200, "copies", 100));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            opts.put(kv[0], Integer.parseInt(kv[1]));
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path blobs = Files.createTempDirectory("invoicing-zip-load");
        try (BenchmarkPostgres server = BenchmarkPostgres.start();
                HikariDataSource ds = pool(server.server().getJdbcUrl("postgres", "postgres"))) {
            PostgresInvoicing pg = PostgresInvoicing.builder(ds).schema(PostgresListLoad.SCHEMA).build();
            Entity entity = Entity.sampleSlovenian().toBuilder().id("ent_" + "0".repeat(24)).build();
            PostgresListLoad.seed(pg.invoicing().entity(entity), opts.get("seeds"));
            PostgresListLoad.copy(ds, entity.id(), entity.id(), 1, opts.get("copies"));
            out.printf("documents: %d, max heap %d MB%n", opts.get("seeds") * (1 + opts.get("copies")),
                    Runtime.getRuntime().maxMemory() >> 20);
            try (PostgresExportJobs one = node(ds, pg, blobs, "node-1")) {
                one.startWorking();
                run(out, "one node, one job (2025)", List.of(one), entity,
                        List.of(request("2025-01-01", "2025-12-31")));
                try (PostgresExportJobs two = node(ds, pg, blobs, "node-2")) {
                    two.startWorking();
                    run(out, "two nodes, two jobs (days 1-100 and 101-365 of 2025: half of the documents each)",
                        List.of(one, two), entity,
                            List.of(request("2025-01-01", "2025-04-10"), request("2025-04-11", "2025-12-31")));
                }
            }
        } finally {
            try (var files = Files.walk(blobs)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(PrintStream out, String what, List<PostgresExportJobs> nodes, Entity entity,
            List<BulkExportRequest> requests) throws InterruptedException, IOException, SQLException {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        List<ExportJob> started = new java.util.ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            started.add(nodes.get(i % nodes.size()).start(ExportJobKind.PDF, entity, requests.get(i)));
        }
        int docs = 0;
        for (ExportJob job : started) {
            ExportJob done = await(nodes.get(0), entity, job.id());
            if (done.status() != ExportJobStatus.COMPLETED) {
                throw new IllegalStateException(job.id() + ": " + done.error());
            }
            Path zip = Path.of(URI.create(done.fileUrl()));
            try (ZipFile z = new ZipFile(zip.toFile())) {
                out.printf("  %s: %d entries, %d MB, exported %d, skipped %d%n", done.fileName(), z.size(),
                        Files.size(zip) >> 20, done.result().exported(), done.result().skipped());
            }
            docs += done.result().exported();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        out.printf("%s: %d documents in %.1f s, %.0f documents/s, heap peak %d MB%n", what, docs, secs, docs / secs,
                peak >> 20);
    }

    private static ExportJob await(PostgresExportJobs node, Entity entity, String id) throws InterruptedException {
        while (true) {
            ExportJob job = node.find(entity.id(), id).orElseThrow();
            if (job.status().isFinal()) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    private static BulkExportRequest request(String from, String to) {
        return BulkExportRequest.parse(null, List.of("invoice"), LocalDate.parse(from), LocalDate.parse(to), null,
                null);
    }

    private static PostgresExportJobs node(HikariDataSource ds, PostgresInvoicing pg, Path blobs, String name) {
        return PostgresExportJobs.builder(ds, DirectoryBlobStore.of(blobs), StoreDocuments.of(pg.documents()))
                .schema(PostgresListLoad.SCHEMA).nodeName(name).threads(1).pollingInterval(Duration.ofMillis(200))
                .archive(ExportJobKind.PDF, (bulk, e, r) -> bulk.startPdf(e, r, PdfRenderer.create()))
                .build();
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }
}
