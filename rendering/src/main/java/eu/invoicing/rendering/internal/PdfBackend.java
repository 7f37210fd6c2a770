package eu.invoicing.rendering.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.rendering.i18n.Label;
import eu.invoicing.rendering.internal.DocumentView.Column;
import eu.invoicing.rendering.internal.DocumentView.Field;
import eu.invoicing.rendering.internal.DocumentView.Row;
import eu.invoicing.rendering.internal.DocumentView.TaxRow;
import eu.invoicing.rendering.internal.DocumentView.TextBlock;
import eu.invoicing.rendering.payment.Barcode;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;

/**
 * Draws a {@link DocumentView} as an A4 PDF with OpenPDF, mirroring the HTML backend's layout: the
 * same header arrangement, tables, colours and type per theme. The item table repeats its header on
 * every page; pages carry "Page x of y" when there is more than one. The PDF is reproducible: its dates
 * come from the given clock, its file ID and font-subset tags from its content ({@link ReproduciblePdf}).
 *
 * <p>Stateless and thread-safe; each call builds its own writer.
 */
public final class PdfBackend {
    private static final float MM = 72f / 25.4f;
    private static final Color WHITE = Color.WHITE;
    private static final Color STAMP = new Color(0xc8, 0x1e, 0x1e);

    private PdfBackend() {
    }

    /**
     * Renders with the system clock's time as the creation date.
     *
     * @param v the layout model, not null
     * @param out receives the PDF; not closed, not null; nothing is written when rendering fails
     * @throws InvoicingException if OpenPDF fails or the stream cannot be written
     */
    public static void write(DocumentView v, OutputStream out) {
        write(v, out, Clock.systemDefaultZone());
    }

    /**
     * @param v the layout model, not null
     * @param out receives the PDF; not closed, not null; nothing is written when rendering fails
     * @param clock the creation and modification date, not null
     * @throws InvoicingException if OpenPDF fails or the stream cannot be written
     */
    public static void write(DocumentView v, OutputStream out, Clock clock) {
        byte[] pdf = write(v, clock);
        try {
            out.write(pdf);
        } catch (IOException e) {
            throw new InvoicingException("cannot write PDF: " + e.getMessage(), e);
        }
    }

    /** One render: fonts and colours resolved from the theme. */
    private static final class Writer {
        final DocumentView v;
        final Theme t;
        final Clock clock;
        final BaseFont body;
        final BaseFont bodyBold;
        final BaseFont heading;
        final BaseFont headingBold;
        final Color text;
        final Color muted;
        final Color accent;
        final Color rule;
        final float size;

        Writer(DocumentView v, Clock clock) {
            this.v = v;
            this.t = v.theme();
            this.clock = clock;
            this.body = t.serifBody() ? PdfFonts.SERIF : PdfFonts.SANS;
            this.bodyBold = t.serifBody() ? PdfFonts.SERIF_BOLD : PdfFonts.SANS_BOLD;
            this.heading = t.serifHeadings() ? PdfFonts.SERIF : PdfFonts.SANS;
            this.headingBold = t.serifHeadings() ? PdfFonts.SERIF_BOLD : PdfFonts.SANS_BOLD;
            this.text = new Color(t.text());
            this.muted = new Color(t.muted());
            this.accent = new Color(t.accent());
            this.rule = new Color(t.rule());
            this.size = t.baseSize();
        }

        Font font(BaseFont base, float points, Color color) {
            return new Font(base, points, Font.NORMAL, color);
        }

