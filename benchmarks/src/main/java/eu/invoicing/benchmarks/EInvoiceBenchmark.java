package eu.invoicing.benchmarks;

import eu.invoicing.benchmarks.competitors.MustangInvoices;
import eu.invoicing.benchmarks.fixtures.InvoicingDrafts;
import eu.invoicing.benchmarks.fixtures.SampleInvoice;
import eu.invoicing.benchmarks.fixtures.SampleInvoices;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.einvoice.EInvoiceOptions;
import eu.invoicing.einvoice.EInvoiceValidator;
import eu.invoicing.einvoice.EInvoiceWriter;
import eu.invoicing.einvoice.FacturXWriter;
import eu.invoicing.einvoice.Format;
import eu.invoicing.einvoice.Profile;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.rendering.RenderOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.mustangproject.Invoice;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;
import org.mustangproject.validator.ZUGFeRDValidator;
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
 * EN 16931 side by side with Mustang 2.25 on the same seeded invoice: validating its CII (our
 * {@link EInvoiceValidator}: XSD + CEN schematron; Mustang's {@link ZUGFeRDValidator}: XSD + its
 * Factur-X/XRechnung schematron), and generating UBL, CII and Factur-X. The setup checks that both
 * validators give the same verdict on the file (valid) and on a broken copy (invalid), else the trial
 * fails.
 *
 * <p>JMH state, one per thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Thread)
public class EInvoiceBenchmark {

    /** Lines of the invoice. */
    @Param({"10"})
    public int lines;

    private Invoice mustangInvoice;
    private Document document;
    private Entity entity;
    private EInvoiceValidator validator;
    private final EInvoiceWriter writer = new EInvoiceWriter();
    private final FacturXWriter facturX = FacturXWriter.create();
    private byte[] cii;
    private byte[] plainPdf;

    /**
     * Builds both sides' invoice, warms our validator and checks the verdicts agree.
     *
     * @throws IOException never in practice (in-memory streams)
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        SampleInvoice sample = SampleInvoices.generate(lines);
        mustangInvoice = MustangInvoices.toMustang(sample);
        entity = InvoicingDrafts.entity(sample);
        document = CalculationEngine.withDefaults().calculate(InvoicingDrafts.draft(sample), entity);
        validator = EInvoiceValidator.bundled();
        validator.warmUp();
        cii = writer.write(document, entity, Format.CII, EInvoiceOptions.none());
        plainPdf = PdfRenderer.create().render(document, entity);
        byte[] broken = new String(cii, StandardCharsets.UTF_8)
                .replaceFirst("<ram:GrandTotalAmount>", "<ram:GrandTotalAmount>9").getBytes(StandardCharsets.UTF_8);
        check("the generated CII", cii, true);
        check("a CII with a wrong grand total", broken, false);
    }

    private void check(String what, byte[] xml, boolean expected) {
        boolean ours = validator.validate(xml, Profile.EN16931).isValid();
        ZUGFeRDValidator mustang = new ZUGFeRDValidator();
        String report = mustang.validate(xml, "invoice.xml");
        boolean theirs = mustang.wasCompletelyValid();
        if (ours != expected || theirs != expected) {
            throw new IllegalStateException(what + ": expected valid=" + expected + ", ours " + ours + ", Mustang "
                    + theirs + ": " + report);
        }
    }

    /** @return whether our validator accepts the CII (XSD + CEN EN 16931 schematron) */
    @Benchmark
    public boolean validateOurs() {
        return validator.validate(cii, Profile.EN16931).isValid();
    }

    /** @return whether Mustang's validator accepts the same CII (a new validator per file, as its API wants) */
    @Benchmark
    public boolean validateMustang() {
        ZUGFeRDValidator mustang = new ZUGFeRDValidator();
        mustang.validate(cii, "invoice.xml");
        return mustang.wasCompletelyValid();
    }

    /** @return our UBL 2.1 */
    @Benchmark
    public byte[] writeUblOurs() {
        return writer.write(document, entity, Format.UBL, EInvoiceOptions.none());
    }

    /** @return our CII D16B */
    @Benchmark
    public byte[] writeCiiOurs() {
        return writer.write(document, entity, Format.CII, EInvoiceOptions.none());
    }

    /** @return Mustang's CII (ZUGFeRD 2 pull provider, EN 16931 profile) */
    @Benchmark
    public byte[] writeCiiMustang() {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName("EN16931"));
        provider.generateXML(mustangInvoice);
        return provider.getXML();
    }

    /** @return our Factur-X: render, CII, PDF/A-3b post-processing */
    @Benchmark
    public byte[] facturXOurs() {
        return facturX.write(document, entity, RenderOptions.defaults(), EInvoiceOptions.none());
    }

    /**
     * Mustang's Factur-X: its exporter attaches its CII to a PDF; given our rendered PDF (Mustang has no
     * renderer but the XSL-FO visualizer, measured in {@link RenderingBenchmark}), so this row is the
     * attach-and-convert step plus Mustang's CII, without the drawing.
     *
     * @return the PDF
     * @throws IOException never in practice (in-memory streams)
     */
    @Benchmark
    public byte[] facturXMustangAttach() throws IOException {
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3().ignorePDFAErrors().load(plainPdf)) {
            exporter.setProfile(Profiles.getByName("EN16931"));
            exporter.setTransaction(mustangInvoice);
            ByteArrayOutputStream out = new ByteArrayOutputStream(plainPdf.length + 65536);
            exporter.export(out);
            return out.toByteArray();
        }
    }

    /** @return our rendered PDF alone, to read the Factur-X rows against */
    @Benchmark
    public byte[] pdfOnlyOurs() {
        return PdfRenderer.create().render(document, entity);
    }
}
