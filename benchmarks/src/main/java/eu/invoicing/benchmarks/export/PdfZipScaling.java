package eu.invoicing.benchmarks.export;

import eu.invoicing.benchmarks.eslog.EslogBenchmark;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.eslog.EslogSchema;
import eu.invoicing.eslog.EslogSerializer;
import eu.invoicing.eslog.EslogValidator;
import eu.invoicing.export.BulkExports;
import eu.invoicing.export.job.DocumentEntryProducer;
import eu.invoicing.export.job.ExportJobKind;
import eu.invoicing.export.job.ExportJobManager;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.rendering.RenderOptions;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bulk PDF job of {@link PdfZipBenchmark} (or the bulk e-SLOG job) on 1 and on 2 render threads,
 * alternated in one JVM, with what a shared machine hides from the wall clock: the process's CPU time per
 * document, the job thread's own CPU time per document (it writes the archive and, with 2 render threads,
 * renders what the worker has not started) and the collector's time. From those it prints the most two free
 * cores could give ({@code bound}: the least one-thread time per document, max(its job thread's CPU, half the
 * process's CPU), ÷ the least two-thread time, max(half the process's CPU, the job thread's CPU): Amdahl's law
 * with the job thread as the longest part, and the collector's and compiler's CPU on whichever core is free),
 * next to the wall-clock ratio and the ratio of {@link PdfZipBenchmark#cpuControl} (fixed SHA-256 work on 1 and
 * 2 threads: the parallelism the machine actually gave during the run).
 *
 * <p>Not JMH: a load program. Run with
 * {@code java -Xmx1g -cp benchmarks.jar eu.invoicing.benchmarks.export.PdfZipScaling [rounds [documents [kind]]]}
 * (defaults 10, {@value PdfZipBenchmark#DOCUMENTS} and {@code pdf}; {@code eslog} runs the bulk e-SLOG job
 * instead, each document validated against the XSD of {@link EslogBenchmark#xsdDirectory()}, serialized and
 * deflated into the archive); it warms up with 3 rounds, then each round runs the job on 1 and 2 threads and
 * the control on 1 and 2 threads, in an order that alternates between rounds (ABBA), and prints medians.
 */
public final class PdfZipScaling {

    private PdfZipScaling() {
    }

    /** One measured run. */
    private record Run(long wallNs, long processCpuNs, long callerCpuNs, long gcMs) {
    }

    /**
     * @param args optional: measured rounds (default 10), documents per job (default 1,000), kind ({@code pdf},
     *     the default, or {@code eslog})
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : PdfZipBenchmark.DOCUMENTS;
        boolean eslog = args.length > 2 && args[2].equals("eslog");
        SampleInvoices invoices = SampleInvoices.generate(200, 7L);
        Entity entity = Entity.sampleSlovenian();
        ExportJobKind kind = eslog ? ExportJobKind.ESLOG : ExportJobKind.PDF;
        DocumentEntryProducer<Document> producer = eslog ? eslogProducer(entity)
                : BulkExports.pdfProducer(PdfRenderer.create(), entity, RenderOptions.defaults());
        ExportJobManager[] jobs = new ExportJobManager[3];
        for (int threads = 1; threads <= 2; threads++) {
            jobs[threads] = ExportJobManager.builder((id, task) -> task.run(), PdfZipBenchmark.discarding())
                    .renderThreads(threads).build();
        }
        ExecutorService control = Executors.newFixedThreadPool(2);
        byte[] block = new byte[64 * 1024];
        List<List<Run>> job = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Run>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try {
            for (int round = -3; round < rounds; round++) {
                int[] order = Math.floorMod(round, 2) == 0 ? new int[] {1, 2} : new int[] {2, 1};
                for (int threads : order) {
                    Run j = measure(() -> {
                        int written = PdfZipBenchmark.archive(jobs[threads], invoices, kind, producer, documents);
                        if (written != documents) {
                            throw new IllegalStateException(written + " of " + documents + " documents written");
                        }
                    });
                    Run c = measure(() -> PdfZipBenchmark.cpuControl(control, threads, block));
                    if (round >= 0) {
                        job.get(threads).add(j);
                        cpu.get(threads).add(c);
                    }
                }
            }
        } finally {
            control.shutdownNow();
        }
        double perDoc = 1e6 * documents;
        for (int threads = 1; threads <= 2; threads++) {
            List<Run> runs = job.get(threads);
            System.out.printf("job %d thread(s): wall %.3f s per %d docs (range %.3f-%.3f); process CPU %.3f ms/doc;"
                            + " job thread CPU %.3f ms/doc; GC %.0f ms per job%n",
                    threads, median(runs, r -> r.wallNs) / 1e9, documents, min(runs, r -> r.wallNs) / 1e9,
                    max(runs, r -> r.wallNs) / 1e9, median(runs, r -> r.processCpuNs) / perDoc,
                    median(runs, r -> r.callerCpuNs) / perDoc, median(runs, r -> r.gcMs));
            System.out.printf("control %d thread(s): wall %.3f s (range %.3f-%.3f)%n", threads,
                    median(cpu.get(threads), r -> r.wallNs) / 1e9, min(cpu.get(threads), r -> r.wallNs) / 1e9,
                    max(cpu.get(threads), r -> r.wallNs) / 1e9);
        }
        double cpu1 = median(job.get(1), r -> r.processCpuNs);
        double cpu2 = median(job.get(2), r -> r.processCpuNs);
        double serial2 = median(job.get(2), r -> r.callerCpuNs);
        System.out.printf("job wall ratio (1 thread / 2 threads, median of rounds): %.2f%n", pairedRatio(job));
        System.out.printf("control wall ratio: %.2f%n", pairedRatio(cpu));
        System.out.printf("CPU per document, 2 threads / 1 thread: %.2f%n", cpu2 / cpu1);
        double serial1 = median(job.get(1), r -> r.callerCpuNs);
        System.out.printf("CPU outside the job's own threads (collector, compiler), 1 thread: %.3f ms/doc%n",
                (cpu1 - serial1) / perDoc);
        System.out.printf("bound on 2 free cores: %.2f%n", Math.max(serial1, cpu1 / 2) / Math.max(cpu2 / 2, serial2));
    }

    /** The library's bulk e-SLOG producer: validates each document, then serializes it. */
    private static DocumentEntryProducer<Document> eslogProducer(Entity entity) {
        return BulkExports.eslogProducer(new EslogValidator(EslogSchema.load(EslogBenchmark.xsdDirectory()),
                Clock.systemUTC()), new EslogSerializer(), entity);
    }

    private static Run measure(Runnable task) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long gc0 = gcMillis();
        long cpu0 = os.getProcessCpuTime();
        long caller0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        task.run();
        long wall = System.nanoTime() - wall0;
        return new Run(wall, os.getProcessCpuTime() - cpu0, threads.getCurrentThreadCpuTime() - caller0, gcMillis() - gc0);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** The median over rounds of (1-thread wall ÷ 2-thread wall) of the same round. */
    private static double pairedRatio(List<List<Run>> runs) {
        double[] ratios = new double[runs.get(1).size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = (double) runs.get(1).get(i).wallNs / runs.get(2).get(i).wallNs;
        }
        return median(ratios);
    }

    private static double median(List<Run> runs, java.util.function.ToLongFunction<Run> value) {
        return median(runs.stream().mapToLong(value).asDoubleStream().toArray());
    }

    private static double min(List<Run> runs, java.util.function.ToLongFunction<Run> value) {
        return runs.stream().mapToLong(value).min().orElse(0);
    }

    private static double max(List<Run> runs, java.util.function.ToLongFunction<Run> value) {
        return runs.stream().mapToLong(value).max().orElse(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
