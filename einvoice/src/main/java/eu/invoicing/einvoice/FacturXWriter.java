package eu.invoicing.einvoice;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.einvoice.internal.FacturXPdf;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.rendering.RenderOptions;
import java.time.Clock;
import java.util.Objects;

/**
 * Writes a calculated document as a Factur-X 1.07 / ZUGFeRD 2.3 hybrid invoice, profile EN 16931: the PDF
 * the rendering module draws (its template, locale and language), made PDF/A-3b, with the CII D16B invoice
 * of {@link EInvoiceWriter} ({@link Format#CII}) attached as {@code factur-x.xml} (associated file,
 * relationship {@code Alternative}), XMP metadata with the Factur-X extension schema, every font embedded
 * and an sRGB output intent. {@code docs/einvoice.md} says how it is built and checked.
 *
 * <p>The CII is mapped first, so a document EN 16931 cannot carry is refused before anything is rendered.
 * With a fixed clock the same inputs give the same bytes. Immutable and thread-safe; share one instance.
 */
public final class FacturXWriter {
    /** The Factur-X profile written (XMP {@code fx:ConformanceLevel}); the CII says {@code urn:cen.eu:en16931:2017}. */
    public static final String CONFORMANCE_LEVEL = "EN 16931";

    private final PdfRenderer renderer;
    private final EInvoiceWriter xml = new EInvoiceWriter();

    private FacturXWriter(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    /** @return a writer whose PDFs are dated by the system clock */
    public static FacturXWriter create() {
        return new FacturXWriter(PdfRenderer.create());
    }

    /**
     * @param clock the source of the PDF's (and the attachment's) dates, not null
     * @return a writer whose PDFs carry the clock's instant, for reproducible output
     * @throws NullPointerException if clock is null
     */
    public static FacturXWriter create(Clock clock) {
        return new FacturXWriter(PdfRenderer.create(Objects.requireNonNull(clock, "clock")));
    }

    /**
     * @param document a calculated document, not null
     * @param entity its issuing entity, not null
     * @param render template, locale, language and mode of the visible PDF, not null
     * @param options the data the document does not carry, not null ({@link EInvoiceOptions#none()})
     * @return the PDF/A-3b bytes
     * @throws NullPointerException if an argument is null
     * @throws ValidationException listing every field EN 16931 cannot be given as it is (as
     *         {@link EInvoiceWriter#write}), or what the renderer refuses
     * @throws EInvoiceException if the rendered PDF cannot be post-processed
     */
    public byte[] write(Document document, Entity entity, RenderOptions render, EInvoiceOptions options) {
        Objects.requireNonNull(render, "render");
        byte[] cii = xml.write(document, entity, Format.CII, options);
        byte[] pdf = renderer.render(document, entity, render);
        return FacturXPdf.embed(pdf, cii, CONFORMANCE_LEVEL);
    }

    /**
     * The embedded e-invoice of a Factur-X / ZUGFeRD / XRechnung hybrid PDF.
     *
     * @param pdf the PDF, not null
     * @return the XML attached as {@code factur-x.xml} (or {@code zugferd-invoice.xml},
     *         {@code ZUGFeRD-invoice.xml}, {@code xrechnung.xml})
     * @throws NullPointerException if pdf is null
     * @throws ValidationException at path {@code pdf} when the file is no readable PDF or has no such
     *         attachment, or the attachment exceeds 32 MiB
     */
    public static byte[] extractXml(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        return FacturXPdf.extract(pdf, 32 << 20);
    }
}
