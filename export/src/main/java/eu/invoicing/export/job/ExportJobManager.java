package eu.invoicing.export.job;

import eu.invoicing.export.safety.ZipEntryNamer;
import eu.invoicing.export.spi.BlobStore;
import eu.invoicing.export.spi.JobRunner;
import eu.invoicing.export.spi.PendingBlob;
import eu.invoicing.export.spi.StoredBlob;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Starts bulk export jobs, runs them on a {@link JobRunner}, streams each job's ZIP archive into
 * a {@link BlobStore}, and answers status polls.
 *
 * <p>A job writes each entry straight into a {@link ZipOutputStream} on the blob store's pending
 * output, in the order of its source, so memory use does not grow with the number of documents. By
 * default it produces (renders) its documents one at a time on the job's thread; with
 * {@link Builder#renderThreads(int)} above 1 it produces up to {@link #windowOf(int) twice that many}
 * documents ahead: on worker threads of its own, and on the job's thread too, which renders the next
 * document nobody has started whenever the one it must write next is not finished yet. The window is
 * bounded, the entries are still written in source order, and the archive is byte for byte the one a
 * single thread writes. A document whose producer throws or asks to skip it is listed in
 * the result and the job goes on. A job that fails (the source, the archive or the store
 * fails) aborts its pending blob, so no partial archive is ever visible, and records the error.
 *
 * <p>Snapshots ({@link ExportJob}) are immutable and published through a volatile reference at
 * each whole percent of progress and at the end, so any thread may poll {@link #find(String)}.
 * Jobs are kept in memory until {@link #forget(String)}. The archives hold no wall-clock time: entry
 * times come from the injected {@link Clock} ({@link Builder#clock(Clock)}).
 *
 * <p>Thread-safe.
 */
public final class ExportJobManager {

    private static final String ID_PREFIX = "expjob_";
    private static final int ID_BYTES = 12;
    private static final int MAX_RENDER_THREADS = 256;
    private static final AtomicInteger RENDER_THREAD_NUMBER = new AtomicInteger();
    private static final ThreadFactory RENDER_THREAD_FACTORY = task -> {
        Thread thread = new Thread(task, "invoicing-export-render-" + RENDER_THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    };

    private final JobRunner runner;
    private final BlobStore blobStore;
    private final RandomGenerator random;
    private final Clock clock;
    private final int renderThreads;
    private final ConcurrentMap<String, Tracked> jobs = new ConcurrentHashMap<>();

    private ExportJobManager(Builder builder) {
        this.runner = builder.runner;
        this.blobStore = builder.blobStore;
        this.random = builder.random != null ? builder.random : new SecureRandom();
        this.clock = builder.clock;
        this.renderThreads = builder.renderThreads;
    }

    /**
     * The most documents a job holds at once (taken from the source and not yet written): two per
     * render thread, so that each thread has its next document while the archive is written; one when
     * the job renders on its own thread.
     *
     * @param renderThreads the render threads, at least 1
     * @return the window size
     */
    static int windowOf(int renderThreads) {
        return renderThreads == 1 ? 1 : 2 * renderThreads;
    }

    /**
     * A manager with job ids from a {@link SecureRandom} and the system clock (UTC) for the entries'
     * times; the same as {@code builder(runner, blobStore).build()}.
     *
     * @param runner where jobs run, not null
     * @param blobStore where archives are stored, not null
     * @return the manager
     * @throws NullPointerException if an argument is null
     */
    public static ExportJobManager of(JobRunner runner, BlobStore blobStore) {
        return builder(runner, blobStore).build();
    }

    /**
     * A manager with job ids from the given generator (tests pass a seeded one) and the system
     * clock (UTC); the same as {@code builder(runner, blobStore).random(random).build()}.
     *
     * @param runner where jobs run, not null
     * @param blobStore where archives are stored, not null
     * @param random the source of job ids, not null
     * @return the manager
     * @throws NullPointerException if an argument is null
     */
    public static ExportJobManager of(JobRunner runner, BlobStore blobStore, RandomGenerator random) {
        return builder(runner, blobStore).random(random).build();
    }

    /**
     * Starts a builder: {@code ExportJobManager.builder(runner, blobStore).clock(clock).build()}.
     *
     * @param runner where jobs run, not null
     * @param blobStore where archives are stored, not null
     * @return a builder with the defaults: ids from a {@link SecureRandom}, {@link Clock#systemUTC()}
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(JobRunner runner, BlobStore blobStore) {
        return new Builder(Objects.requireNonNull(runner, "runner"), Objects.requireNonNull(blobStore, "blobStore"));
    }

    /**
     * Configures an {@link ExportJobManager}. Mutable and not thread-safe; {@link #build()} may be
     * called more than once (each manager gets its own job table).
     */
    public static final class Builder {

        private final JobRunner runner;
        private final BlobStore blobStore;
        private RandomGenerator random;
        private Clock clock = Clock.systemUTC();
        private int renderThreads = 1;

        private Builder(JobRunner runner, BlobStore blobStore) {
            this.runner = runner;
            this.blobStore = blobStore;
        }

        /**
         * The time written into the archives: every entry of a job carries the instant the job
         * started running, as a local (ZIP/DOS) time in the clock's zone, so two runs with the same
         * fixed clock and the same documents give byte-identical archives. Default:
         * {@link Clock#systemUTC()}.
         *
         * @param clock the clock, not null
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The source of job ids (tests pass a seeded one). It is used under the manager's lock, so
         * it need not be thread-safe. Default: a new {@link SecureRandom}.
         *
         * @param random the generator, not null
         * @return this builder
         * @throws NullPointerException if {@code random} is null
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * How many threads each job produces its entries on. With 1 (the default) the job's own thread
         * produces and writes each document in turn. With more, each job starts one worker thread fewer
         * than that of its own (daemon threads, stopped when the job ends); they and the job's thread
         * produce up to twice that many documents ahead, and the job's thread writes the finished entries
         * in source order; the archive is the same, byte for byte. (The job's thread renders rather than
         * waits: a thread that only wrote would wake once per document, and on two cores those wake-ups
         * and the third thread cost a seventh of the rendering's CPU.) The producer is then called from
         * several threads at once, so it must be thread-safe (the library's PDF and e-SLOG producers are).
         * A job whose thread is interrupted while it waits for an entry fails (its archive is discarded).
         *
         * @param threads at least 1, at most 256; {@code Runtime.getRuntime().availableProcessors()} uses every core
         * @return this builder
         * @throws IllegalArgumentException if {@code threads} is out of range
         */
        public Builder renderThreads(int threads) {
            if (threads < 1 || threads > MAX_RENDER_THREADS) {
                throw new IllegalArgumentException("renderThreads: must be 1.." + MAX_RENDER_THREADS + ", was " + threads);
            }
            this.renderThreads = threads;
            return this;
        }

        /** @return a new manager */
        public ExportJobManager build() {
            return new ExportJobManager(this);
        }
    }

    /**
     * Creates a job in status {@code queued} and hands it to the runner. If the runner refuses it,
     * the returned snapshot is already {@code failed}.
     *
     * @param request what to export, not null
     * @param <D> the document type
     * @return the first snapshot of the job
     * @throws NullPointerException if {@code request} is null
     * @throws IllegalArgumentException if the source reports a negative size
     */
    public <D> ExportJob start(ArchiveJobRequest<D> request) {
        Objects.requireNonNull(request, "request");
        int total = request.source().size();
        if (total < 0) {
            throw new IllegalArgumentException("source.size(): must be >= 0, was " + total);
        }
        String fileName = ZipEntryNamer.sanitiseBase(request.fileName());
        String id = newId();
        ExportJob queued = new ExportJob(id, request.kind(), ExportJobStatus.QUEUED, 0, total, fileName, null,
                null, ExportJobResult.EMPTY);
        Tracked tracked = new Tracked(id + "/" + fileName, new AtomicReference<>(queued));
        jobs.put(id, tracked);
        try {
            runner.submit(id, () -> run(request, tracked));
        } catch (RejectedExecutionException e) {
            tracked.snapshot.set(queued.failed("job runner rejected the job: " + describe(e), ExportJobResult.EMPTY));
        }
        return tracked.snapshot.get();
    }

    /**
     * The latest snapshot of a job.
     *
     * @param jobId the job id, not null
     * @return the snapshot, or empty if no such job is known
     * @throws NullPointerException if {@code jobId} is null
     */
    public Optional<ExportJob> find(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        Tracked tracked = jobs.get(jobId);
        return tracked == null ? Optional.empty() : Optional.of(tracked.snapshot.get());
    }

    /**
     * Opens the archive of a completed job.
     *
     * @param jobId the job id, not null
     * @return the archive's content (the caller closes it), or empty if the job is unknown,
     *     not completed, or its blob is gone
     * @throws IOException if the blob store fails to read the archive
     * @throws NullPointerException if {@code jobId} is null
     */
    public Optional<InputStream> download(String jobId) throws IOException {
        Objects.requireNonNull(jobId, "jobId");
        Tracked tracked = jobs.get(jobId);
        if (tracked == null || tracked.snapshot.get().status() != ExportJobStatus.COMPLETED) {
            return Optional.empty();
        }
        return blobStore.open(tracked.blobKey);
    }

    /**
     * Forgets a finished job (its archive stays in the blob store).
     *
     * @param jobId the job id, not null
     * @return true if a finished job was forgotten; false if unknown or still running
     * @throws NullPointerException if {@code jobId} is null
     */
    public boolean forget(String jobId) {
        Objects.requireNonNull(jobId, "jobId");
        Tracked tracked = jobs.get(jobId);
        return tracked != null && tracked.snapshot.get().status().isFinal() && jobs.remove(jobId, tracked);
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        synchronized (random) {
            random.nextBytes(bytes);
        }
        return ID_PREFIX + HexFormat.of().formatHex(bytes);
    }

    private <D> void run(ArchiveJobRequest<D> request, Tracked tracked) {
        AtomicReference<ExportJob> snapshot = tracked.snapshot;
        snapshot.set(snapshot.get().processing(0, ExportJobResult.EMPTY));
        int total = snapshot.get().totalDocs();
        String extension = request.kind().entryExtension();
        boolean compress = request.kind().compressEntries();
        List<SkippedDocument> skipped = new ArrayList<>();
        ZipEntryNamer namer = new ZipEntryNamer();
        int exported = 0;
        int processed = 0;
        int published = 0;
        PendingBlob blob = null;
        // The job's thread is one of the render threads: it produces what the workers have not started.
        ExecutorService workers = renderThreads == 1 ? null
                : Executors.newFixedThreadPool(renderThreads - 1, RENDER_THREAD_FACTORY);
        int windowSize = windowOf(renderThreads);
        try {
            // One time for the whole archive, read once: entries carry no wall-clock time of their own.
            LocalDateTime entryTime = LocalDateTime.ofInstant(clock.instant(), clock.getZone());
            blob = blobStore.begin(tracked.blobKey);
            try (Stream<D> documents = request.source().stream();
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(blob.output(), 64 * 1024))) {
                Iterator<D> iterator = documents.iterator();
                // Documents taken from the source and not yet written, in source order: at most windowSize.
                ArrayDeque<InFlight<D>> window = new ArrayDeque<>(windowSize);
                while (true) {
                    while (window.size() < windowSize && iterator.hasNext()) {
                        D next = Objects.requireNonNull(iterator.next(), "source yielded a null document");
                        FutureTask<Produced> task =
                                new FutureTask<>(() -> produced(request.producer(), next, compress));
                        if (workers != null) {
                            workers.execute(task);
                        }
                        window.add(new InFlight<>(next, task));
                    }
                    InFlight<D> head = window.peek();
                    if (head == null) {
                        break;
                    }
                    produceUntilDone(window, head);
                    window.poll();
                    D document = head.document();
                    EntryOutcome outcome = head.produced().outcome();
                    if (outcome instanceof EntryOutcome.File file) {
                        String number = request.numberOf().apply(document);
                        String base = number == null || number.isBlank() ? request.idOf().apply(document) : number;
                        ZipEntry entry = new ZipEntry(namer.next(base, extension));
                        entry.setTimeLocal(entryTime);
                        if (!compress) {
                            byte[] content = file.content();
                            entry.setMethod(ZipEntry.STORED);
                            entry.setSize(content.length);
                            entry.setCompressedSize(content.length);
                            entry.setCrc(head.produced().crc());
                        }
                        zip.putNextEntry(entry);
                        zip.write(file.content());
                        zip.closeEntry();
                        exported++;
                    } else {
                        EntryOutcome.Skip skip = (EntryOutcome.Skip) outcome;
                        skipped.add(new SkippedDocument(request.idOf().apply(document),
                                request.numberOf().apply(document), skip.reason()));
                    }
                    processed++;
                    int percent = total == 0 ? 99 : (int) Math.min(99L, processed * 100L / total);
                    if (percent != published) {
                        published = percent;
                        snapshot.set(snapshot.get().processing(percent, ExportJobResult.of(exported, skipped)));
                    }
                }
                List<SkippedDocument> unresolved = Objects.requireNonNull(request.unresolved().get(),
                        "unresolved returned null");
                for (SkippedDocument missing : unresolved) {
                    skipped.add(Objects.requireNonNull(missing, "unresolved returned a null entry"));
                    processed++;
                }
                zip.finish();
            }
            StoredBlob stored = blob.commit();
            snapshot.set(snapshot.get().completed(stored.url(), ExportJobResult.of(exported, skipped), processed));
        } catch (RuntimeException | IOException | Error e) {
            if (blob != null) {
                try {
                    blob.abort();
                } catch (RuntimeException abortFailure) {
                    e.addSuppressed(abortFailure);
                }
            }
            snapshot.set(snapshot.get().failed(describe(e), ExportJobResult.of(exported, skipped)));
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            if (workers != null) {
                // After a failure, documents still queued are not produced.
                workers.shutdownNow();
            }
        }
    }

    /**
     * Produces, on the job's thread, the documents of the window in order that no worker has started,
     * until the head's entry is finished (a task another thread runs or has run returns at once).
     */
    private static <D> void produceUntilDone(ArrayDeque<InFlight<D>> window, InFlight<D> head) {
        for (InFlight<D> inFlight : window) {
            if (head.task().isDone()) {
                return;
            }
            inFlight.task().run();
        }
    }

    /** A document taken from the source and its entry, produced or being produced. */
    private record InFlight<D>(D document, FutureTask<Produced> task) {

        /** Waits for the entry; an {@link Error} thrown by the producer fails the job, as on one thread. */
        Produced produced() {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while an entry was produced");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                    throw error;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /** Produces an entry and, for an entry stored without compression, its CRC-32 (on the producing thread). */
    private static <D> Produced produced(DocumentEntryProducer<? super D> producer, D document, boolean compress) {
        EntryOutcome outcome = produce(producer, document);
        long crc = 0;
        if (!compress && outcome instanceof EntryOutcome.File file) {
            CRC32 checksum = new CRC32();
            checksum.update(file.content());
            crc = checksum.getValue();
        }
        return new Produced(outcome, crc);
    }

    /** An entry's outcome and, when it is stored, its CRC-32. */
    private record Produced(EntryOutcome outcome, long crc) {
    }

    private static <D> EntryOutcome produce(DocumentEntryProducer<? super D> producer, D document) {
        try {
            EntryOutcome outcome = producer.produce(document);
            return outcome != null ? outcome : EntryOutcome.skip("producer returned no content");
        } catch (RuntimeException e) {
            return EntryOutcome.skip("could not be produced: " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    private record Tracked(String blobKey, AtomicReference<ExportJob> snapshot) {
    }
}
