package eu.invoicing.benchmarks;

import eu.invoicing.benchmarks.competitors.MustangInvoices;
import eu.invoicing.benchmarks.fixtures.InvoicingDrafts;
import eu.invoicing.benchmarks.fixtures.SampleInvoice;
import eu.invoicing.benchmarks.fixtures.SampleInvoices;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import java.util.concurrent.TimeUnit;
import org.mustangproject.Invoice;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Calculating an invoice of 1, 10, 100 and 1,000 lines: our engine side by side with Mustang 2.25's
 * {@link TransactionCalculator}, on the same generated invoice
 * ({@link eu.invoicing.benchmarks.fixtures.SampleInvoices}).
 *
 * <p>Only the calculation is timed; each side's input is built once per trial.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CalculationBenchmark {

    /** Number of item lines. */
    @Param({"1", "10", "100", "1000"})
    public int lines;

    private Invoice mustangInvoice;
    private Document draft;
    private Entity entity;
    private CalculationEngine engine;

    /** Builds each side's invoice from the same sample. */
    @Setup(Level.Trial)
    public void setUp() {
        SampleInvoice sample = SampleInvoices.generate(lines);
        mustangInvoice = MustangInvoices.toMustang(sample);
        draft = InvoicingDrafts.draft(sample);
        entity = InvoicingDrafts.entity(sample);
        engine = CalculationEngine.withDefaults();
    }

    /**
     * Our engine: the draft to a calculated, immutable document (line totals and taxes, tax
     * summary per rate, document totals, transaction type, payment state).
     *
     * @return the calculated document
     */
    @Benchmark
    public Document invoicing() {
        return engine.calculate(draft, entity);
    }

    /**
     * Mustang: the totals a user reads from {@link TransactionCalculator} (tax basis, grand
     * total, VAT per rate). Mustang recomputes its lines inside each getter; that is its API.
     *
     * @param blackhole sink
     */
    @Benchmark
    public void mustang(Blackhole blackhole) {
        TransactionCalculator calculator = new TransactionCalculator(mustangInvoice);
        blackhole.consume(calculator.getTaxBasis());
        blackhole.consume(calculator.getGrandTotal());
        blackhole.consume(calculator.getTaxDetails());
    }
}
