package eu.invoicing.benchmarks;

import eu.invoicing.benchmarks.competitors.MustangInvoices;
import eu.invoicing.benchmarks.competitors.MustangInvoices.MustangTotals;
import eu.invoicing.benchmarks.competitors.OpenPdfFloor;
import eu.invoicing.benchmarks.fixtures.InvoicingDrafts;
import eu.invoicing.benchmarks.fixtures.SampleInvoice;
import eu.invoicing.benchmarks.fixtures.SampleInvoices;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.rendering.PdfRenderer;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * {@link RenderingBenchmark}'s {@code invoicingPdf} and {@code floor} timed by the rendering thread's CPU
 * time instead of the wall clock, alternating in one JVM: on a machine with several runnable processes
 * per core the wall time is mostly waiting for a core, the CPU time a thread was given much less so
 * (contention still inflates it through the caches: read the ratio, not the milliseconds). Prints, per
 * line count, the median CPU time per PDF of each side over the rounds, their ratio (the median of the
 * rounds' ratios), the bytes allocated per PDF and both file sizes.
 *
 * <p>Not JMH: a load program. Run with
 * {@code java -cp benchmarks.jar eu.invoicing.benchmarks.PdfCpuTime [rounds [lines...]]} (defaults: 20 rounds,
 * 10 and 200 lines); each round renders 20 (10 lines) or 5 (200 lines) PDFs per side, after as many
 * warm-up rounds.
 */
public final class PdfCpuTime {

    private PdfCpuTime() {
    }

    /**
     * @param args optional: measured rounds (default 20), then line counts (default 10 200)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int[] lineCounts = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {10, 200};
        for (int lines : lineCounts) {
            SampleInvoice sample = SampleInvoices.generate(lines);
            MustangTotals totals = MustangInvoices.calculate(MustangInvoices.toMustang(sample));
            OpenPdfFloor floor = new OpenPdfFloor();
            Entity entity = InvoicingDrafts.entity(sample);
            Document document = CalculationEngine.withDefaults().calculate(InvoicingDrafts.draft(sample), entity);
            PdfRenderer renderer = PdfRenderer.create();
            Supplier<byte[]> ours = () -> renderer.render(document, entity);
            Supplier<byte[]> bare = () -> floor.render(sample, totals);
            int perRound = lines >= 100 ? 5 : 20;
            double[] oursCpu = new double[rounds];
            double[] floorCpu = new double[rounds];
            double[] ratio = new double[rounds];
            long[] alloc = new long[2];
            for (int round = -rounds; round < rounds; round++) {
                boolean oursFirst = Math.floorMod(round, 2) == 0;
                long[] a = new long[1];
                long[] b = new long[1];
                double first = cpuPerOp(oursFirst ? ours : bare, perRound, oursFirst ? a : b);
                double second = cpuPerOp(oursFirst ? bare : ours, perRound, oursFirst ? b : a);
                if (round >= 0) {
                    oursCpu[round] = oursFirst ? first : second;
                    floorCpu[round] = oursFirst ? second : first;
                    ratio[round] = oursCpu[round] / floorCpu[round];
                    alloc[0] = a[0];
                    alloc[1] = b[0];
                }
            }
            System.out.printf("%d lines: ours %.3f ms CPU/PDF, floor %.3f ms; ours/floor %.3f (rounds' ratios %.3f-%.3f);"
                            + " allocated ours %,d B/PDF, floor %,d B/PDF; size ours %,d B, floor %,d B%n",
                    lines, median(oursCpu) / 1e6, median(floorCpu) / 1e6, median(ratio),
                    Arrays.stream(ratio).min().orElse(0), Arrays.stream(ratio).max().orElse(0), alloc[0], alloc[1],
                    ours.get().length, bare.get().length);
        }
    }

    /** CPU nanoseconds of this thread per call over {@code n} calls; the bytes allocated per call go into {@code allocated[0]}. */
    private static double cpuPerOp(Supplier<byte[]> render, int n, long[] allocated) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long bytes0 = threads.getThreadAllocatedBytes(id);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += render.get().length;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        allocated[0] = (threads.getThreadAllocatedBytes(id) - bytes0) / n;
        if (sink == 0) {
            throw new IllegalStateException("empty PDFs");
        }
        return (double) cpu / n;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
