package eu.invoicing.benchmarks;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.rendering.HtmlRenderer;
import eu.invoicing.rendering.PdfRenderer;
import eu.invoicing.rendering.RenderOptions;
import eu.invoicing.rendering.internal.DocumentView;
import eu.invoicing.rendering.internal.ViewBuilder;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * The invoicing renderers on a calculated Slovenian invoice of {@code lines} items: to PDF, to HTML,
 * and the floor, a minimal OpenPDF program writing the same texts (every string of the layout model)
 * in one plain table with the same embedded, subset Liberation Sans. Only rendering is timed.
 *
 * <p>Mustang's FOP visualizer ({@code eu.invoicing.benchmarks.competitors}, class
 * {@code RenderingBenchmark}, prepared on another branch) runs in the same JMH invocation with the
 * regex {@code Render}, see docs/benchmarks.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class RendererBenchmark {

    /** Item lines: 10 fit one page, 200 paginate (about 8 pages). */
    @Param({"10", "200"})
    public int lines;

    private eu.invoicing.core.model.Document invoice;
    private Entity entity;
    private DocumentView view;
    private BaseFont floorFont;
    private BaseFont floorBold;

    /** Calculates the invoice once and loads the floor's fonts. */
    @Setup(Level.Trial)
    public void setUp() {
        entity = Entity.sampleSlovenian();
        eu.invoicing.core.model.Document.Builder b = eu.invoicing.core.model.Document.builder(DocumentType.INVOICE)
                .draft(false).number("2026-00042").date(LocalDate.of(2026, 1, 15)).dateDue(LocalDate.of(2026, 2, 14))
                .dateService(LocalDate.of(2026, 1, 10))
                .customer(Party.builder().name("Čebelarstvo Žužek s.p.").address("Šmartinska cesta 152")
                        .postCode("1000").city("Ljubljana").country("Slovenija").taxNumber("SI87654321").build())
                .note("Hvala za zaupanje.").paymentTerms("Plačilo v 30 dneh.");
        for (int i = 1; i <= lines; i++) {
            b.item(LineItem.builder().name("Postavka št. " + i).quantity(String.valueOf(i % 7 + 1))
                    .price(new BigDecimal(i).add(new BigDecimal("0.99"))).unit("kos").tax(i % 3 == 0 ? "9.5" : "22").build());
        }
        invoice = CalculationEngine.withDefaults().calculate(b.build(), entity);
        view = ViewBuilder.build(invoice, entity, RenderOptions.defaults());
        floorFont = font("LiberationSans-Regular.ttf");
        floorBold = font("LiberationSans-Bold.ttf");
    }

    private static BaseFont font(String file) {
        try (InputStream in = RendererBenchmark.class.getResourceAsStream("/liberation/" + file)) {
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the invoice as PDF with the default (modern) template */
    @Benchmark
    public byte[] pdf() {
        return PdfRenderer.create().render(invoice, entity);
    }

    /** @return the invoice as HTML with the default (modern) template */
    @Benchmark
    public String html() {
        return HtmlRenderer.create().render(invoice, entity);
    }

    /** @return the same texts written by the plainest OpenPDF program with the same fonts */
    @Benchmark
    public byte[] floor() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 45, 45, 45, 60);
        PdfWriter.getInstance(document, out);
        document.open();
        Font regular = new Font(floorFont, 9.5f);
        Font bold = new Font(floorBold, 9.5f);
        document.add(new Paragraph(view.issuer().name() + "\n" + String.join("\n", view.issuer().lines()), regular));
        document.add(new Paragraph(view.title() + " " + view.number(), bold));
        document.add(new Paragraph(view.customer().name() + "\n" + String.join("\n", view.customer().lines()), regular));
        for (DocumentView.Field field : view.meta()) {
            document.add(new Paragraph(field.label() + " " + field.value(), regular));
        }
        PdfPTable table = new PdfPTable(view.columns().size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (DocumentView.Column column : view.columns()) {
            table.addCell(new Phrase(column.label(), bold));
        }
        for (DocumentView.Row row : view.rows()) {
            for (String cell : row.cells()) {
                table.addCell(new Phrase(cell, regular));
            }
            for (int i = row.cells().size(); i < view.columns().size(); i++) {
                table.addCell(new Phrase("", regular));
            }
        }
        document.add(table);
        for (DocumentView.TaxRow tax : view.taxRows()) {
            document.add(new Paragraph(tax.name() + " " + tax.base() + " " + tax.amount(), regular));
        }
        for (DocumentView.Field field : view.totals()) {
            document.add(new Paragraph(field.label() + " " + field.value(), field.strong() ? bold : regular));
        }
        for (DocumentView.TextBlock text : view.texts()) {
            document.add(new Paragraph(text.heading() + "\n" + text.text(), regular));
        }
        document.close();
        return out.toByteArray();
    }
}
