package eu.invoicing.benchmarks.competitors;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.benchmarks.competitors.MustangInvoices.MustangTotals;
import eu.invoicing.benchmarks.fixtures.SampleInvoice;
import eu.invoicing.benchmarks.fixtures.SampleInvoices;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.mustangproject.Invoice;

/** Both rendering competitors produce real PDFs with the invoice's text. */
class RenderingCompetitorsTest {

    private static final SampleInvoice ONE_PAGE =
        SampleInvoices.generate(RenderingCompetitors.ONE_PAGE_LINES);

    @Test
    void floorRender_onePage_writesTextWithEmbeddedLiberationSans() throws IOException {
        Invoice invoice = MustangInvoices.toMustang(ONE_PAGE);
        MustangTotals totals = MustangInvoices.calculate(invoice);

        byte[] pdf = new OpenPdfFloor().render(ONE_PAGE, totals);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Invoice " + ONE_PAGE.number(), "Kovač d.o.o.",
                "Šumi trgovina d.o.o.", ONE_PAGE.lines().get(9).name(),
                totals.grandTotal().toPlainString() + " EUR", "Page 1");
            assertThat(document.getPage(0).getResources().getFontNames()).hasSize(2);
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                assertThat(font.getName()).contains("LiberationSans");
                assertThat(font.isEmbedded()).isTrue();
            }
        }
    }

    @Test
    void floorRender_longInvoice_paginates() throws IOException {
        SampleInvoice sample = SampleInvoices.generate(RenderingCompetitors.LONG_LINES);
        MustangTotals totals = MustangInvoices.calculate(MustangInvoices.toMustang(sample));

        byte[] pdf = new OpenPdfFloor().render(sample, totals);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(document))
                .contains(totals.grandTotal().toPlainString() + " EUR");
        }
    }

    @Test
    void mustangPdf_onePage_showsTheSameTotals() throws IOException {
        Invoice invoice = MustangInvoices.toMustang(ONE_PAGE);
        MustangTotals totals = MustangInvoices.calculate(invoice);

        byte[] pdf = new RenderingCompetitors().mustangPdf(invoice);

        DecimalFormat english = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                .contains(ONE_PAGE.number(), "Kovač d.o.o.", "Šumi trgovina d.o.o.",
                    english.format(totals.grandTotal()), english.format(totals.taxBasis()));
        }
    }
}