        void write(OutputStream out) {
            float margin = t.margin() * MM;
            Document document = new Document(PageSize.A4, margin, margin, margin, margin + 12 * MM);
            // OpenPDF shapes text through Apache FOP whenever FOP happens to be on the class path; the
            // 18 languages we print (Latin and Cyrillic scripts) need no GSUB shaping, so the output and
            // its cost do not depend on what else the host application ships.
            document.setGlyphSubstitutionEnabled(false);
            try {
                PdfWriter writer = PdfWriter.getInstance(document, out);
                writer.setPageEvent(new PageDecorations());
                document.addTitle(v.title() + (v.number() == null ? "" : " " + v.number()));
                document.addCreator("Invoicing");
                document.open();
                PdfDate date = new PdfDate(GregorianCalendar.from(ZonedDateTime.ofInstant(clock.instant(), clock.getZone())));
                writer.getInfo().put(PdfName.CREATIONDATE, date);
                writer.getInfo().put(PdfName.MODDATE, date);
                header(document, writer);
                parties(document);
                items(document);
                sums(document);
                for (TextBlock block : v.texts()) {
                    Paragraph p = new Paragraph("", font(body, size, text));
                    p.setSpacingBefore(2 * MM);
                    if (block.heading() != null) {
                        p.add(new Chunk(headingText(block.heading()) + "\n", font(headingBold, size * 0.85f, muted)));
                    }
                    p.add(new Chunk(block.text().strip(), font(body, size, text)));
                    p.setKeepTogether(true);
                    document.add(p);
                }
                payment(document);
                fiscal(document);
                signature(document);
                document.close();
            } catch (DocumentException e) {
                throw new InvoicingException("cannot write PDF: " + e.getMessage(), e);
            }
        }

        private String headingText(String heading) {
            return t.uppercaseHeadings() ? heading.toUpperCase(v.labels().language().defaultLocale()) : heading;
        }

        private PdfPCell emptyCell() {
            return cell(new Phrase("", font(body, size, text)));
        }

        private PdfPCell cell(Phrase phrase) {
            PdfPCell cell = new PdfPCell(phrase);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            return cell;
        }

