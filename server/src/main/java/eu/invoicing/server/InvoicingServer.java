package eu.invoicing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.json.ResponseJson;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.core.spi.ExchangeRateProvider;
import eu.invoicing.export.BulkExports;
import eu.invoicing.export.job.ExportJobManager;
import eu.invoicing.export.local.DirectoryBlobStore;
import eu.invoicing.export.local.ExecutorJobRunner;
import eu.invoicing.export.local.StoreDocuments;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference API over HTTP: every endpoint of the five reference documents on an {@link Invoicing} instance,
 * with API keys bound to entities, public share pages, limits, {@code /openapi.json} and {@code /health}
 * (docs/server.md). Built by {@link #builder()}, started by {@link #start()}, stopped gracefully by
 * {@link #stop()}: the port refuses new connections at once, requests already running finish and are answered
 * (up to {@link ServerLimits#shutdownGrace()}), export archives are deleted.
 *
 * <p>Thread-safe; one instance serves one port.
 */
public final class InvoicingServer implements AutoCloseable {
    private static final Logger ACCESS = LoggerFactory.getLogger("eu.invoicing.server.access");
    private static final Logger LOG = LoggerFactory.getLogger(InvoicingServer.class);
    private static final Pattern SHARE_TOKEN = Pattern.compile("/shareable/[^/]+");

    private final String host;
    private final int port;
    private final ServerLimits limits;
    private final ServerEntities entities;
    private final ApiKeys keys;
    private final Invoicing invoicing;
    private final ReferenceApi api;
    private final ExecutorJobRunner runner;
    private final RateLimiter rates;
    private final ExportArchives archives;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean draining;
    private boolean stopped;
    private boolean served;
    private volatile Javalin app;
    private ScheduledExecutorService sweeper;

    private InvoicingServer(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.limits = b.limits;
        this.entities = new ServerEntities(b.entityStore);
        b.entities.forEach(entities::put);
        DocumentStore store = b.backendStore != null ? b.backendStore : b.store;
        this.invoicing = b.backend != null ? b.backend
                : Invoicing.builder().store(store).clock(b.clock).exchangeRates(b.exchangeRates).build();
        Clock clock = invoicing.clock();
        this.keys = new ApiKeys(b.random, clock, b.keyStore);
        this.runner = ExecutorJobRunner.withThreads(2);
        this.archives = new ExportArchives(limits.exportRetention(), clock);
        ExportJobManager jobs = ExportJobManager.builder(runner, DirectoryBlobStore.of(archives.root()))
                .clock(clock).renderThreads(b.renderThreads).build();
        archives.manager(jobs);
        BulkExports bulk = BulkExports.of(jobs, StoreDocuments.of(store), clock);
        this.api = new ReferenceApi(invoicing, store, entities, keys, limits, bulk, archives, clock);
        this.rates = new RateLimiter(limits.requestsPerMinute(), System::nanoTime);
    }

    /** @return a builder with the defaults: in-memory store, system clock, port 0 (any free), loopback */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the key store (issue the first key of an entity here) */
    public ApiKeys keys() {
        return keys;
    }

    /** @return the entities served */
    public ServerEntities entities() {
        return entities;
    }

    /** @return the library instance the server works on */
    public Invoicing invoicing() {
        return invoicing;
    }

    /** @return every route, in registration order */
    public List<Route> routes() {
        return api.endpoints().stream().map(ReferenceApi.Endpoint::route).toList();
    }

    /**
     * Starts serving.
     *
     * @return this
     * @throws IllegalStateException if it was started or stopped before (a server is started once)
     * @throws io.javalin.util.JavalinException if the port cannot be bound (a {@link java.net.BindException}
     *     among its causes)
     */
    public synchronized InvoicingServer start() {
        if (app != null || stopped) {
            throw new IllegalStateException(stopped ? "stopped: a server is started once" : "already started");
        }
        ObjectNode openApi = OpenApi.document(routes());
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = limits.maxBodyBytes();
            // Jetty finishes the requests in flight when stopped (GracefulHandler), up to the grace period; the
            // connector stops accepting at once, so new connections are refused.
            config.jetty.modifyServer(server -> {
                server.setHandler(new ShutdownRejection());
                server.setStopTimeout(Math.max(1, limits.shutdownGrace().toMillis()));
            });
            config.jetty.modifyHttpConfiguration(h -> h.setIdleTimeout(limits.idleTimeout().toMillis()));
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                // The connection's own idle timeout: a client that opens a connection and sends nothing, or
                // stops half-way through a request, is cut off after it.
                connector.setIdleTimeout(limits.idleTimeout().toMillis());
                return connector;
            });
            config.requestLogger.http(this::logAccess);
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi.toString()));
            for (ReferenceApi.Endpoint e : api.endpoints()) {
                config.routes.addHttpHandler(HandlerType.findOrCreate(e.route().method()), e.route().path(),
                        ctx -> handle(ctx, e));
            }
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    write(ctx, 404, ResponseJson.error("not_found", "no such endpoint: " + ctx.method() + " "
                            + ctx.path(), List.of()));
                }
            });
            config.routes.error(405, "*", ctx -> write(ctx, 405, ResponseJson.error("method_not_allowed",
                    "method not allowed: " + ctx.method() + " " + ctx.path(), List.of())));
        });
        app.start();
        served = true;
        long every = Math.max(1000, Math.min(limits.exportRetention().toMillis(), 60_000));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "invoicing-export-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(archives::sweep, every, every, TimeUnit.MILLISECONDS);
        LOG.info("serving on http://{}:{}", host, port());
        return this;
    }

    /**
     * One event per request on the logger {@code eu.invoicing.server.access}, its fields as SLF4J key-value pairs
     * ({@code method, path, status, ms, key, entity, remote}: JSON encoders write them as fields, slf4j-simple as
     * {@code key=value}) and a short message {@code METHOD PATH STATUS} for backends that print only the message.
     * Never the key's secret, the query string or a share token.
     */
    private void logAccess(Context ctx, Float ms) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        String method = ctx.method().name();
        String path = SHARE_TOKEN.matcher(ctx.path()).replaceAll("/shareable/-");
        int status = ctx.status().getCode();
        long millis = Math.round(ms);
        String key = Optional.ofNullable(ctx.<String>attribute("key_id")).orElse("-");
        String entity = Optional.ofNullable(ctx.<String>attribute("entity_id")).orElse("-");
        String remote = ctx.ip();
        ACCESS.atInfo().addKeyValue("method", method).addKeyValue("path", path).addKeyValue("status", status)
                .addKeyValue("ms", millis).addKeyValue("key", key).addKeyValue("entity", entity)
                .addKeyValue("remote", remote)
                .log("{} {} {}", method, path, status);
    }

    /**
     * @return the port served (the one chosen when built with port 0)
     * @throws IllegalStateException before {@link #start()}
     */
    public int port() {
        Javalin a = app;
        if (a == null) {
            throw new IllegalStateException("not started");
        }
        return a.port();
    }

    private void handle(Context ctx, ReferenceApi.Endpoint e) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        if (draining) {
            write(ctx, 503, ResponseJson.error("shutting_down", "the server is shutting down", List.of()));
            return;
        }
        running.incrementAndGet();
        try {
            Call call = new Call(ctx, limits.maxBodyBytes());
            if (e.route().authenticated()) {
                authorize(ctx, call);
            }
            e.action().handle(call);
        } catch (InvoicingException x) {
            write(ctx, status(x), x instanceof HttpFailure h ? ResponseJson.error(h.type(), h.getMessage(),
                    h.violations()) : ResponseJson.error(x));
            if (x instanceof HttpFailure h && h.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            if (status(x) >= 500) {
                LOG.warn("{} {} failed", ctx.method(), ctx.path(), x);
            }
        } catch (IOException | RuntimeException x) {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), x);
            write(ctx, 500, ResponseJson.error("error", "internal error", List.of()));
        } finally {
            running.decrementAndGet();
        }
    }

    private void authorize(Context ctx, Call call) {
        String header = ctx.header("Authorization");
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        ApiKeys.ApiKey key = keys.authenticate(secret).orElseThrow(() -> new HttpFailure(401, "unauthorized",
                "a valid API key is required (Authorization: Bearer <key>)", List.of()));
        ctx.attribute("key_id", key.id());
        long wait = rates.acquire(key.id());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new HttpFailure(429, "rate_limited", "at most " + limits.requestsPerMinute()
                    + " requests per minute per API key; retry after " + wait + " s", List.of());
        }
        String entityId = ctx.header("entity_id");
        if (entityId == null) {
            entityId = ctx.header("x-entity-id");
        }
        if (entityId == null) {
            entityId = key.entityIds().get(0);
        } else if (!key.entityIds().contains(entityId)) {
            // Another key's entity answers as one that does not exist.
            throw new NotFoundException("no such entity");
        }
        Entity entity = entities.require(entityId);
        ctx.attribute("entity_id", entity.id());
        call.authorize(key, invoicing.entity(entity));
    }

    private static int status(InvoicingException x) {
        if (x instanceof HttpFailure h) {
            return h.status();
        }
        if (x instanceof ValidationException) {
            return 400;
        }
        if (x instanceof NotFoundException) {
            return 404;
        }
        if (x instanceof DocumentStateException) {
            return 409;
        }
        return 500;
    }

    private static void write(Context ctx, int status, ObjectNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    /**
     * Stops gracefully: the port stops accepting connections at once, requests on open connections get
     * {@code 503}, requests already running finish and are answered (up to the shutdown grace), then the export
     * workers stop and every export archive is deleted. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        draining = true;
        if (served) {
            LOG.info("stopping: refusing new connections, finishing {} running requests (at most {})", running.get(),
                    limits.shutdownGrace());
        }
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (app != null) {
            app.stop();
        }
        runner.close();
        archives.close();
        if (served) {
            LOG.info("stopped");
        }
    }

    /** @return how many requests are being handled right now (for tests of the graceful stop) */
    int runningRequests() {
        return running.get();
    }

    /** @return the directory export archives are written under (for tests of their cleanup) */
    java.nio.file.Path exportDirectory() {
        return archives.root();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Builds a server. Mutable, single-thread.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private ServerLimits limits = ServerLimits.DEFAULTS;
        private DocumentStore store = new InMemoryDocumentStore();
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private Invoicing backend;
        private ExchangeRateProvider exchangeRates;
        private DocumentStore backendStore;
        private final java.util.List<Entity> entities = new java.util.ArrayList<>();
        private ApiKeyStore keyStore = ApiKeyStore.inMemory();
        private EntityStore entityStore = EntityStore.inMemory();
        private int renderThreads = Math.min(256, Runtime.getRuntime().availableProcessors());

        private Builder() {
        }

        /**
         * @param v the address to listen on, not null (default loopback)
         * @return this
         */
        public Builder host(String v) {
            this.host = Objects.requireNonNull(v, "host");
            return this;
        }

        /**
         * @param v the port, 0 for any free one (default)
         * @return this
         */
        public Builder port(int v) {
            this.port = v;
            return this;
        }

        /**
         * @param v the limits, not null
         * @return this
         */
        public Builder limits(ServerLimits v) {
            this.limits = Objects.requireNonNull(v, "limits");
            return this;
        }

        /**
         * @param v where the rate of a foreign-currency document without {@code exchange_rate} comes from
         *     (e.g. {@code EcbExchangeRateProvider.create()}), nullable for none (such a document is refused);
         *     ignored with {@link #backend}, whose {@code Invoicing} has its own
         * @return this
         */
        public Builder exchangeRates(ExchangeRateProvider v) {
            this.exchangeRates = v;
            return this;
        }

        /**
         * @param v the threads each PDF / e-SLOG export job renders on, 1 to 256 (default: every core); the
         *     archive is written in order and is the same whatever the number
         * @return this
         * @throws IllegalArgumentException if {@code v} is out of range
         */
        public Builder exportRenderThreads(int v) {
            if (v < 1 || v > 256) {
                throw new IllegalArgumentException("exportRenderThreads must be 1 to 256, was " + v);
            }
            this.renderThreads = v;
            return this;
        }

        /**
         * @param v the document store, not null (default in memory)
         * @return this
         */
        public Builder store(DocumentStore v) {
            this.store = Objects.requireNonNull(v, "store");
            return this;
        }

        /**
         * Serves a library instance the host built, for example on PostgreSQL
         * ({@code backend(pg.invoicing(), pg.documents())}); {@link #store} and {@link #clock} are then ignored and
         * the instance's clock is used.
         *
         * @param invoicing the library instance, not null
         * @param store the document store it was built on (exports read documents from it), not null
         * @return this
         */
        public Builder backend(Invoicing invoicing, DocumentStore store) {
            this.backend = Objects.requireNonNull(invoicing, "invoicing");
            this.backendStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param v the clock, not null
         * @return this
         */
        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /**
         * @param v the source of API keys, not null
         * @return this
         */
        public Builder random(SecureRandom v) {
            this.random = Objects.requireNonNull(v, "random");
            return this;
        }

        /**
         * @param v an entity to serve (the first added is the default one), not null
         * @return this
         */
        public Builder entity(Entity v) {
            entities.add(Objects.requireNonNull(v, "entity"));
            return this;
        }

        /**
         * Keeps the API keys in a store of the host's, for example on PostgreSQL so that keys survive a restart.
         *
         * @param v the key store, not null (default in memory)
         * @return this
         */
        public Builder keyStore(ApiKeyStore v) {
            this.keyStore = Objects.requireNonNull(v, "keyStore");
            return this;
        }

        /**
         * Keeps the entities in a store of the host's; the entities already in it are served, then those given to
         * {@link #entity} are added (replacing a stored one with the same id).
         *
         * @param v the entity store, not null (default in memory)
         * @return this
         */
        public Builder entityStore(EntityStore v) {
            this.entityStore = Objects.requireNonNull(v, "entityStore");
            return this;
        }

        /** @return the server, not started */
        public InvoicingServer build() {
            return new InvoicingServer(this);
        }
    }


}
