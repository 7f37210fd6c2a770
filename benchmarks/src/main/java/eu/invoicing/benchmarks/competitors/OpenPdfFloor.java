package eu.invoicing.benchmarks.competitors;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.HeaderFooter;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import eu.invoicing.benchmarks.competitors.MustangInvoices.MustangTotals;
import eu.invoicing.benchmarks.fixtures.SampleInvoice;
import eu.invoicing.benchmarks.fixtures.SampleLine;
import eu.invoicing.benchmarks.fixtures.SampleParty;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.librepdf.openpdf.fonts.Liberation;

/**
 * The floor of the rendering benchmark: the least a Java program does to put an invoice's text
 * on PDF pages with OpenPDF 2.0.5 and the same fonts our renderer uses (Liberation Sans regular
 * and bold from {@code openpdf-fonts-extra}, embedded as Identity-H subsets).
 *
 * <p>It writes the title, number and dates, the issuer and customer blocks, one table row per
 * line (number, name, quantity, unit, price, discount, VAT rate, amount; the header row repeats
 * on every page), the totals (net, VAT per rate, total) and "Page n" at the bottom of each page.
 * No design, no locale formatting (amounts are printed as {@link BigDecimal#toPlainString()},
 * dates in ISO form), no labels lookup: anything a real renderer adds costs time on top.
 *
 * <p>Glyph substitution is off by default here. OpenPDF switches it on by default but only uses
 * it when Apache FOP is on the class path (it then shapes every string through FOP's GSUB
 * tables); in the benchmark jar FOP is there (for Mustang), in an application using our library
 * it is not. Turning it off keeps the floor what it is in production; {@link
 * #OpenPdfFloor(boolean)} can turn it on to show what FOP's presence costs. Our renderer must be
 * measured the same way.
 *
 * <p>Thread-safe: the fonts are shared, immutable after loading; each call builds its own
 * document.
 */
public final class OpenPdfFloor {

    private static final float[] COLUMNS = {4, 30, 8, 5, 10, 7, 6, 12};
    private static final String[] HEADER = {
        "#", "Item", "Qty", "Unit", "Price", "Disc. %", "VAT %", "Amount"};
    private static final int[] ALIGN = {
        Element.ALIGN_RIGHT, Element.ALIGN_LEFT, Element.ALIGN_RIGHT, Element.ALIGN_LEFT,
        Element.ALIGN_RIGHT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT, Element.ALIGN_RIGHT};

    private final boolean glyphSubstitution;
    private final Font regular;
    private final Font bold;
    private final Font title;

    /**
     * Loads Liberation Sans regular and bold from {@code openpdf-fonts-extra}; glyph
     * substitution off.
     *
     * @throws UncheckedIOException if the fonts cannot be read
     */
    public OpenPdfFloor() {
        this(false);
    }

