package eu.invoicing.postgres.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.json.WireValues;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.export.BulkExportRequest;
import eu.invoicing.export.BulkExports;
import eu.invoicing.export.job.ExportJob;
import eu.invoicing.export.job.ExportJobKind;
import eu.invoicing.export.job.ExportJobManager;
import eu.invoicing.export.job.ExportJobResult;
import eu.invoicing.export.job.ExportJobStatus;
import eu.invoicing.export.job.SkippedDocument;
import eu.invoicing.export.spi.BlobStore;
import eu.invoicing.export.spi.BulkDocumentSource;
import eu.invoicing.export.spi.ExportSource;
import eu.invoicing.postgres.PostgresException;
import eu.invoicing.postgres.PostgresSchema;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk export jobs shared by every application node on one database: {@link #start} writes the job (its
 * entity and request as JSON) into {@code export_jobs} and queues it in db-scheduler's {@code scheduled_tasks};
 * whichever node's scheduler is free picks it (db-scheduler locks the row, so one node runs it), rebuilds the
 * request and writes the archive through the export module's {@link ExportJobManager} into the host's
 * {@link BlobStore}, publishing progress into the job row, which {@link #find} reads on any node.
 *
 * <p>A node that dies mid-job stops sending db-scheduler heartbeats; once a live node sees
 * {@link Builder#missedHeartbeats} of them missing, it runs the job again from the start. The archive is never
 * seen half-written: the blob store publishes it only on commit, and the run that died never committed. Every
 * run increments the row's {@code attempt}; a run writes progress and the outcome only while its attempt is the
 * latest, so a node presumed dead that comes back (a long pause) changes nothing and deletes the archive it
 * committed too late. A job that ended ({@code completed} or {@code failed}) is never run again.
 *
 * <p>The job library is db-scheduler: one small jar (plus cron-utils and the SLF4J API), one table, plain JDBC on
 * the host's {@link DataSource}, no server of its own, no bytecode tricks, heartbeats and dead-execution revival
 * built in — the smallest of the PostgreSQL-backed job libraries that keep a job alive across a dead node.
 *
 * <p>Thread-safe. {@link #close} stops this node's scheduler (jobs it runs are given the shutdown wait to end,
 * after which another node takes them over as above).
 */
public final class PostgresExportJobs implements AutoCloseable {
    /** The db-scheduler task name of export jobs. */
    public static final String TASK_NAME = "invoicing-export";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresExportJobs.class);
    private static final String ID_PREFIX = "expjob_";
    private static final int ID_BYTES = 12;

    /**
     * Starts an archive on the export module's jobs, the way the host wants that kind made (e.g.
     * {@code (bulk, entity, request) -> bulk.startPdf(entity, request, PdfRenderer.create())}). Called on the
     * node that runs the job; the job runs in the calling thread, so the call returns when it has ended.
     */
    @FunctionalInterface
    public interface ArchiveStart {
        /**
         * @param bulk the bulk exports of this run, not null
         * @param entity the job's entity, not null
         * @param request the job's selection, not null
         * @return the job's snapshot as the export module returns it
         */
        ExportJob start(BulkExports bulk, Entity entity, BulkExportRequest request);
    }

    private final DataSource dataSource;
    private final PostgresSchema schema;
    private final String table;
    private final BlobStore blobs;
    private final BulkDocumentSource documents;
    private final Map<ExportJobKind, ArchiveStart> archives;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String node;
    private final Duration progressInterval;
    private final ScheduledExecutorService progress;
    private final OneTimeTask<Void> task;
    private final Scheduler scheduler;

    private PostgresExportJobs(Builder b) {
        this.dataSource = b.dataSource;
        this.schema = b.schema;
        this.table = "\"" + schema.name() + "\".export_jobs";
        this.blobs = b.blobs;
        this.documents = b.documents;
        this.archives = new EnumMap<>(b.archives);
        this.clock = b.clock;
        this.node = b.node;
        this.progressInterval = b.progressInterval;
        this.progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "invoicing-export-progress");
            t.setDaemon(true);
            return t;
        });
        this.task = Tasks.oneTime(TASK_NAME)
                // A run that throws (the database went away under it) is tried again a few times, then left.
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(b.retries,
                        new FailureHandler.OnFailureRetryLater<>(b.retryDelay)))
                .execute((instance, context) -> run(instance.getId()));
        this.scheduler = Scheduler.create(dataSource, task)
                .tableName(schema.name() + ".scheduled_tasks")
                .schedulerName(new SchedulerName.Fixed(node))
                .threads(b.threads)
                .pollingInterval(b.pollingInterval)
                .heartbeatInterval(b.heartbeatInterval)
                .missedHeartbeatsLimit(b.missedHeartbeats)
                .shutdownMaxWait(b.shutdownWait)
                .enableImmediateExecution()
                .build();
    }

    /**
     * @param dataSource the database, not null; the schema must be migrated ({@link PostgresSchema#migrate})
     * @param blobs where archives are written, not null; shared by the nodes (their URLs are handed out by any
     *     node)
     * @param documents where the documents are read from, not null (usually the export module's
     *     {@code StoreDocuments.of(pg.documents())}, which pages through the PostgreSQL store)
     * @return a builder
     */
    public static Builder builder(DataSource dataSource, BlobStore blobs, BulkDocumentSource documents) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(blobs, "blobs"),
                Objects.requireNonNull(documents, "documents"));
    }

    /** @return the name this node's scheduler runs under (db-scheduler's {@code picked_by}) */
    public String nodeName() {
        return node;
    }

    /**
     * Queues a job; any node runs it.
     *
     * @param kind what the archive holds, not null; a kind this instance has an {@link ArchiveStart} for
     * @param entity the entity whose documents are exported, not null
     * @param request the selection, not null
     * @return the job, {@code queued}, its {@code total_docs} counted now
     * @throws ValidationException (path {@code kind}) for a kind no {@link ArchiveStart} was given for
     * @throws PostgresException when the job cannot be stored or queued
     */
    public ExportJob start(ExportJobKind kind, Entity entity, BulkExportRequest request) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(request, "request");
        if (!archives.containsKey(kind)) {
            throw ValidationException.of("kind", "unsupported", "no archive is configured for "
                    + kind.wireValue() + " jobs on this node");
        }
        String id = newId();
        ExportJob queued = new ExportJob(id, kind, ExportJobStatus.QUEUED, 0, total(entity, request),
                fileName(kind, entity, request), null, null, ExportJobResult.EMPTY);
        Timestamp now = Timestamp.from(clock.instant());
        sql("storing export job " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("insert into " + table + " (id, entity_id, kind, status, "
                    + "progress, total_docs, file_name, entity, request, created_at, updated_at) "
                    + "values (?, ?, ?, ?, 0, ?, ?, ?::json, ?::jsonb, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, entity.id());
                s.setString(3, kind.wireValue());
                s.setString(4, ExportJobStatus.QUEUED.wireValue());
                s.setInt(5, queued.totalDocs());
                s.setString(6, queued.fileName());
                s.setString(7, InvoicingJson.writeEntity(entity));
                s.setString(8, requestJson(request).toString());
                s.setTimestamp(9, now);
                s.setTimestamp(10, now);
                s.executeUpdate();
            }
            return null;
        });
        try {
            scheduler.scheduleIfNotExists(task.instance(id), clock.instant());
        } catch (RuntimeException e) {
            finish(id, -1, new ExportJob(id, kind, ExportJobStatus.FAILED, 0, queued.totalDocs(), queued.fileName(),
                    null, "could not queue the job: " + e.getMessage(), ExportJobResult.EMPTY));
            throw new PostgresException("queueing export job " + id + " failed: " + e.getMessage(), e);
        }
        return queued;
    }

    /**
     * The job as last written by the node running it.
     *
     * @param entityId the entity the job belongs to, not null
     * @param jobId the job id, not null
     * @return the job, or empty when the entity has no such job
     * @throws PostgresException when the job cannot be read
     */
    public Optional<ExportJob> find(String entityId, String jobId) {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(jobId, "jobId");
        return sql("reading export job " + jobId, c -> {
            try (PreparedStatement s = c.prepareStatement("select id, kind, status, progress, total_docs, file_name, "
                    + "file_url, error, exported, skipped_documents::text from " + table
                    + " where entity_id = ? and id = ?")) {
                s.setString(1, entityId);
                s.setString(2, jobId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    ExportJobKind kind = kind(r.getString(2));
                    ExportJobStatus status = status(r.getString(3));
                    List<SkippedDocument> skipped = new ArrayList<>();
                    for (JsonNode n : InvoicingJson.parse(r.getString(10))) {
                        skipped.add(new SkippedDocument(n.get("document_id").asText(),
                                n.get("number").isNull() ? null : n.get("number").asText(), n.get("reason").asText()));
                    }
                    return Optional.of(new ExportJob(r.getString(1), kind, status, r.getInt(4), r.getInt(5),
                            r.getString(6), r.getString(7), r.getString(8), ExportJobResult.of(r.getInt(9), skipped)));
                }
            }
        });
    }

    /** Starts this node's scheduler: from now on it runs queued jobs. */
    public void startWorking() {
        scheduler.start();
    }

    /** Stops this node's scheduler, waiting up to the shutdown wait for the jobs it runs. */
    @Override
    public void close() {
        scheduler.stop();
        progress.shutdownNow();
    }

    private void run(String id) {
        Optional<Job> claimed = claim(id);
        if (claimed.isEmpty()) {
            return;
        }
        Job job = claimed.get();
        ArchiveStart archive = archives.get(job.kind);
        if (archive == null) {
            finish(id, job.attempt, new ExportJob(id, job.kind, ExportJobStatus.FAILED, 0, 0, job.fileName, null,
                    "node " + node + " has no archive configured for " + job.kind.wireValue() + " jobs",
                    ExportJobResult.EMPTY));
            return;
        }
        AtomicReference<String> localId = new AtomicReference<>();
        AtomicReference<ExportJobManager> manager = new AtomicReference<>();
        // The manager runs the job in this thread; a timer copies its snapshots into the row meanwhile.
        ExportJobManager jobs = ExportJobManager.builder((jobId, work) -> {
            localId.set(jobId);
            ScheduledFuture<?> publishing = progress.scheduleWithFixedDelay(
                    () -> publish(id, job.attempt, manager.get(), localId.get()), progressInterval.toMillis(),
                    progressInterval.toMillis(), TimeUnit.MILLISECONDS);
            try {
                work.run();
            } finally {
                publishing.cancel(false);
            }
        }, blobs).clock(clock).build();
        manager.set(jobs);
        ExportJob last = archive.start(BulkExports.of(jobs, documents, clock), job.entity, job.request);
        ExportJob done = jobs.find(last.id()).orElse(last);
        ExportJob ours = new ExportJob(id, done.kind(), done.status(), done.progress(), done.totalDocs(),
                done.fileName(), done.fileUrl(), done.error(), done.result());
        if (!finish(id, job.attempt, ours) && done.status() == ExportJobStatus.COMPLETED) {
            // A later run owns the job: this run's archive is nobody's.
            try {
                blobs.delete(done.id() + "/" + done.fileName());
            } catch (IOException | RuntimeException e) {
                LOG.warn("export job {}: could not delete the archive of a superseded run: {}", id, e.toString());
            }
        }
    }

    /** Takes the job for a new run (attempt + 1), unless it has ended. */
    private Optional<Job> claim(String id) {
        return sql("claiming export job " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("update " + table + " set attempt = attempt + 1, status = ?, "
                    + "run_by = ?, updated_at = ? where id = ? and status in (?, ?) "
                    + "returning attempt, kind, file_name, entity::text, request::text")) {
                s.setString(1, ExportJobStatus.PROCESSING.wireValue());
                s.setString(2, node);
                s.setTimestamp(3, Timestamp.from(clock.instant()));
                s.setString(4, id);
                s.setString(5, ExportJobStatus.QUEUED.wireValue());
                s.setString(6, ExportJobStatus.PROCESSING.wireValue());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Job(r.getInt(1),
                            kind(r.getString(2)), r.getString(3),
                            InvoicingJson.readEntity(r.getString(4)), parseRequest(r.getString(5))));
                }
            }
        });
    }

    private void publish(String id, int attempt, ExportJobManager jobs, String localId) {
        if (jobs == null || localId == null) {
            return;
        }
        try {
            jobs.find(localId).filter(s -> !s.status().isFinal()).ifPresent(s -> sql("progress of " + id, c -> {
                try (PreparedStatement st = c.prepareStatement("update " + table + " set progress = ?, total_docs = ?, "
                        + "exported = ?, updated_at = ? where id = ? and attempt = ? and status = ?")) {
                    st.setInt(1, s.progress());
                    st.setInt(2, s.totalDocs());
                    st.setInt(3, s.result().exported());
                    st.setTimestamp(4, Timestamp.from(clock.instant()));
                    st.setString(5, id);
                    st.setInt(6, attempt);
                    st.setString(7, ExportJobStatus.PROCESSING.wireValue());
                    return st.executeUpdate();
                }
            }));
        } catch (RuntimeException e) {
            // Progress is advisory: the outcome is written at the end.
            LOG.debug("export job {}: progress not written: {}", id, e.toString());
        }
    }

    /** Writes the outcome if {@code attempt} is the latest run (or, with -1, whatever run); true if written. */
    private boolean finish(String id, int attempt, ExportJob outcome) {
        ArrayNode skipped = JsonNodeFactory.instance.arrayNode();
        for (SkippedDocument d : outcome.result().skippedDocuments()) {
            skipped.addObject().put("document_id", d.documentId()).put("number", d.number()).put("reason", d.reason());
        }
        int rows = sql("finishing export job " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("update " + table + " set status = ?, progress = ?, "
                    + "total_docs = ?, file_url = ?, error = ?, exported = ?, skipped_documents = ?::jsonb, "
                    + "updated_at = ? where id = ? and (attempt = ? or ? = -1)")) {
                s.setString(1, outcome.status().wireValue());
                s.setInt(2, outcome.progress());
                s.setInt(3, outcome.totalDocs());
                s.setString(4, outcome.fileUrl());
                s.setString(5, outcome.error());
                s.setInt(6, outcome.result().exported());
                s.setString(7, skipped.toString());
                s.setTimestamp(8, Timestamp.from(clock.instant()));
                s.setString(9, id);
                s.setInt(10, attempt);
                s.setInt(11, attempt);
                return s.executeUpdate();
            }
        });
        return rows == 1;
    }

    private int total(Entity entity, BulkExportRequest request) {
        if (request.byIds()) {
            List<DocumentId> ids = List.copyOf(new LinkedHashSet<>(request.documentIds()));
            return ids.size();
        }
        ExportSource<?> source = documents.byKinds(entity.id(), request.types(), request.period());
        return source.size();
    }

    /** The name {@link BulkExports} gives the archive. */
    private String fileName(ExportJobKind kind, Entity entity, BulkExportRequest request) {
        String what = kind == ExportJobKind.ESLOG ? "eslog" : "documents";
        String dates = request.byIds() ? LocalDate.now(clock).toString()
                : request.period().from() + "_" + request.period().to();
        return BulkExports.slug(entity.name()) + "_" + what + "_" + dates + ".zip";
    }

    private static ObjectNode requestJson(BulkExportRequest r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode ids = o.putArray("document_ids");
        r.documentIds().forEach(id -> ids.add(id.value()));
        ArrayNode types = o.putArray("types");
        r.types().forEach(t -> types.add(WireValues.of(t)));
        o.put("date_from", r.period() == null ? null : r.period().from().toString());
        o.put("date_to", r.period() == null ? null : r.period().to().toString());
        o.put("locale", r.locale());
        o.put("language", r.language());
        return o;
    }

    private static BulkExportRequest parseRequest(String json) {
        JsonNode o = InvoicingJson.parse(json);
        List<String> ids = new ArrayList<>();
        o.get("document_ids").forEach(n -> ids.add(n.asText()));
        List<String> types = new ArrayList<>();
        o.get("types").forEach(n -> types.add(n.asText()));
        return BulkExportRequest.parse(ids.isEmpty() ? null : ids, types.isEmpty() ? null : types,
                date(o.get("date_from")), date(o.get("date_to")), text(o.get("locale")), text(o.get("language")));
    }

    private static ExportJobKind kind(String wire) {
        for (ExportJobKind k : ExportJobKind.values()) {
            if (k.wireValue().equals(wire)) {
                return k;
            }
        }
        throw new PostgresException("export_jobs.kind: unknown kind \"" + wire + "\"", null);
    }

    private static ExportJobStatus status(String wire) {
        for (ExportJobStatus v : ExportJobStatus.values()) {
            if (v.wireValue().equals(wire)) {
                return v;
            }
        }
        throw new PostgresException("export_jobs.status: unknown status \"" + wire + "\"", null);
    }

    private static LocalDate date(JsonNode n) {
        return n == null || n.isNull() ? null : LocalDate.parse(n.asText());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return ID_PREFIX + HexFormat.of().formatHex(bytes);
    }

    private <T> T sql(String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new PostgresException(what + " failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private record Job(int attempt, ExportJobKind kind, String fileName, Entity entity, BulkExportRequest request) {
    }

    /**
     * Mutable, single-thread builder of {@link PostgresExportJobs}. The defaults suit production (heartbeats
     * every 30 s, a job taken over after 4 missed ones, the queue polled every 5 s, new jobs of this node run
     * at once); tests shorten them.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private final BlobStore blobs;
        private final BulkDocumentSource documents;
        private final Map<ExportJobKind, ArchiveStart> archives = new EnumMap<>(ExportJobKind.class);
        private PostgresSchema schema = PostgresSchema.defaultSchema();
        private Clock clock = Clock.systemUTC();
        private String node = "invoicing-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
        private int threads = 2;
        private Duration pollingInterval = Duration.ofSeconds(5);
        private Duration heartbeatInterval = Duration.ofSeconds(30);
        private int missedHeartbeats = 4;
        private Duration shutdownWait = Duration.ofSeconds(30);
        private Duration progressInterval = Duration.ofSeconds(1);
        private Duration retryDelay = Duration.ofSeconds(30);
        private int retries = 3;

        private Builder(DataSource dataSource, BlobStore blobs, BulkDocumentSource documents) {
            this.dataSource = dataSource;
            this.blobs = blobs;
            this.documents = documents;
        }

        /**
         * @param kind the kind, not null
         * @param start how this node makes archives of that kind, not null
         * @return this builder
         */
        public Builder archive(ExportJobKind kind, ArchiveStart start) {
            archives.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(start, "start"));
            return this;
        }

        /**
         * @param name the schema the tables live in ({@link PostgresSchema#named}), not null; default
         *     {@value PostgresSchema#DEFAULT_NAME}
         * @return this builder
         * @throws ValidationException for a name that is not a lowercase identifier
         */
        public Builder schema(String name) {
            this.schema = PostgresSchema.named(name);
            return this;
        }

        /**
         * @param v the clock of job times and archive entry times, not null; default UTC
         * @return this builder
         */
        public Builder clock(Clock v) {
            this.clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /**
         * @param v this node's name, unique among the nodes, not null; default from the process id
         * @return this builder
         */
        public Builder nodeName(String v) {
            this.node = Objects.requireNonNull(v, "nodeName");
            return this;
        }

        /**
         * @param v how many jobs this node runs at once, at least 1; default 2
         * @return this builder
         */
        public Builder threads(int v) {
            if (v < 1) {
                throw ValidationException.of("threads", "out_of_range", "must be at least 1, was " + v);
            }
            this.threads = v;
            return this;
        }

        /**
         * @param v how often the queue is polled, not null; default 5 s
         * @return this builder
         */
        public Builder pollingInterval(Duration v) {
            this.pollingInterval = Objects.requireNonNull(v, "pollingInterval");
            return this;
        }

        /**
         * @param v how often a running job's node says it is alive, not null; default 30 s
         * @return this builder
         */
        public Builder heartbeatInterval(Duration v) {
            this.heartbeatInterval = Objects.requireNonNull(v, "heartbeatInterval");
            return this;
        }

        /**
         * @param v after how many missed heartbeats another node takes a job over, at least 4 (db-scheduler's
         *     floor); default 4
         * @return this builder
         */
        public Builder missedHeartbeats(int v) {
            if (v < 4) {
                throw ValidationException.of("missed_heartbeats", "out_of_range", "must be at least 4, was " + v);
            }
            this.missedHeartbeats = v;
            return this;
        }

        /**
         * @param v how long {@link #close} waits for running jobs, not null; default 30 s
         * @return this builder
         */
        public Builder shutdownWait(Duration v) {
            this.shutdownWait = Objects.requireNonNull(v, "shutdownWait");
            return this;
        }

        /**
         * @param v how often a running job's progress is written, not null; default 1 s
         * @return this builder
         */
        public Builder progressInterval(Duration v) {
            this.progressInterval = Objects.requireNonNull(v, "progressInterval");
            return this;
        }

        /**
         * @return the jobs of this node; call {@link PostgresExportJobs#startWorking} to run queued jobs here
         */
        public PostgresExportJobs build() {
            return new PostgresExportJobs(this);
        }
    }
}
