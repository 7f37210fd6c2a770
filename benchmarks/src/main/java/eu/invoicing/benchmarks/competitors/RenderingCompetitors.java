package eu.invoicing.benchmarks.competitors;

import java.nio.charset.StandardCharsets;
import org.mustangproject.Invoice;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDVisualizer;

/**
 * What a Java developer would otherwise use to turn an invoice into a PDF: Mustang 2.25's
 * FOP-based visualizer. (The other side of the rendering benchmark, the plain OpenPDF floor, is
 * {@link OpenPdfFloor}.)
 *
 * <p>Mustang has no direct model-to-PDF path: the {@link Invoice} is first written as
 * Factur-X / ZUGFeRD 2 CII XML ({@link ZUGFeRD2PullProvider}, profile EN16931), and
 * {@link ZUGFeRDVisualizer#toPDF(String, ZUGFeRDVisualizer.Language)} then runs two Saxon XSLT
 * passes (CII to XRechnung's intermediate XML, that to XSL-FO) and Apache FOP 2.11 (PDF/A-3b,
 * embedded subset Source Sans Pro). Both steps are timed, as both are what a user pays for.
 *
 * <p>Not thread-safe: the visualizer caches its compiled stylesheets per instance; use one
 * instance per thread.
 */
public final class RenderingCompetitors {

    /** Lines of the invoice that fits on one page. */
    public static final int ONE_PAGE_LINES = 10;
    /** Lines of the long invoice that paginates. */
    public static final int LONG_LINES = 200;

    private final ZUGFeRDVisualizer visualizer = new ZUGFeRDVisualizer();

    /**
     * Renders the invoice to PDF with Mustang: CII XML, then the FOP visualizer, in English.
     *
     * @param invoice the invoice, not null
     * @return the PDF bytes, never null
     * @throws IllegalStateException if Mustang produced no PDF (it logs and returns null on
     *                               XSLT or FOP errors)
     */
    public byte[] mustangPdf(Invoice invoice) {
        byte[] pdf = visualizer.toPDF(ciiXml(invoice), ZUGFeRDVisualizer.Language.EN);
        if (pdf == null || pdf.length == 0) {
            throw new IllegalStateException("Mustang produced no PDF for " + invoice.getNumber());
        }
        return pdf;
    }

    /**
     * Writes the invoice as Factur-X / ZUGFeRD 2 CII XML with Mustang, profile EN16931.
     *
     * @param invoice the invoice, not null
     * @return the XML document, never null
     */
    public static String ciiXml(Invoice invoice) {
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(Profiles.getByName("EN16931"));
        provider.generateXML(invoice);
        return new String(provider.getXML(), StandardCharsets.UTF_8);
    }
}