    /**
     * Loads Liberation Sans regular and bold from {@code openpdf-fonts-extra}.
     *
     * @param glyphSubstitution whether OpenPDF may shape text through FOP when FOP is present
     * @throws UncheckedIOException if the fonts cannot be read
     */
    public OpenPdfFloor(boolean glyphSubstitution) {
        this.glyphSubstitution = glyphSubstitution;
        try {
            BaseFont sans = Liberation.SANS.create().getBaseFont();
            BaseFont sansBold = Liberation.SANS_BOLD.create().getBaseFont();
            regular = new Font(sans, 9);
            bold = new Font(sansBold, 9);
            title = new Font(sansBold, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load Liberation Sans", e);
        }
    }

    /**
     * Renders the invoice with its calculated totals to A4 PDF pages.
     *
     * @param invoice the invoice, not null
     * @param totals  its totals and line amounts, not null
     * @return the PDF bytes, never null
     * @throws IllegalStateException if OpenPDF fails
     */
    public byte[] render(SampleInvoice invoice, MustangTotals totals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document document = new Document(PageSize.A4, 40, 40, 40, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.setGlyphSubstitutionEnabled(glyphSubstitution);
            HeaderFooter footer = new HeaderFooter(new Phrase("Page ", regular), true);
            footer.setBorder(Rectangle.NO_BORDER);
            footer.setAlignment(Element.ALIGN_RIGHT);
            document.setFooter(footer);
            document.open();

            document.add(new Paragraph("Invoice " + invoice.number(), title));
            document.add(new Paragraph("Date: " + invoice.issueDate()
                + "    Service date: " + invoice.serviceDate()
                + "    Due date: " + invoice.dueDate(), regular));

            PdfPTable parties = new PdfPTable(2);
            parties.setWidthPercentage(100);
            parties.setSpacingBefore(12);
            parties.setSpacingAfter(12);
            parties.addCell(party("Issuer", invoice.issuer()));
            parties.addCell(party("Customer", invoice.customer()));
            document.add(parties);

            document.add(items(invoice, totals));

            PdfPTable sums = new PdfPTable(2);
            sums.setWidthPercentage(40);
            sums.setHorizontalAlignment(Element.ALIGN_RIGHT);
            sums.setSpacingBefore(8);
            sumRow(sums, "Net total", totals.taxBasis(), invoice.currencyCode(), regular);
            for (Map.Entry<BigDecimal, BigDecimal> vat : totals.vatPerRate().entrySet()) {
                sumRow(sums, "VAT " + vat.getKey().toPlainString() + " %", vat.getValue(),
                    invoice.currencyCode(), regular);
            }
            sumRow(sums, "Total", totals.grandTotal(), invoice.currencyCode(), bold);
            document.add(sums);
        } catch (DocumentException e) {
            throw new IllegalStateException("OpenPDF failed", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private PdfPTable items(SampleInvoice invoice, MustangTotals totals) {
        PdfPTable table = new PdfPTable(COLUMNS);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (int column = 0; column < HEADER.length; column++) {
            table.addCell(cell(HEADER[column], bold, ALIGN[column]));
        }
        int number = 0;
        for (SampleLine line : invoice.lines()) {
            table.addCell(cell(Integer.toString(number + 1), regular, Element.ALIGN_RIGHT));
            table.addCell(cell(line.name(), regular, Element.ALIGN_LEFT));
            table.addCell(cell(line.quantity().toPlainString(), regular, Element.ALIGN_RIGHT));
            table.addCell(cell(line.unitLabel(), regular, Element.ALIGN_LEFT));
            table.addCell(cell(line.netPrice().toPlainString(), regular, Element.ALIGN_RIGHT));
            table.addCell(cell(line.hasDiscount() ? line.discountPercent().toPlainString() : "",
                regular, Element.ALIGN_RIGHT));
            table.addCell(cell(line.vatRate().toPlainString(), regular, Element.ALIGN_RIGHT));
            table.addCell(cell(totals.lineTotals().get(number).toPlainString(), regular,
                Element.ALIGN_RIGHT));
            number++;
        }
        return table;
    }

    private PdfPCell party(String label, SampleParty party) {
        Paragraph text = new Paragraph(label + "\n", bold);
        text.add(new Phrase(party.name() + "\n", bold));
        text.add(new Phrase(party.street() + "\n" + party.postCode() + " " + party.city() + "\n"
            + party.countryCode() + "\nVAT ID: " + party.vatId() + "\n" + party.email(), regular));
        PdfPCell cell = new PdfPCell(text);
        cell.setBorder(Rectangle.NO_BORDER);
        return cell;
    }

    private static void sumRow(PdfPTable table, String label, BigDecimal amount, String currency,
                               Font font) {
        table.addCell(cell(label, font, Element.ALIGN_LEFT));
        table.addCell(cell(amount.toPlainString() + " " + currency, font, Element.ALIGN_RIGHT));
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderWidth(0.25f);
        return cell;
    }
}
