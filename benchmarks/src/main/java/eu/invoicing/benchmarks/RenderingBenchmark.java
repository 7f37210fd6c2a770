package eu.invoicing.benchmarks;

import eu.invoicing.benchmarks.competitors.MustangInvoices;
import eu.invoicing.benchmarks.competitors.MustangInvoices.MustangTotals;
import eu.invoicing.benchmarks.competitors.OpenPdfFloor;
import eu.invoicing.benchmarks.competitors.RenderingCompetitors;
import eu.invoicing.benchmarks.fixtures.InvoicingDrafts;
import eu.invoicing.benchmarks.fixtures.SampleInvoice;
import eu.invoicing.benchmarks.fixtures.SampleInvoices;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.rendering.PdfRenderer;
import java.util.concurrent.TimeUnit;
import org.mustangproject.Invoice;
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

/**
 * Rendering an invoice to PDF: a one-page invoice ({@value RenderingCompetitors#ONE_PAGE_LINES}
 * lines) and a {@value RenderingCompetitors#LONG_LINES}-line invoice that paginates, side by
 * side with Mustang 2.25's FOP visualizer and with the plain OpenPDF {@link OpenPdfFloor}, all on
 * the same generated invoice.
 *
 * <p>Each side's input (model and calculated totals) is built once per trial; only rendering to
 * PDF bytes is timed. {@code RendererBenchmark} measures our renderers (PDF, HTML) against its own
 * floor on its own invoice; run both classes in one invocation ({@code 'Render(er|ing)Benchmark'}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Thread)
public class RenderingBenchmark {

    /** Number of item lines: one page, or many pages. */
    @Param({"10", "200"})
    public int lines;

    private SampleInvoice sample;
    private MustangTotals totals;
    private Invoice mustangInvoice;
    private RenderingCompetitors competitors;
    private OpenPdfFloor floor;
    private OpenPdfFloor floorFopGlyphs;
    private Document document;
    private Entity entity;
    private PdfRenderer renderer;

    /** Builds the invoice for each side and the renderers. */
    @Setup(Level.Trial)
    public void setUp() {
        sample = SampleInvoices.generate(lines);
        mustangInvoice = MustangInvoices.toMustang(sample);
        totals = MustangInvoices.calculate(mustangInvoice);
        competitors = new RenderingCompetitors();
        floor = new OpenPdfFloor();
        floorFopGlyphs = new OpenPdfFloor(true);
        entity = InvoicingDrafts.entity(sample);
        document = CalculationEngine.withDefaults().calculate(InvoicingDrafts.draft(sample), entity);
        renderer = PdfRenderer.create();
    }

    /**
     * Our PDF renderer (default template and options) on the same invoice, calculated by our
     * engine, so that it runs next to Mustang and the floor on identical content.
     *
     * @return the PDF
     */
    @Benchmark
    public byte[] invoicingPdf() {
        return renderer.render(document, entity);
    }

    /**
     * Mustang: invoice to CII XML to PDF through XSLT and FOP.
     *
     * @return the PDF
     */
    @Benchmark
    public byte[] mustang() {
        return competitors.mustangPdf(mustangInvoice);
    }

    /**
     * The floor: the same text with OpenPDF and Liberation Sans, nothing else.
     *
     * @return the PDF
     */
    @Benchmark
    public byte[] floor() {
        return floor.render(sample, totals);
    }

    /**
     * The floor with OpenPDF's default glyph substitution, which goes through FOP's GSUB tables
     * because Mustang put FOP on this class path: what a renderer pays here, and not in
     * production, if it leaves the default on.
     *
     * @return the PDF
     */
    @Benchmark
    public byte[] floorFopGlyphs() {
        return floorFopGlyphs.render(sample, totals);
    }
}
