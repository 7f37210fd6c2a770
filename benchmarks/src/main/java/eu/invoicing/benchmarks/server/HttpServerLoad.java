package eu.invoicing.benchmarks.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import eu.invoicing.benchmarks.postgres.BenchmarkPostgres;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
import eu.invoicing.postgres.PostgresInvoicing;
import eu.invoicing.server.InvoicingServer;
import eu.invoicing.server.ServerLimits;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP server under load on loopback: {@code clients} concurrent clients (JDK {@link HttpClient}, one
 * connection each) for {@code seconds} seconds, each in a loop creating a draft invoice
 * ({@code POST /invoices}), finalizing it ({@code POST /documents/{id}/finalize}) and, every fourth round,
 * listing the newest page ({@code GET /invoices?limit=20}). Counts every answer that is not the expected
 * status (and every exception) as an error, then walks every invoice by cursor and checks that the numbers
 * are 1..n without a gap or a duplicate, n being the finalizations answered 200. Prints throughput and the
 * p50/p99 latency of each operation. The machine may be shared: the load average is printed too.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar eu.invoicing.benchmarks.server.HttpServerLoad
 * [store=memory|postgres] [clients=64] [seconds=60]}. {@code postgres} starts zonky's embedded PostgreSQL
 * (default durability) with a pool of 16 connections.
 */
public final class HttpServerLoad {
    private static final String ITEM = "{\"is_draft\":true,\"items\":[{\"name\":\"Load\",\"quantity\":2,"
            + "\"price\":12.5,\"taxes\":[{\"rate\":22}]}]}";

    private HttpServerLoad() {
    }

    /** Latencies of one operation, in nanoseconds. Thread-confined until the run is over. */
    private static final class Latencies {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        static String summary(String name, List<Latencies> parts, double seconds) {
            int n = parts.stream().mapToInt(p -> p.size).sum();
            long[] all = new long[n];
            int at = 0;
            for (Latencies p : parts) {
                System.arraycopy(p.values, 0, all, at, p.size);
                at += p.size;
            }
            Arrays.sort(all);
            return String.format("%-9s %8d ops %8.1f ops/s  p50 %7.2f ms  p99 %7.2f ms  max %7.1f ms", name, n,
                    n / seconds, pct(all, 0.50), pct(all, 0.99), n == 0 ? 0 : all[n - 1] / 1e6);
        }

