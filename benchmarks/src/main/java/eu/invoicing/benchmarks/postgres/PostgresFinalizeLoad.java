package eu.invoicing.benchmarks.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.Entity;
import eu.invoicing.postgres.PostgresInvoicing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finalize throughput of several JVMs against one database, ours next to the floor (see
 * {@link FinalizeWorkload}): a load program, as JMH runs one JVM. The parent starts a throwaway server, migrates,
 * then per side starts {@code processes} JVMs of {@code threads} threads each, which, 30 s after being started (to
 * set up), create final invoices of one entity (one sequence) for {@code warmup} seconds, then count those of the next {@code seconds} seconds; it sums
 * them, checks that the side's numbers are exactly 1..N (no gap, no duplicate) and, with {@code stats=true},
 * prints what the server spent per statement ({@code pg_stat_statements}, reset before each side).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar eu.invoicing.benchmarks.postgres.PostgresFinalizeLoad
 * [processes=2] [threads=4] [warmup=5] [seconds=10] [stats=false] [sides=ours,floor]}.
 */
public final class PostgresFinalizeLoad {
    private static final String SCHEMA = "bench";

    private PostgresFinalizeLoad() {
    }

    /**
     * @param args {@code name=value} overrides, or {@code child SIDE URL THREADS START_MILLIS END_MILLIS} in a child
     * @throws Exception when the database or a child fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]), Long.parseLong(args[5]));
            return;
        }
        Map<String, String> o = new LinkedHashMap<>(Map.of("processes", "2", "threads", "4", "warmup", "5",
                "seconds", "10", "stats", "false", "sides", "ours,floor"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            o.put(kv[0], kv[1]);
        }
        boolean stats = Boolean.parseBoolean(o.get("stats"));
        try (BenchmarkPostgres server = BenchmarkPostgres.start(stats)) {
            String url = server.server().getJdbcUrl("postgres", "postgres");
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(2);
            try (HikariDataSource ds = new HikariDataSource(config)) {
                PostgresInvoicing.builder(ds).schema(SCHEMA).build();
                FinalizeWorkload.createFloorTables(ds);
                if (stats) {
                    run(ds, "create extension pg_stat_statements");
                }
                System.out.println("processes=" + o.get("processes") + " threads=" + o.get("threads") + " warmup="
                        + o.get("warmup") + "s seconds=" + o.get("seconds") + "s");
                for (String side : o.get("sides").split(",")) {
                    if (stats) {
                        run(ds, "select pg_stat_statements_reset()");
                    }
                    // The children's JVMs start and set up within the first 30 s (a child that is not ready by then fails).
                    long start = System.currentTimeMillis() + 30_000 + Long.parseLong(o.get("warmup")) * 1000;
                    long end = start + Long.parseLong(o.get("seconds")) * 1000;
                    long[] serverCpu = new long[2];
                    Thread sampler = new Thread(() -> {
                        serverCpu[0] = serverCpuAt(server, start);
                        serverCpu[1] = serverCpuAt(server, end);
                    });
                    sampler.start();
                    long[] ops = children(side, url, Integer.parseInt(o.get("processes")), o.get("threads"), start, end);
                    sampler.join();
                    System.out.printf("%s: %d creates in %s s = %.0f ops/s; CPU per create: client %.0f µs, server %.0f µs;"
                            + " numbers %s%n", side, ops[0], o.get("seconds"), ops[0] / Double.parseDouble(o.get("seconds")),
                            ops[1] / 1000.0 / ops[0], (serverCpu[1] - serverCpu[0]) * 1000.0 / ops[0], check(ds, side));
                    if (stats) {
                        printStats(ds);
                    }
                }
            }
        }
    }

    /**
     * Sleeps until {@code at}, then sums the CPU time (user and system, of those that have ended too; milliseconds, from clock ticks at 100 Hz)
     * of the server's postmaster and its children from /proc, or -1 where /proc is not readable.
     */
    private static long serverCpuAt(BenchmarkPostgres server, long at) {
        try {
            Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
            long postmaster = server.postmasterPid();
            long ticks = 0;
            try (var dirs = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc"), "[0-9]*")) {
                for (java.nio.file.Path d : dirs) {
                    String stat;
                    try {
                        stat = java.nio.file.Files.readString(d.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(d.getFileName().toString());
                    if (pid == postmaster) {
                        // its own time and that of its children that have ended (cutime, cstime)
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                                + Long.parseLong(f[14]);
                    } else if (Long.parseLong(f[1]) == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
            return ticks * 10;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }

    private static long[] children(String side, String url, int processes, String threads, long start, long end)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            ps.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    PostgresFinalizeLoad.class.getName(), "child", side, url, threads, Long.toString(start),
                    Long.toString(end)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        long total = 0;
        long cpu = 0;
        for (Process p : ps) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("ops ")) {
                        total += Long.parseLong(line.substring(4));
                    } else if (line.startsWith("cpu ")) {
                        cpu += Long.parseLong(line.substring(4));
                    }
                }
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException("a child failed: " + p.exitValue());
            }
        }
        return new long[] {total, cpu};
    }

    /** One JVM: {@code threads} threads create until {@code end}, counting those that ended in [start, end). */
    private static void child(String side, String url, int threads, long start, long end) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(threads);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            Entity entity = Entity.sampleSlovenian();
            EntityDocuments docs = PostgresInvoicing.builder(ds).schema(SCHEMA).migrate(false).build().invoicing()
                    .entity(entity);
            DocumentDraft draft = FinalizeWorkload.draft();
            String body = InvoicingJson.writeDocument(docs.create(draft).toBuilder().number(null).build());
            if (System.currentTimeMillis() > start - 1000) {
                throw new IllegalStateException("set up too late for the measurement to start");
            }
            AtomicLong counted = new AtomicLong();
            List<Thread> ts = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread th = new Thread(() -> {
                    try {
                        long now;
                        while ((now = System.currentTimeMillis()) < end) {
                            if (side.equals("ours")) {
                                docs.create(draft);
                            } else {
                                FinalizeWorkload.floorCreateFinal(ds, entity.id(), "inv_" + UUID.randomUUID(), body);
                            }
                            long done = System.currentTimeMillis();
                            if (now >= start && done < end) {
                                counted.incrementAndGet();
                            }
                        }
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                });
                th.start();
                ts.add(th);
            }
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            Thread.sleep(Math.max(0, start - System.currentTimeMillis()));
            long cpuStart = os.getProcessCpuTime();
            Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
            long cpuEnd = os.getProcessCpuTime();
            for (Thread th : ts) {
                th.join();
            }
            if (!failures.isEmpty()) {
                failures.get(0).printStackTrace();
                System.exit(1);
            }
            System.out.println("ops " + counted.get());
            System.out.println("cpu " + (cpuEnd - cpuStart));
        }
    }

    /** @return whether the side's numbers are exactly 1..N */
    private static String check(HikariDataSource ds, String side) throws SQLException {
        String sql = side.equals("ours")
                ? "select count(*), count(distinct body->>'number'), (select sum(last_value) from " + SCHEMA
                        + ".number_sequences) from " + SCHEMA + ".documents where kind = 'INVOICE' and body->>'number' is not null"
                : "select count(*), count(distinct number), max(number) from floor_documents";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            long n = r.getLong(1);
            boolean ok = n == r.getLong(2) && n == r.getLong(3);
            return (ok ? "1.." + n + ", no gap, no duplicate" : "NOT 1..N: " + n + " rows, " + r.getLong(2)
                    + " distinct, last " + r.getLong(3));
        }
    }

    private static void printStats(HikariDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select calls, round(total_exec_time::numeric, 1), "
                        + "round(mean_exec_time::numeric, 4), left(regexp_replace(query, '\\s+', ' ', 'g'), 110) "
                        + "from pg_stat_statements where calls > 100 order by total_exec_time desc limit 12")) {
            System.out.println("  calls | total ms | mean ms | statement");
            while (r.next()) {
                System.out.printf("  %d | %s | %s | %s%n", r.getLong(1), r.getString(2), r.getString(3), r.getString(4));
            }
        }
    }

    private static void run(HikariDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