        private PdfPCell issuerCell(boolean onBand) {
            Paragraph p = new Paragraph("", font(body, size, text));
            p.setLeading(size * 1.35f);
            p.add(new Chunk(v.issuer().name() + "\n", font(headingBold, size * 1.25f, onBand ? WHITE : text)));
            Color lineColor = onBand ? new Color(0xd9c9cf) : muted;
            for (String line : v.issuer().lines()) {
                p.add(new Chunk(line + "\n", font(body, t.headerStyle() == Theme.HeaderStyle.TITLE_FIRST ? size * 0.9f : size, lineColor)));
            }
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            if (v.logo() != null) {
                try {
                    Image logo = Image.getInstance(v.logo());
                    logo.scaleToFit(60 * MM, 18 * MM);
                    logo.setAlignment(t.headerStyle() == Theme.HeaderStyle.CENTERED ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
                    cell.addElement(logo);
                } catch (IOException | RuntimeException e) {
                    // An unreadable logo must not stop the invoice; the HTML shows the bytes as given.
                    cell.addElement(new Phrase(" ", font(body, 1, text)));
                }
            }
            cell.addElement(p);
            return cell;
        }

        private PdfPCell titleCell(boolean onBand, int align) {
            Paragraph p = new Paragraph("", font(body, size, text));
            p.setAlignment(align);
            String title = t.titleUppercase() ? v.title().toUpperCase(v.labels().language().defaultLocale()) : v.title();
            p.add(new Chunk(title, font(t.template() == eu.invoicing.rendering.Template.MINIMAL || onBand ? heading : headingBold,
                    t.titleSize(), onBand ? WHITE : accent)));
            p.setLeading(t.titleSize() * 1.15f);
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            cell.addElement(p);
            if (v.number() != null) {
                Paragraph n = new Paragraph(v.number(), font(bodyBold, size * 1.3f, onBand ? new Color(0xf3b6cc) : text));
                n.setAlignment(align);
                cell.addElement(n);
            }
            if (v.mark() != null) {
                Paragraph m = new Paragraph(v.mark().toUpperCase(v.labels().language().defaultLocale()),
                        font(PdfFonts.SANS_BOLD, size, onBand ? WHITE : STAMP));
                m.setAlignment(align);
                m.setSpacingBefore(2 * MM);
                cell.addElement(m);
            }
            return cell;
        }

        private void header(Document document, PdfWriter writer) throws DocumentException {
            switch (t.headerStyle()) {
                case BAND: {
                    float width = document.getPageSize().getWidth();
                    PdfPTable band = new PdfPTable(new float[] {1.2f, 1f});
                    band.setTotalWidth(width);
                    band.setLockedWidth(true);
                    PdfPCell left = issuerCell(true);
                    PdfPCell right = titleCell(true, Element.ALIGN_RIGHT);
                    for (PdfPCell c : new PdfPCell[] {left, right}) {
                        c.setBackgroundColor(new Color(t.band()));
                        c.setPaddingTop(10 * MM);
                        c.setPaddingBottom(10 * MM);
                        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
                    }
                    left.setPaddingLeft(t.margin() * MM);
                    right.setPaddingRight(t.margin() * MM);
                    band.addCell(left);
                    band.addCell(right);
                    float height = band.getTotalHeight();
                    band.writeSelectedRows(0, -1, 0, document.getPageSize().getHeight(), writer.getDirectContent());
                    // Reserve the band's height in the flow: a first-page spacingBefore would be ignored.
                    PdfPTable spacer = new PdfPTable(1);
                    spacer.setWidthPercentage(100);
                    PdfPCell gap = emptyCell();
                    gap.setFixedHeight(Math.max(1, height - document.topMargin() + 8 * MM));
                    spacer.addCell(gap);
                    document.add(spacer);
                    return;
                }
                case CENTERED: {
                    PdfPTable table = new PdfPTable(1);
                    table.setWidthPercentage(100);
                    PdfPCell issuer = issuerCell(false);
                    issuer.setHorizontalAlignment(Element.ALIGN_CENTER);
                    for (Object element : issuer.getCompositeElements()) {
                        if (element instanceof Paragraph) {
                            ((Paragraph) element).setAlignment(Element.ALIGN_CENTER);
                        }
                    }
                    issuer.setBorder(Rectangle.TOP);
                    issuer.setBorderWidthTop(2.5f);
                    issuer.setBorderColorTop(accent);
                    issuer.setPaddingTop(4 * MM);
                    issuer.setPaddingBottom(3 * MM);
                    PdfPCell title = titleCell(false, Element.ALIGN_CENTER);
                    title.setBorder(Rectangle.BOTTOM);
                    title.setBorderWidthBottom(2.5f);
                    title.setBorderColorBottom(accent);
                    title.setPaddingBottom(4 * MM);
                    table.addCell(issuer);
                    table.addCell(title);
                    table.setSpacingAfter(8 * MM);
                    document.add(table);
                    return;
                }
                case TITLE_FIRST: {
                    PdfPTable table = new PdfPTable(new float[] {1.3f, 1f});
                    table.setWidthPercentage(100);
                    table.addCell(titleCell(false, Element.ALIGN_LEFT));
                    PdfPCell issuer = issuerCell(false);
                    for (Object element : issuer.getCompositeElements()) {
                        if (element instanceof Paragraph) {
                            ((Paragraph) element).setAlignment(Element.ALIGN_RIGHT);
                        }
                    }
                    table.addCell(issuer);
                    table.setSpacingAfter(14 * MM);
                    document.add(table);
                    return;
                }
                case SPLIT:
                default: {
                    PdfPTable table = new PdfPTable(new float[] {1.2f, 1f});
                    table.setWidthPercentage(100);
                    PdfPCell issuer = issuerCell(false);
                    PdfPCell title = titleCell(false, Element.ALIGN_RIGHT);
                    if (t.template() == eu.invoicing.rendering.Template.MODERN) {
                        for (PdfPCell c : new PdfPCell[] {issuer, title}) {
                            c.setBorder(Rectangle.BOTTOM);
                            c.setBorderWidthBottom(2f);
                            c.setBorderColorBottom(accent);
                            c.setPaddingBottom(5 * MM);
                        }
                    }
                    table.addCell(issuer);
                    table.addCell(title);
                    table.setSpacingAfter(t.template() == eu.invoicing.rendering.Template.CONDENSED ? 4 * MM : 8 * MM);
                    document.add(table);
                }
            }
        }

        private void parties(Document document) throws DocumentException {
            PdfPTable table = new PdfPTable(new float[] {1.2f, 1f});
            table.setWidthPercentage(100);
            Paragraph p = new Paragraph("", font(body, size, text));
            p.setLeading(size * 1.35f);
            if (v.customer() != null) {
                p.add(new Chunk(headingText(v.customer().heading()) + "\n", font(headingBold, size * 0.85f, muted)));
                p.add(new Chunk(v.customer().name() + "\n", font(bodyBold, size * 1.1f, text)));
                for (String line : v.customer().lines()) {
                    p.add(new Chunk(line + "\n", font(body, size, muted)));
                }
            }
            PdfPCell left = emptyCell();
            left.addElement(p);
            table.addCell(left);
            PdfPCell right = emptyCell();
            PdfPTable meta = fieldTable(v.meta(), true);
            if (t.template() == eu.invoicing.rendering.Template.CONDENSED) {
                PdfPTable boxed = new PdfPTable(1);
                boxed.setWidthPercentage(100);
                PdfPCell box = new PdfPCell(meta);
                box.setBorderColor(rule);
                box.setBorderWidth(0.5f);
                box.setPadding(1.5f * MM);
                boxed.addCell(box);
                right.addElement(boxed);
            } else {
                right.addElement(meta);
            }
            table.addCell(right);
            table.setSpacingAfter((t.template() == eu.invoicing.rendering.Template.MINIMAL ? 12 : t.template() == eu.invoicing.rendering.Template.CONDENSED ? 4 : 7) * MM);
            document.add(table);
        }

        private PdfPTable fieldTable(List<Field> fields, boolean valuesRight) {
            PdfPTable table = new PdfPTable(new float[] {1.5f, 1f});
            table.setWidthPercentage(100);
            for (Field field : fields) {
                PdfPCell label = cell(new Phrase(field.label(), font(body, size, muted)));
                label.setPaddingBottom(0.8f * MM);
                label.setPaddingRight(3 * MM);
                PdfPCell value = cell(new Phrase(field.value(), font(bodyBold, size, text)));
                value.setHorizontalAlignment(valuesRight ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                value.setPaddingBottom(0.8f * MM);
                table.addCell(label);
                table.addCell(value);
            }
            return table;
        }

        private void items(Document document) throws DocumentException {
            List<Column> columns = v.columns();
            float[] widths = new float[columns.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = columns.get(i).weight();
            }
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingAfter(6 * MM);
            float pad = t.padding();
            Font headFont = font(PdfFonts.SANS_BOLD.equals(bodyBold) ? bodyBold : bodyBold,
                    t.uppercaseHeadings() ? size * 0.85f : size, new Color(t.headerText()));
            for (Column column : columns) {
                String label = t.uppercaseHeadings() ? column.label().toUpperCase(v.labels().language().defaultLocale()) : column.label();
                PdfPCell c = new PdfPCell(new Phrase(label, headFont));
                c.setPadding(pad);
                c.setHorizontalAlignment(column.numeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                if (t.headerFill() != Theme.NONE) {
                    c.setBackgroundColor(new Color(t.headerFill()));
                }
                if (t.grid()) {
                    c.setBorderColor(rule);
                    c.setBorderWidth(0.6f);
                } else {
                    c.setBorder(t.headerFill() == Theme.NONE || t.template() == eu.invoicing.rendering.Template.FASHION
                            ? Rectangle.BOTTOM : Rectangle.NO_BORDER);
                    c.setBorderColor(accent);
                    c.setBorderWidthBottom(t.template() == eu.invoicing.rendering.Template.FASHION ? 1.5f : 1f);
                }
                table.addCell(c);
            }
            Font cellFont = font(body, size, text);
            Font descFont = font(body, size * 0.88f, muted);
            int index = 0;
            for (Row row : v.rows()) {
                if (row.separator()) {
                    Phrase phrase = new Phrase(row.cells().get(0), font(bodyBold, size, accent));
                    if (row.description() != null) {
                        phrase.add(new Chunk("\n" + row.description(), descFont));
                    }
                    PdfPCell c = new PdfPCell(phrase);
                    c.setColspan(columns.size());
                    c.setPadding(pad);
                    c.setPaddingTop(pad * 2);
                    bodyBorders(c);
                    table.addCell(c);
                    index = 0;
                    continue;
                }
                boolean stripe = t.zebra() != Theme.NONE && index % 2 == 1;
                index++;
                for (int i = 0; i < row.cells().size(); i++) {
                    Phrase phrase = new Phrase(row.cells().get(i), cellFont);
                    if (i == 0 && row.description() != null) {
                        phrase.add(new Chunk("\n" + row.description(), descFont));
                    }
                    PdfPCell c = new PdfPCell(phrase);
                    c.setPadding(pad);
                    c.setLeading(0, 1.25f);
                    c.setHorizontalAlignment(columns.get(i).numeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                    if (stripe) {
                        c.setBackgroundColor(new Color(t.zebra()));
                    }
                    bodyBorders(c);
                    table.addCell(c);
                }
            }
            document.add(table);
        }

        private void bodyBorders(PdfPCell c) {
            if (t.grid()) {
                c.setBorderColor(rule);
                c.setBorderWidth(0.6f);
            } else {
                c.setBorder(Rectangle.BOTTOM);
                c.setBorderColor(rule);
                c.setBorderWidthBottom(t.template() == eu.invoicing.rendering.Template.MINIMAL ? 0.3f : 0.5f);
            }
        }

        private void sums(Document document) throws DocumentException {
            if (v.taxRows().isEmpty() && v.totals().isEmpty()) {
                return;
            }
            PdfPTable outer = new PdfPTable(new float[] {1f, 0.1f, 1f});
            outer.setWidthPercentage(100);
            outer.setKeepTogether(true);
            PdfPCell left = emptyCell();
            if (!v.taxRows().isEmpty()) {
                left.addElement(new Paragraph(headingText(v.labels().get(Label.TOTALS_TAX_SUMMARY)), font(headingBold, size * 0.85f, muted)));
                PdfPTable taxes = new PdfPTable(new float[] {1.6f, 1f, 1f});
                taxes.setWidthPercentage(100);
                taxes.setSpacingBefore(1.5f * MM);
                String[] heads = {v.labels().get(Label.TOTALS_TAX_RATE), v.labels().get(Label.TOTALS_TAX_BASE),
                                  v.labels().get(Label.TOTALS_TAX_AMOUNT)};
                for (int i = 0; i < heads.length; i++) {
                    PdfPCell c = cell(new Phrase(heads[i], font(body, size, muted)));
                    c.setBorder(Rectangle.BOTTOM);
                    c.setBorderColor(rule);
                    c.setBorderWidthBottom(0.5f);
                    c.setPaddingBottom(0.8f * MM);
                    c.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                    taxes.addCell(c);
                }
                for (TaxRow row : v.taxRows()) {
                    String[] cells = {row.name(), row.base(), row.amount()};
                    for (int i = 0; i < cells.length; i++) {
                        PdfPCell c = cell(new Phrase(cells[i], font(body, size, text)));
                        c.setPaddingTop(0.8f * MM);
                        c.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                        taxes.addCell(c);
                    }
                }
                left.addElement(taxes);
            }
            if (v.convertedHeading() != null) {
                Paragraph h = new Paragraph(headingText(v.convertedHeading()), font(headingBold, size * 0.85f, muted));
                h.setSpacingBefore(3 * MM);
                left.addElement(h);
                left.addElement(fieldTable(v.converted(), true));
            }
            outer.addCell(left);
            outer.addCell(emptyCell());
            PdfPTable totals = new PdfPTable(new float[] {1.3f, 1f});
            totals.setWidthPercentage(100);
            float pad = t.padding() * 0.8f;
            for (Field field : v.totals()) {
                boolean strong = field.strong();
                Font f;
                Color fill = null;
                if (strong) {
                    switch (t.template()) {
                        case MODERN: f = font(bodyBold, size * 1.25f, WHITE); fill = accent; break;
                        case MINIMAL: f = font(body, size * 1.6f, text); break;
                        case FASHION: f = font(PdfFonts.SERIF_BOLD, size * 1.6f, accent); break;
                        case CONDENSED: f = font(bodyBold, size * 1.25f, accent); break;
                        default: f = font(bodyBold, size * 1.25f, text); break;
                    }
                } else {
                    f = font(body, size, text);
                }
                PdfPCell label = cell(new Phrase(field.label(), f));
                PdfPCell value = cell(new Phrase(field.value(), f));
                value.setHorizontalAlignment(Element.ALIGN_RIGHT);
                for (PdfPCell c : new PdfPCell[] {label, value}) {
                    c.setPadding(pad);
                    c.setPaddingLeft(pad * 2.5f);
                    c.setPaddingRight(pad * 2.5f);
                    if (fill != null) {
                        c.setBackgroundColor(fill);
                    }
                    if (strong && t.template() != eu.invoicing.rendering.Template.MODERN && t.template() != eu.invoicing.rendering.Template.MINIMAL) {
                        c.setBorder(Rectangle.TOP);
                        c.setBorderColorTop(accent);
                        c.setBorderWidthTop(t.doubleRuleTotal() ? 2.5f : 1.5f);
                    }
                    if (strong && t.template() == eu.invoicing.rendering.Template.MINIMAL) {
                        c.setPaddingTop(3 * MM);
                    }
                }
                totals.addCell(label);
                totals.addCell(value);
            }
            PdfPCell right = emptyCell();
            right.addElement(totals);
            outer.addCell(right);
            outer.setSpacingAfter(6 * MM);
            document.add(outer);
        }

        private Image barcodeImage(PdfContentByte cb, Barcode barcode, float mmPerModule) throws DocumentException {
            int quiet = barcode.symbology().quietZone();
            float module = mmPerModule * MM;
            float heightScale = barcode.symbology() == Barcode.Symbology.PDF417 ? 0.75f : 1f;
            float moduleH = module * heightScale;
            float w = (barcode.width() + 2 * quiet) * module;
            float h = (barcode.height() + 2 * quiet) * moduleH;
            PdfTemplate template = cb.createTemplate(w, h);
            template.setColorFill(WHITE);
            template.rectangle(0, 0, w, h);
            template.fill();
            template.setColorFill(Color.BLACK);
            barcode.forEachDarkRun((y, x, length) ->
                    template.rectangle((x + quiet) * module, h - (y + quiet + 1) * moduleH, length * module, moduleH));
            template.fill();
            Image image = Image.getInstance(template);
            // keep the module size: a composite cell would otherwise stretch the image to its width
            image.setWidthPercentage(0);
            return image;
        }

        private PdfContentByte canvas;

        private void payment(Document document) throws DocumentException {
            DocumentView.PaymentCode code = v.paymentCode();
            if (v.bank().isEmpty() && code == null) {
                return;
            }
            PdfPTable table = new PdfPTable(new float[] {1.4f, 1f});
            table.setWidthPercentage(100);
            table.setKeepTogether(true);
            table.setSpacingBefore(4 * MM);
            PdfPCell left = emptyCell();
            left.setBorder(Rectangle.TOP);
            left.setBorderColor(rule);
            left.setBorderWidthTop(0.5f);
            left.setPaddingTop(3 * MM);
            left.addElement(new Paragraph(headingText(v.labels().get(Label.PAY_HEADING)), font(headingBold, size * 0.85f, muted)));
            PdfPTable bank = fieldTable(v.bank(), false);
            bank.setSpacingBefore(1.5f * MM);
            left.addElement(bank);
            table.addCell(left);
            PdfPCell right = emptyCell();
            right.setBorder(Rectangle.TOP);
            right.setBorderColor(rule);
            right.setBorderWidthTop(0.5f);
            right.setPaddingTop(3 * MM);
            right.setHorizontalAlignment(Element.ALIGN_RIGHT);
            if (code != null && code.slip() == null) {
                float mm = HtmlBackend.moduleSize(code.barcode());
                Image image = barcodeImage(canvas, code.barcode(), mm);
                image.setAlignment(Element.ALIGN_RIGHT);
                right.addElement(image);
                Paragraph caption = new Paragraph(code.caption(), font(body, size * 0.8f, muted));
                caption.setAlignment(Element.ALIGN_RIGHT);
                right.addElement(caption);
            }
            table.addCell(right);
            document.add(table);
            if (code != null && code.slip() != null) {
                slip(document, code);
            }
        }

        private void slip(Document document, DocumentView.PaymentCode code) throws DocumentException {
            PdfPTable slip = new PdfPTable(new float[] {1f, 2f});
            slip.setWidthPercentage(100);
            slip.setKeepTogether(true);
            slip.setSpacingBefore(6 * MM);
            Font title = font(PdfFonts.SANS_BOLD, 7.5f, Color.BLACK);
            PdfPCell receipt = new PdfPCell();
            receipt.setBorderWidth(0.8f);
            receipt.setPadding(2 * MM);
            receipt.addElement(new Paragraph("UPN QR \u2013 potrdilo", title));
            for (Field field : code.slip().receipt()) {
                receipt.addElement(slipField(field));
            }
            slip.addCell(receipt);
            PdfPCell order = new PdfPCell();
            order.setBorderWidth(0.8f);
            order.setPadding(2 * MM);
            order.addElement(new Paragraph("UPN QR \u2013 univerzalni plačilni nalog", title));
            PdfPTable body = new PdfPTable(new float[] {1f, 1.6f});
            body.setWidthPercentage(100);
            PdfPCell qr = emptyCell();
            qr.addElement(barcodeImage(canvas, code.barcode(), 0.4f));
            body.addCell(qr);
            PdfPCell fields = emptyCell();
            for (Field field : code.slip().order()) {
                fields.addElement(slipField(field));
            }
            body.addCell(fields);
            order.addElement(body);
            slip.addCell(order);
            document.add(slip);
        }

        private PdfPTable slipField(Field field) {
            PdfPTable box = new PdfPTable(1);
            box.setWidthPercentage(100);
            box.setSpacingAfter(1 * MM);
            Phrase phrase = new Phrase(field.label() + "\n", font(PdfFonts.SANS, 6f, new Color(0x555555)));
            phrase.add(new Chunk(field.value(), font(PdfFonts.SANS_BOLD, field.strong() ? 9f : 7.5f, Color.BLACK)));
            PdfPCell c = new PdfPCell(phrase);
            c.setBorderWidth(0.5f);
            c.setBorderColor(new Color(0x999999));
            c.setPadding(0.8f * MM);
            c.setPaddingTop(0.4f * MM);
            box.addCell(c);
            return box;
        }

        private void fiscal(Document document) throws DocumentException {
            if (v.fiscal().isEmpty()) {
                return;
            }
            PdfPTable table = new PdfPTable(v.fiscalCode() == null ? new float[] {1f} : new float[] {0.25f, 1f});
            table.setWidthPercentage(100);
            table.setKeepTogether(true);
            table.setSpacingBefore(4 * MM);
            PdfPCell heading = cell(new Phrase(headingText(v.labels().get(Label.FISCAL_HEADING)), font(headingBold, size * 0.85f, muted)));
            heading.setColspan(v.fiscalCode() == null ? 1 : 2);
            heading.setPaddingBottom(1.5f * MM);
            table.addCell(heading);
            if (v.fiscalCode() != null) {
                PdfPCell qr = emptyCell();
                qr.addElement(barcodeImage(canvas, v.fiscalCode(), HtmlBackend.moduleSize(v.fiscalCode())));
                table.addCell(qr);
            }
            PdfPTable fields = new PdfPTable(new float[] {0.35f, 1f});
            fields.setWidthPercentage(100);
            for (Field field : v.fiscal()) {
                fields.addCell(cell(new Phrase(field.label(), font(body, size * 0.85f, muted))));
                fields.addCell(cell(new Phrase(field.value(), font(PdfFonts.MONO, size * 0.85f, text))));
            }
            PdfPCell right = emptyCell();
            right.setVerticalAlignment(Element.ALIGN_MIDDLE);
            right.addElement(fields);
            table.addCell(right);
            document.add(table);
        }

        private void signature(Document document) throws DocumentException {
            if (v.signature() == null) {
                return;
            }
            PdfPTable table = new PdfPTable(1);
            table.setTotalWidth(65 * MM);
            table.setLockedWidth(true);
            table.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.setSpacingBefore(12 * MM);
            table.setKeepTogether(true);
            Phrase phrase = new Phrase(v.labels().get(Label.TEXT_SIGNATURE) + "\n", font(body, size * 0.85f, muted));
            phrase.add(new Chunk(v.signature().strip(), font(body, size, text)));
            PdfPCell c = new PdfPCell(phrase);
            c.setBorder(Rectangle.TOP);
            c.setBorderWidthTop(0.8f);
            c.setBorderColorTop(text);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setPaddingTop(1.5f * MM);
            table.addCell(c);
            document.add(table);
        }

        /** Watermark, footer and page numbers; "Page x of y" is filled in when the page count is known. */
        private final class PageDecorations extends PdfPageEventHelper {
            private final List<PdfTemplate> pageNumbers = new ArrayList<>();

            @Override
            public void onOpenDocument(PdfWriter writer, Document document) {
                canvas = writer.getDirectContent();
            }

            @Override
            public void onEndPage(PdfWriter writer, Document document) {
                Rectangle page = document.getPageSize();
                PdfContentByte over = writer.getDirectContent();
                float bottom = t.margin() * MM * 0.6f;
                if (v.footer() != null) {
                    ColumnText.showTextAligned(over, Element.ALIGN_CENTER,
                            new Phrase(v.footer().strip().replace('\n', ' '), font(body, size * 0.8f, muted)),
                            page.getWidth() / 2, bottom + 4 * MM, 0);
                }
                PdfTemplate number = over.createTemplate(60 * MM, 4 * MM);
                pageNumbers.add(number);
                over.addTemplate(number, page.getWidth() - document.rightMargin() - 60 * MM, bottom);
                if (v.mark() != null) {
                    PdfContentByte under = writer.getDirectContentUnder();
                    under.saveState();
                    PdfGState state = new PdfGState();
                    state.setFillOpacity(0.10f);
                    under.setGState(state);
                    ColumnText.showTextAligned(under, Element.ALIGN_CENTER,
                            new Phrase(v.mark().toUpperCase(v.labels().language().defaultLocale()),
                                    font(PdfFonts.SANS_BOLD, 110, STAMP)),
                            page.getWidth() / 2, page.getHeight() * 0.45f, 30);
                    under.restoreState();
                }
            }

            @Override
            public void onCloseDocument(PdfWriter writer, Document document) {
                int total = pageNumbers.size();
                if (total < 2) {
                    return;
                }
                for (int i = 0; i < total; i++) {
                    PdfTemplate template = pageNumbers.get(i);
                    ColumnText.showTextAligned(template, Element.ALIGN_RIGHT,
                            new Phrase(v.labels().pageOf(i + 1, total), font(body, size * 0.8f, muted)),
                            60 * MM, 1 * MM, 0);
                }
            }
        }
    }

    /**
     * @param v the layout model, not null
     * @return the PDF bytes, dated by the system clock
     */
    public static byte[] write(DocumentView v) {
        return write(v, Clock.systemDefaultZone());
    }

    /**
     * @param v the layout model, not null
     * @param clock the creation and modification date, not null
     * @return the PDF bytes; the same for the same view and instant
     * @throws InvoicingException if OpenPDF fails
     */
    public static byte[] write(DocumentView v, Clock clock) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        new Writer(v, clock).write(out);
        return ReproduciblePdf.finish(out.toByteArray());
    }
}