        private static double pct(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)]
                    / 1e6;
        }
    }

    /**
     * @param args {@code name=value}: {@code store}, {@code clients}, {@code seconds}
     * @throws Exception when the run cannot be set up
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("store", "memory", "clients", "64", "seconds", "60"));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            opts.put(kv[0], kv[1]);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int clients = Integer.parseInt(opts.get("clients"));
        int seconds = Integer.parseInt(opts.get("seconds"));
        Entity entity = Entity.sampleSlovenian();
        ServerLimits limits = ServerLimits.DEFAULTS.withRequestsPerMinute(100_000_000);
        BenchmarkPostgres pgServer = null;
        HikariDataSource ds = null;
        InvoicingServer.Builder b = InvoicingServer.builder().entity(entity).limits(limits);
        if (opts.get("store").equals("postgres")) {
            pgServer = BenchmarkPostgres.start();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(pgServer.server().getJdbcUrl("postgres", "postgres"));
            config.setMaximumPoolSize(16);
            ds = new HikariDataSource(config);
            PostgresInvoicing pg = PostgresInvoicing.builder(ds).schema("load").build();
            b.backend(pg.invoicing(), pg.documents());
        } else if (!opts.get("store").equals("memory")) {
            throw new IllegalArgumentException("store must be memory or postgres, was " + opts.get("store"));
        }
        InvoicingServer server = b.build().start();
        try {
            String key = server.keys().issue(List.of(entity.id())).secret();
            String base = "http://127.0.0.1:" + server.port();
            out.printf("store=%s clients=%d seconds=%d cores=%d load=%s%n", opts.get("store"), clients, seconds,
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            List<Latencies> creates = new ArrayList<>();
            List<Latencies> finals = new ArrayList<>();
            List<Latencies> lists = new ArrayList<>();
            AtomicLong errors = new AtomicLong();
            AtomicLong finalized = new AtomicLong();
            List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(clients);
            long warmEnd = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            long[] window = new long[2];
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Latencies cr = new Latencies();
                Latencies fi = new Latencies();
                Latencies li = new Latencies();
                creates.add(cr);
                finals.add(fi);
                lists.add(li);
                Thread t = new Thread(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    try {
                        long end = warmEnd + Duration.ofSeconds(seconds).toNanos();
                        for (int round = 0; System.nanoTime() < end; round++) {
                            boolean measured = System.nanoTime() >= warmEnd;
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = send(http, "POST", base + "/invoices", key, ITEM);
                            long t1 = System.nanoTime();
                            if (r == null || r.statusCode() != 201) {
                                error(errors, firstErrors, "create", r);
                                continue;
                            }
                            String id = InvoicingJson.parse(r.body()).get("id").asText();
                            r = send(http, "POST", base + "/documents/" + id + "/finalize", key, null);
                            long t2 = System.nanoTime();
                            if (r == null || r.statusCode() != 200) {
                                error(errors, firstErrors, "finalize", r);
                                continue;
                            }
                            finalized.incrementAndGet();
                            if (measured) {
                                cr.add(t1 - t0);
                                fi.add(t2 - t1);
                            }
                            if (round % 4 == 3) {
                                long t3 = System.nanoTime();
                                r = send(http, "GET", base + "/invoices?limit=20&include_total_count=false", key, null);
                                if (r == null || r.statusCode() != 200) {
                                    error(errors, firstErrors, "list", r);
                                } else if (measured) {
                                    li.add(System.nanoTime() - t3);
                                }
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                }, "client-" + c);
                threads.add(t);
            }
            threads.forEach(Thread::start);
            Thread.sleep(Math.max(0, (warmEnd - System.nanoTime()) / 1_000_000));
            window[0] = System.nanoTime();
            done.await();
            window[1] = System.nanoTime();
            double measuredSeconds = Math.min(seconds, (window[1] - window[0]) / 1e9);
            out.printf("measured %.1f s after a 5 s warm-up; load=%s%n", measuredSeconds, loadAverage());
            out.println(Latencies.summary("create", creates, measuredSeconds));
            out.println(Latencies.summary("finalize", finals, measuredSeconds));
            out.println(Latencies.summary("list", lists, measuredSeconds));
            out.printf("errors: %d%s%n", errors.get(), firstErrors.isEmpty() ? "" : " first: " + firstErrors);
            gaps(HttpClient.newHttpClient(), base, key, finalized.get(), out);
        } finally {
            server.stop();
            if (ds != null) {
                ds.close();
            }
            if (pgServer != null) {
                pgServer.close();
            }
        }
    }

    /** Walks every invoice by cursor: the numbers must be 1..finalized, each once. */
    private static void gaps(HttpClient http, String base, String key, long finalized, PrintStream out) {
        TreeSet<Long> numbers = new TreeSet<>();
        long documents = 0;
        long duplicates = 0;
        long drafts = 0;
        String cursor = null;
        do {
            String url = base + "/invoices?limit=100&include_total_count=false"
                    + (cursor == null ? "" : "&next_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = send(http, "GET", url, key, null);
            if (r == null || r.statusCode() != 200) {
                throw new IllegalStateException("the gap walk failed: " + (r == null ? "no answer" : r.body()));
            }
            JsonNode page = InvoicingJson.parse(r.body());
            for (JsonNode d : page.get("data")) {
                documents++;
                JsonNode n = d.get("number");
                if (n == null || n.isNull()) {
                    drafts++;
                    continue;
                }
                String s = n.asText();
                if (!numbers.add(Long.parseLong(s.substring(s.lastIndexOf('-') + 1)))) {
                    duplicates++;
                }
            }
            JsonNode next = page.get("pagination").get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        long missing = numbers.isEmpty() ? finalized : numbers.last() - numbers.size();
        boolean contiguous = numbers.isEmpty() || numbers.first() == 1 && numbers.last() == numbers.size();
        out.printf("invoices listed: %d (drafts %d); numbers %d, duplicates %d, gaps %d, contiguous 1..n %s,"
                + " equal to the finalizations answered (%d): %s%n", documents, drafts, numbers.size(), duplicates,
                missing, contiguous, finalized, numbers.size() == finalized);
    }

    private static void error(AtomicLong errors, List<String> first, String op, HttpResponse<String> r) {
        errors.incrementAndGet();
        if (first.size() < 5) {
            first.add(op + ": " + (r == null ? "exception" : r.statusCode() + " " + r.body()));
        }
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String key, String body) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + key);
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        try {
            return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }
}
