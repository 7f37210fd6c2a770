package eu.invoicing.benchmarks.server;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.model.Entity;
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
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load program for {@link InvoicingServer} on loopback: {@code C} concurrent clients (JDK HTTP client) for
 * {@code S} seconds, each creating a draft invoice, finalizing it and, every tenth round, listing a page. It counts
 * errors (any answer but 2xx, any exception), then walks every invoice by cursor and checks that the finalized
 * numbers have no gap and no duplicate, and prints throughput and p50/p99 latency per operation.
 *
 * <p>Usage: {@code java -cp benchmarks.jar eu.invoicing.benchmarks.server.ServerLoad [clients=64] [seconds=60]}.
 * Exits 1 when there was an error or a gap. Not a library type: a program, single use.
 */
public final class ServerLoad {
    private static final PrintStream OUT = System.out;

    private ServerLoad() {
    }

    /** One client's record: latencies in nanoseconds per operation, and its error count. */
    private static final class Client {
        final List<Long> create = new ArrayList<>();
        final List<Long> finalize = new ArrayList<>();
        final List<Long> list = new ArrayList<>();
        long errors;
    }

    /**
     * @param args clients and seconds, both optional
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Entity entity = Entity.sampleSlovenian();
        // The rate limit is per key and meant for untrusted callers; a load test measures the server itself.
        InvoicingServer server = InvoicingServer.builder().entity(entity)
                .limits(ServerLimits.DEFAULTS.withRequestsPerMinute(Integer.MAX_VALUE)).build().start();
        String key = server.keys().issue(List.of(entity.id())).secret();
        String base = "http://127.0.0.1:" + server.port();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(10)).build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong exceptions = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Client>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Client me = new Client();
                int round = 0;
                while (System.nanoTime() < end) {
                    try {
                        long t0 = System.nanoTime();
                        HttpResponse<String> created = send(http, base, key, "POST", "/invoices",
                                "{\"is_draft\":true,\"customer\":{\"name\":\"Client " + client + "\"},\"items\":["
                                        + "{\"name\":\"Work\",\"quantity\":" + (1 + round % 7) + ",\"price\":19.99,"
                                        + "\"taxes\":[{\"rate\":22}]}]}");
                        long t1 = System.nanoTime();
                        me.create.add(t1 - t0);
                        if (created.statusCode() != 201) {
                            me.errors++;
                            continue;
                        }
                        String id = InvoicingJson.parse(created.body()).get("id").asText();
                        HttpResponse<String> fin = send(http, base, key, "POST", "/documents/" + id + "/finalize",
                                null);
                        long t2 = System.nanoTime();
                        me.finalize.add(t2 - t1);
                        if (fin.statusCode() != 200) {
                            me.errors++;
                        }
                        if (round % 10 == 0) {
                            HttpResponse<String> page = send(http, base, key, "GET",
                                    "/invoices?limit=20&order_by=-created_at", null);
                            me.list.add(System.nanoTime() - t2);
                            if (page.statusCode() != 200) {
                                me.errors++;
                            }
                        }
                    } catch (Exception e) {
                        exceptions.incrementAndGet();
                        me.errors++;
                    }
                    round++;
                }
                return me;
            }));
        }
        List<Long> create = new ArrayList<>();
        List<Long> finalize = new ArrayList<>();
        List<Long> list = new ArrayList<>();
        long errors = 0;
        for (Future<Client> f : futures) {
            Client c = f.get();
            create.addAll(c.create);
            finalize.addAll(c.finalize);
            list.addAll(c.list);
            errors += c.errors;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();

        // Every finalized number, walked by cursor: 1..n with no gap and no duplicate.
        TreeSet<Integer> numbers = new TreeSet<>();
        int duplicates = 0;
        String cursor = null;
        do {
            HttpResponse<String> page = send(http, base, key, "GET", "/invoices?limit=100" + (cursor == null ? ""
                    : "&next_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null);
            JsonNode p = InvoicingJson.parse(page.body());
            for (JsonNode d : p.get("data")) {
                String n = d.path("number").asText("");
                if (!n.isEmpty() && !numbers.add(Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)))) {
                    duplicates++;
                }
            }
            JsonNode next = p.get("pagination").get("next_cursor");
            cursor = next.isNull() ? null : next.asText();
        } while (cursor != null);
        int gaps = numbers.isEmpty() ? 0 : numbers.last() - numbers.first() + 1 - numbers.size();
        server.stop();

        long requests = create.size() + finalize.size() + list.size();
        OUT.printf("clients %d, %.1f s, %d requests, %.0f requests/s, %d invoices finalized (%.0f/s)%n", clients,
                elapsed, requests, requests / elapsed, numbers.size(), numbers.size() / elapsed);
        OUT.printf("errors %d (exceptions %d), number gaps %d, duplicates %d, first %s last %s%n", errors,
                exceptions.get(), gaps, duplicates, numbers.isEmpty() ? "-" : numbers.first(),
                numbers.isEmpty() ? "-" : numbers.last());
        print("create", create);
        print("finalize", finalize);
        print("list", list);
        System.exit(errors == 0 && gaps == 0 && duplicates == 0 ? 0 : 1);
    }

    private static void print(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            OUT.printf("%-8s no requests%n", what);
            return;
        }
        OUT.printf("%-8s n=%d p50 %.2f ms p99 %.2f ms max %.2f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static HttpResponse<String> send(HttpClient http, String base, String key, String method, String path,
                                             String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + key);
        if (body != null) {
            r.header("Content-Type", "application/json");
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
