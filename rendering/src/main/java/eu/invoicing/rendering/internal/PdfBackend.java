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
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfChunk;
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
import eu.invoicing.rendering.Template;
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
 * every page; continuation pages carry the title and number at the top, and every page "Page x of y"
 * when there is more than one.
 *
 * <p>Text wraps at spaces only and every table column is at least as wide as its widest label word
 * ({@link Measure}), so no word is ever cut. The PDF is reproducible: its dates come from the given
 * clock, and its file ID and font-subset tags from its content ({@link ReproduciblePdf}).
 *
 * <p>Stateless and thread-safe; each call builds its own writer.
 */
public final class PdfBackend {
    private static final float MM = 72f / 25.4f;
    private static final Color WHITE = Color.WHITE;
    private static final Color STAMP = new Color(0xc8, 0x1e, 0x1e);
    /** Clear space drawn around every QR code beyond its own 4-module quiet zone, in modules. */
    static final int QR_MARGIN_MODULES = 4;
    /** Millimetres per module of the UPN QR on the payment slip. */
    static final float SLIP_MODULE_MM = 0.4f;

    /** Lines break at spaces only: never inside a word, after a hyphen or inside a number like 2026-00042. */
    private static final SplitCharacter SPACES_ONLY = new SplitCharacter() {
        @Override
        public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
            char c = ck == null ? cc[current] : (char) ck[Math.min(current, ck.length - 1)].getUnicodeEquivalent(cc[current]);
            return c == ' ' || c == '\t';
        }
    };

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
        PdfBuffer out = PdfBuffer.BY_THREAD.get();
        out.reset();
        try {
            List<ReproduciblePdf.Span> prebuilt = new Writer(v, clock).write(out);
            return ReproduciblePdf.finish(out.toByteArray(), prebuilt);
        } finally {
            out.release();
        }
    }

    /**
     * The buffer OpenPDF writes a document into, one per rendering thread and reused by its next document:
     * a new 128 kB buffer per PDF was a tenth of a one-page invoice's allocation (bulk archives render
     * thousands in a row). The PDF is copied out of it once, at its exact length, as before. A buffer that
     * grew past {@link #KEPT} for a long document is dropped after it, so an idle thread holds at most that.
     *
     * <p>Confined to its thread (a {@link ThreadLocal}); {@link PdfBackend#write(DocumentView, Clock)}
     * never calls out to code that could render on the same thread while the buffer is in use.
     */
    private static final class PdfBuffer extends ByteArrayOutputStream {
        static final ThreadLocal<PdfBuffer> BY_THREAD = ThreadLocal.withInitial(PdfBuffer::new);
        static final int KEPT = 1024 * 1024;

        PdfBuffer() {
            super(128 * 1024);
        }

        /** Empties the buffer after a document, or forgets it when it has grown past {@link #KEPT}. */
        void release() {
            if (buf.length > KEPT) {
                BY_THREAD.remove();
            } else {
                reset();
            }
        }
    }

    static Chunk chunk(String text, Font font) {
        Chunk chunk = new Chunk(text == null ? "" : text, font);
        if (!Measure.defaultBreaksAgree(text)) {
            chunk.setSplitCharacter(SPACES_ONLY);
        }
        return chunk;
    }

    static Phrase phrase(String text, Font font) {
        Phrase phrase = new Phrase(font.getSize() * 1.3f);
        phrase.add(chunk(text, font));
        return phrase;
    }

    static Paragraph paragraph(String text, Font font) {
        Paragraph paragraph = new Paragraph(font.getSize() * 1.3f);
        paragraph.setFont(font);
        if (text != null && !text.isEmpty()) {
            paragraph.add(chunk(text, font));
        }
        return paragraph;
    }

    /** One render: fonts, colours and the page's geometry resolved from the theme. */
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
        /** Side and top margin, in points. */
        final float margin;
        /** Width between the side margins, in points. */
        final float width;
        final float smallSize;
        final List<String> footerLines;
        /** Baseline of "Page x of y", in points from the bottom edge. */
        final float pageNumberY;
        /** Baseline of the footer's last line, in points from the bottom edge. */
        final float footerY;
        final float bottomMargin;
        PdfContentByte canvas;

        Writer(DocumentView v, Clock clock) {
            this.v = v;
            this.t = v.theme();
            this.clock = clock;
            this.body = PdfFonts.body(t);
            this.bodyBold = PdfFonts.bodyBold(t);
            this.heading = t.serifHeadings() ? PdfFonts.SERIF : PdfFonts.SANS;
            this.headingBold = t.serifHeadings() ? PdfFonts.SERIF_BOLD : PdfFonts.SANS_BOLD;
            this.text = new Color(t.text());
            this.muted = new Color(t.muted());
            this.accent = new Color(t.accent());
            this.rule = new Color(t.rule());
            this.size = t.baseSize();
            this.margin = t.margin() * MM;
            this.width = ViewBuilder.contentWidth(t);
            this.smallSize = size * 0.8f;
            this.footerLines = v.footer() == null ? List.of() : Measure.wrap(v.footer().strip(), body, smallSize, width);
            this.pageNumberY = margin * 0.6f;
            this.footerY = pageNumberY + 4.5f * MM;
            float footerTop = footerLines.isEmpty() ? pageNumberY + smallSize
                    : footerY + (footerLines.size() - 1) * smallSize * 1.3f + smallSize;
            // the content ends 5 mm above the footer (or the page number), never closer to the edge than the side margin
            this.bottomMargin = Math.max(margin, footerTop + 5 * MM);
        }

        Font font(BaseFont base, float points, Color color) {
            return new Font(base, points, Font.NORMAL, color);
        }

        /** @return where the prebuilt font programs are in the output */
        List<ReproduciblePdf.Span> write(OutputStream out) {
            Document document = new Document(PageSize.A4, margin, margin, margin, bottomMargin);
            // OpenPDF shapes text through Apache FOP whenever FOP happens to be on the class path; the
            // 18 languages we print (Latin and Cyrillic scripts) need no GSUB shaping, so the output and
            // its cost do not depend on what else the host application ships.
            document.setGlyphSubstitutionEnabled(false);
            try {
                PdfFontWriter writer = PdfFontWriter.forDocument(document, out);
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
                closing(document);
                payment(document);
                document.close();
                return writer.prebuiltSpans();
            } catch (DocumentException e) {
                throw new InvoicingException("cannot write PDF: " + e.getMessage(), e);
            }
        }

        private String headingText(String heading) {
            return t.uppercaseHeadings() ? heading.toUpperCase(v.labels().language().defaultLocale()) : heading;
        }

        private Paragraph headingParagraph(String heading) {
            Paragraph p = paragraph(headingText(heading), font(headingBold, size * 0.85f, muted));
            p.setSpacingAfter(1 * MM);
            return p;
        }

        private PdfPCell emptyCell() {
            return cell(phrase("", font(body, size, text)));
        }

        private PdfPCell cell(Phrase phrase) {
            PdfPCell cell = new PdfPCell(phrase);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            return cell;
        }

        /** A cell for composite content whose first line starts at its ascender, not a full leading below the top. */
        private PdfPCell compositeCell() {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            cell.setUseAscender(true);
            return cell;
        }

        private PdfPCell issuerCell(boolean onBand, int align) {
            boolean centred = t.headerStyle() == Theme.HeaderStyle.CENTERED;
            PdfPCell cell = compositeCell();
            if (v.logo() != null) {
                try {
                    Image logo = Image.getInstance(v.logo());
                    logo.scaleToFit(60 * MM, 18 * MM);
                    logo.setAlignment(align);
                    cell.addElement(logo);
                } catch (IOException | RuntimeException e) {
                    // An unreadable logo must not stop the invoice; the HTML shows the bytes as given.
                    cell.addElement(phrase(" ", font(body, 1, text)));
                }
            }
            Paragraph name = paragraph(v.issuer().name(), font(headingBold, size * 1.25f, onBand ? WHITE : text));
            name.setAlignment(align);
            name.setSpacingAfter(0.5f * MM);
            cell.addElement(name);
            Color lineColor = onBand ? new Color(0xd9c9cf) : muted;
            Font lineFont = font(body, t.headerStyle() == Theme.HeaderStyle.TITLE_FIRST ? size * 0.9f : size, lineColor);
            List<String> lines = centred ? List.of(ViewBuilder.oneLine(v.issuer().lines())) : v.issuer().lines();
            for (String line : lines) {
                Paragraph p = paragraph(line, lineFont);
                p.setLeading(lineFont.getSize() * 1.3f);
                p.setAlignment(align);
                cell.addElement(p);
            }
            return cell;
        }

        private PdfPCell titleCell(boolean onBand, int align) {
            PdfPCell cell = compositeCell();
            String title = t.titleUppercase() ? v.title().toUpperCase(v.labels().language().defaultLocale()) : v.title();
            Paragraph p = paragraph(title, font(t.template() == Template.MINIMAL || onBand ? heading : headingBold,
                    v.titleSize(), onBand ? WHITE : accent));
            p.setAlignment(align);
            p.setLeading(v.titleSize() * 1.15f);
            cell.addElement(p);
            if (v.number() != null) {
                Paragraph n = paragraph(v.number(), font(bodyBold, size * 1.3f, onBand ? new Color(0xf3b6cc) : text));
                n.setAlignment(align);
                n.setSpacingBefore(1 * MM);
                cell.addElement(n);
            }
            if (v.mark() != null) {
                Paragraph m = paragraph(v.mark().toUpperCase(v.labels().language().defaultLocale()),
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
                    float pageWidth = document.getPageSize().getWidth();
                    PdfPTable band = new PdfPTable(new float[] {1.2f, 1f});
                    band.setTotalWidth(pageWidth);
                    band.setLockedWidth(true);
                    PdfPCell left = issuerCell(true, Element.ALIGN_LEFT);
                    PdfPCell right = titleCell(true, Element.ALIGN_RIGHT);
                    for (PdfPCell c : new PdfPCell[] {left, right}) {
                        c.setBackgroundColor(new Color(t.band()));
                        c.setPaddingTop(10 * MM);
                        c.setPaddingBottom(10 * MM);
                        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
                    }
                    left.setPaddingLeft(margin);
                    right.setPaddingRight(margin);
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
                    PdfPCell issuer = issuerCell(false, Element.ALIGN_CENTER);
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
                    table.setSpacingAfter(7 * MM);
                    document.add(table);
                    return;
                }
                case TITLE_FIRST: {
                    PdfPTable table = new PdfPTable(new float[] {1.3f, 1f});
                    table.setWidthPercentage(100);
                    table.addCell(titleCell(false, Element.ALIGN_LEFT));
                    table.addCell(issuerCell(false, Element.ALIGN_RIGHT));
                    table.setSpacingAfter(9 * MM);
                    document.add(table);
                    return;
                }
                case SPLIT:
                default: {
                    PdfPTable table = new PdfPTable(new float[] {1.2f, 1f});
                    table.setWidthPercentage(100);
                    PdfPCell issuer = issuerCell(false, Element.ALIGN_LEFT);
                    PdfPCell title = titleCell(false, Element.ALIGN_RIGHT);
                    if (t.template() == Template.MODERN) {
                        for (PdfPCell c : new PdfPCell[] {issuer, title}) {
                            c.setBorder(Rectangle.BOTTOM);
                            c.setBorderWidthBottom(2f);
                            c.setBorderColorBottom(accent);
                            c.setPaddingBottom(5 * MM);
                        }
                    }
                    table.addCell(issuer);
                    table.addCell(title);
                    table.setSpacingAfter(t.template() == Template.CONDENSED ? 4 * MM : 7 * MM);
                    document.add(table);
                }
            }
        }

        private void parties(Document document) throws DocumentException {
            float[] split = {1.2f, 1f};
            PdfPTable table = new PdfPTable(split);
            table.setWidthPercentage(100);
            PdfPCell left = compositeCell();
            left.setPaddingRight(4 * MM);
            if (v.customer() != null) {
                left.addElement(headingParagraph(v.customer().heading()));
                left.addElement(paragraph(v.customer().name(), font(bodyBold, size * 1.1f, text)));
                for (String line : v.customer().lines()) {
                    Paragraph p = paragraph(line, font(body, size, muted));
                    left.addElement(p);
                }
            }
            table.addCell(left);
            PdfPCell right = compositeCell();
            float metaWidth = width * split[1] / (split[0] + split[1]);
            if (t.template() == Template.CONDENSED) {
                PdfPTable boxed = new PdfPTable(1);
                boxed.setWidthPercentage(100);
                PdfPCell box = new PdfPCell(fieldTable(v.meta(), true, metaWidth - 3 * MM - 1));
                box.setBorderColor(rule);
                box.setBorderWidth(0.5f);
                box.setPadding(1.5f * MM);
                boxed.addCell(box);
                right.addElement(boxed);
            } else {
                right.addElement(fieldTable(v.meta(), true, metaWidth));
            }
            table.addCell(right);
            table.setSpacingAfter((t.template() == Template.MINIMAL ? 8 : t.template() == Template.CONDENSED ? 4 : 6) * MM);
            document.add(table);
        }

        /** Label and value columns: labels wrap at spaces but never cut a word, values stay on one line. */
        private PdfPTable fieldTable(List<Field> fields, boolean valuesRight, float tableWidth) {
            Font labelFont = font(body, size, muted);
            Font valueFont = font(bodyBold, size, text);
            float labelPad = 3 * MM;
            float widestLabel = 0f;
            float widestValue = 0f;
            for (Field field : fields) {
                widestLabel = Math.max(widestLabel, Measure.widestWord(body, size, field.label()));
                widestValue = Math.max(widestValue, Measure.widestLine(bodyBold, size, field.value()));
            }
            PdfPTable table = new PdfPTable(Measure.fit(tableWidth, new float[] {1.5f, 1f},
                    new float[] {widestLabel + labelPad + 1, widestValue + 1}));
            table.setTotalWidth(tableWidth);
            table.setLockedWidth(true);
            table.setHorizontalAlignment(Element.ALIGN_LEFT);
            for (Field field : fields) {
                PdfPCell label = cell(phrase(field.label(), labelFont));
                label.setPaddingBottom(0.8f * MM);
                label.setPaddingRight(labelPad);
                PdfPCell value = cell(phrase(field.value(), valueFont));
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
            // the width PdfDocument gives a table of 100 %, set now so that the cells' text can be broken into
            // lines here (PdfCellText); PdfDocument sets the same value again when the table is added
            table.setTotalWidth((document.right() - document.left()) * table.getWidthPercentage() / 100);
            float[] columnWidths = table.getAbsoluteWidths();
            table.setHeaderRows(1);
            table.setSpacingAfter(6 * MM);
            float pad = t.padding();
            Font headFont = font(bodyBold, t.itemHeaderSize(), new Color(t.headerText()));
            for (Column column : columns) {
                String label = t.uppercaseHeadings() ? column.label().toUpperCase(v.labels().language().defaultLocale()) : column.label();
                PdfPCell c = new PdfPCell(phrase(label, headFont));
                c.setPadding(pad);
                c.setLeading(0, 1.2f);
                c.setHorizontalAlignment(column.numeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                if (t.headerFill() != Theme.NONE) {
                    c.setBackgroundColor(new Color(t.headerFill()));
                }
                if (t.grid()) {
                    c.setBorderColor(rule);
                    c.setBorderWidth(0.6f);
                } else {
                    c.setBorder(t.headerFill() == Theme.NONE || t.template() == Template.FASHION
                            ? Rectangle.BOTTOM : Rectangle.NO_BORDER);
                    c.setBorderColor(accent);
                    c.setBorderWidthBottom(t.template() == Template.FASHION ? 1.5f : 1f);
                }
                table.addCell(PdfCellRules.adopt(c));
            }
            Font cellFont = font(body, size, text);
            Font descFont = font(body, size * 0.88f, muted);
            int index = 0;
            for (Row row : v.rows()) {
                if (row.separator()) {
                    Phrase phrase = phrase(row.cells().get(0), font(bodyBold, size, accent));
                    if (row.description() != null) {
                        phrase.add(chunk("\n" + row.description(), descFont));
                    }
                    PdfPCell c = new PdfPCell(phrase);
                    c.setColspan(columns.size());
                    c.setPadding(pad);
                    c.setPaddingTop(pad * 2);
                    bodyBorders(c);
                    table.addCell(PdfCellRules.adopt(c));
                    index = 0;
                    continue;
                }
                boolean stripe = t.zebra() != Theme.NONE && index % 2 == 1;
                index++;
                // each cell's left and right edge as PdfPRow.setWidths adds them up
                float cellLeft = 0f;
                for (int i = 0; i < row.cells().size(); i++) {
                    float cellRight = cellLeft + columnWidths[i];
                    PdfCellText laid = PdfCellText.layOut(row.cells().get(i) == null ? "" : row.cells().get(i),
                            body, size, text, i == 0 ? row.description() : null, body, descFont.getSize(), muted,
                            (cellRight - pad) - (cellLeft + pad), columns.get(i).numeric(), pad, pad, pad);
                    cellLeft = cellRight;
                    if (laid != null) {
                        PdfPCell c = new PdfPCell();
                        c.setPadding(pad);
                        if (stripe) {
                            c.setBackgroundColor(new Color(t.zebra()));
                        }
                        bodyBorders(c);
                        table.addCell(laid.install(PdfCellRules.adopt(c)));
                        continue;
                    }
                    Phrase phrase = phrase(row.cells().get(i), cellFont);
                    if (i == 0 && row.description() != null) {
                        phrase.add(chunk("\n" + row.description(), descFont));
                    }
                    PdfPCell c = new PdfPCell(phrase);
                    c.setPadding(pad);
                    c.setLeading(0, 1.25f);
                    c.setHorizontalAlignment(columns.get(i).numeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                    if (stripe) {
                        c.setBackgroundColor(new Color(t.zebra()));
                    }
                    bodyBorders(c);
                    table.addCell(PdfCellRules.adopt(c));
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
                c.setBorderWidthBottom(t.template() == Template.MINIMAL ? 0.3f : 0.5f);
            }
        }

        private Font totalFont(boolean strong) {
            if (!strong) {
                return font(body, size, text);
            }
            switch (t.template()) {
                case MODERN: return font(bodyBold, size * 1.25f, WHITE);
                case MINIMAL: return font(body, size * 1.6f, text);
                case FASHION: return font(PdfFonts.SERIF_BOLD, size * 1.6f, accent);
                case CONDENSED: return font(bodyBold, size * 1.25f, accent);
                default: return font(bodyBold, size * 1.25f, text);
            }
        }

        private void sums(Document document) throws DocumentException {
            if (v.taxRows().isEmpty() && v.totals().isEmpty()) {
                return;
            }
            float gap = 0.1f / 2.1f * width;
            float half = (width - gap) / 2;
            // the totals never wrap a label or an amount: they take more than half the width when they need it
            float pad = t.padding() * 0.8f;
            float outerPad = pad * 2.5f;
            float widestLabel = 0f;
            float widestValue = 0f;
            for (Field field : v.totals()) {
                Font f = totalFont(field.strong());
                widestLabel = Math.max(widestLabel, Measure.width(f.getBaseFont(), f.getSize(), field.label()));
                widestValue = Math.max(widestValue, Measure.width(f.getBaseFont(), f.getSize(), field.value()));
            }
            float[] totalsMinimum = {widestLabel + outerPad + pad + 1, widestValue + outerPad + pad + 1};
            String[] heads = {v.labels().get(Label.TOTALS_TAX_RATE), v.labels().get(Label.TOTALS_TAX_BASE),
                              v.labels().get(Label.TOTALS_TAX_AMOUNT)};
            float cellPad = 1.5f * MM;
            float[] taxMinimum = new float[3];
            for (int i = 0; i < heads.length; i++) {
                taxMinimum[i] = Measure.widestWord(body, size, heads[i]);
            }
            for (TaxRow row : v.taxRows()) {
                taxMinimum[0] = Math.max(taxMinimum[0], Measure.widestWord(body, size, row.name()));
                taxMinimum[1] = Math.max(taxMinimum[1], Measure.width(body, size, row.base()));
                taxMinimum[2] = Math.max(taxMinimum[2], Measure.width(body, size, row.amount()));
            }
            for (int i = 0; i < taxMinimum.length; i++) {
                taxMinimum[i] += cellPad + 1;
            }
            // halves when both sides fit in them; else the side that needs more takes it from the other
            float totalsNeed = totalsMinimum[0] + totalsMinimum[1];
            float taxNeed = v.taxRows().isEmpty() ? 0f : taxMinimum[0] + taxMinimum[1] + taxMinimum[2];
            float available = width - gap;
            // when both cannot stand side by side whole, the totals go below the tax summary, at the right
            boolean stacked = totalsNeed + taxNeed > available;
            float right = stacked ? Math.min(width, Math.max(half, totalsNeed))
                    : Math.min(Math.max(half, totalsNeed), available - taxNeed);
            float left = stacked ? width : available - right;
            PdfPTable outer = stacked ? new PdfPTable(1) : new PdfPTable(new float[] {left, gap, right});
            outer.setWidthPercentage(100);
            outer.setKeepTogether(true);
            PdfPCell leftCell = compositeCell();
            if (!v.taxRows().isEmpty()) {
                leftCell.addElement(headingParagraph(v.labels().get(Label.TOTALS_TAX_SUMMARY)));
                PdfPTable taxes = new PdfPTable(Measure.fit(left, new float[] {1.6f, 1f, 1f}, taxMinimum));
                taxes.setWidthPercentage(100);
                for (int i = 0; i < heads.length; i++) {
                    PdfPCell c = cell(phrase(heads[i], font(body, size, muted)));
                    c.setBorder(Rectangle.BOTTOM);
                    c.setBorderColor(rule);
                    c.setBorderWidthBottom(0.5f);
                    c.setPaddingBottom(0.8f * MM);
                    c.setPaddingRight(i == heads.length - 1 ? 0 : cellPad);
                    c.setPaddingLeft(i == heads.length - 1 ? cellPad : 0);
                    c.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                    c.setVerticalAlignment(Element.ALIGN_BOTTOM);
                    taxes.addCell(c);
                }
                for (TaxRow row : v.taxRows()) {
                    String[] cells = {row.name(), row.base(), row.amount()};
                    for (int i = 0; i < cells.length; i++) {
                        PdfPCell c = cell(phrase(cells[i], font(body, size, text)));
                        c.setPaddingTop(0.8f * MM);
                        c.setPaddingRight(i == cells.length - 1 ? 0 : cellPad);
                        c.setPaddingLeft(i == cells.length - 1 ? cellPad : 0);
                        c.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                        taxes.addCell(c);
                    }
                }
                leftCell.addElement(taxes);
            }
            if (v.convertedHeading() != null) {
                Paragraph h = headingParagraph(v.convertedHeading());
                h.setSpacingBefore(3 * MM);
                leftCell.addElement(h);
                leftCell.addElement(fieldTable(v.converted(), true, left));
            }
            outer.addCell(leftCell);
            if (!stacked) {
                outer.addCell(emptyCell());
            }
            PdfPTable totals = new PdfPTable(Measure.fit(right, new float[] {1.3f, 1f}, totalsMinimum));
            totals.setTotalWidth(right);
            totals.setLockedWidth(true);
            totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
            for (Field field : v.totals()) {
                boolean strong = field.strong();
                Font f = totalFont(strong);
                Color fill = strong && t.template() == Template.MODERN ? accent : null;
                PdfPCell label = cell(phrase(field.label(), f));
                PdfPCell value = cell(phrase(field.value(), f));
                value.setHorizontalAlignment(Element.ALIGN_RIGHT);
                label.setPaddingLeft(outerPad);
                value.setPaddingRight(outerPad);
                for (PdfPCell c : new PdfPCell[] {label, value}) {
                    c.setPaddingTop(pad);
                    c.setPaddingBottom(pad);
                    if (fill != null) {
                        c.setBackgroundColor(fill);
                    }
                    if (strong && t.template() != Template.MODERN && t.template() != Template.MINIMAL) {
                        c.setBorder(Rectangle.TOP);
                        c.setBorderColorTop(accent);
                        c.setBorderWidthTop(t.doubleRuleTotal() ? 2.5f : 1.5f);
                    }
                    if (strong && t.template() == Template.MINIMAL) {
                        c.setPaddingTop(3 * MM);
                    }
                }
                label.setPaddingRight(pad);
                value.setPaddingLeft(pad);
                totals.addCell(label);
                totals.addCell(value);
            }
            PdfPCell rightCell = compositeCell();
            if (stacked && !v.taxRows().isEmpty()) {
                rightCell.setPaddingTop(2 * MM);
            }
            rightCell.addElement(totals);
            outer.addCell(rightCell);
            outer.setSpacingAfter(3 * MM);
            document.add(outer);
        }

        /**
         * A barcode at {@code mmPerModule}, with its quiet zone and, for QR codes, {@link #QR_MARGIN_MODULES}
         * more modules of white around it, so that no neighbouring text or rule comes closer.
         */
        private PdfPTable barcode(Barcode barcode, float mmPerModule) throws DocumentException {
            int quiet = barcode.symbology().quietZone();
            float module = mmPerModule * MM;
            float heightScale = barcode.symbology() == Barcode.Symbology.PDF417 ? 0.75f : 1f;
            float moduleH = module * heightScale;
            float w = (barcode.width() + 2 * quiet) * module;
            float h = (barcode.height() + 2 * quiet) * moduleH;
            PdfTemplate template = canvas.createTemplate(w, h);
            template.setColorFill(WHITE);
            template.rectangle(0, 0, w, h);
            template.fill();
            template.setColorFill(Color.BLACK);
            barcode.forEachDarkRun((y, x, length) ->
                    template.rectangle((x + quiet) * module, h - (y + quiet + 1) * moduleH, length * module, moduleH));
            template.fill();
            Image image = Image.getInstance(template);
            float extra = barcode.symbology() == Barcode.Symbology.QR_CODE ? QR_MARGIN_MODULES * module : 0f;
            PdfPTable table = new PdfPTable(1);
            table.setTotalWidth(w + 2 * extra);
            table.setLockedWidth(true);
            PdfPCell cell = new PdfPCell(image, false);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(extra);
            cell.setFixedHeight(h + 2 * extra);
            table.addCell(cell);
            return table;
        }

        private static float barcodeWidth(Barcode barcode, float mmPerModule) {
            int extra = barcode.symbology() == Barcode.Symbology.QR_CODE ? QR_MARGIN_MODULES : 0;
            return (barcode.width() + 2 * barcode.symbology().quietZone() + 2 * extra) * mmPerModule * MM;
        }

        /**
         * Payment details with the fiscal block below them (left) and the payment code (right); without
         * payment details the fiscal block stands alone. Then the UPN slip when it is printed.
         */
        private void payment(Document document) throws DocumentException {
            DocumentView.PaymentCode code = v.paymentCode();
            if (v.bank().isEmpty() && code == null) {
                standaloneFiscal(document);
                return;
            }
            boolean codeBeside = code != null && code.slip() == null;
            // the code's column is as wide as the code or its caption, whichever is wider
            float codeWidth = codeBeside ? Math.min(width * 0.45f, Math.max(barcodeWidth(code.barcode(), HtmlBackend.moduleSize(code.barcode())),
                    Measure.width(body, smallSize, code.caption()) + 1)) : 0f;
            float leftWidth = width - codeWidth - (codeBeside ? 4 * MM : 0f);
            PdfPTable table = codeBeside ? new PdfPTable(new float[] {leftWidth, width - leftWidth}) : new PdfPTable(1);
            table.setWidthPercentage(100);
            table.setKeepTogether(true);
            table.setSpacingBefore(4 * MM);
            PdfPCell left = compositeCell();
            left.setBorder(Rectangle.TOP);
            left.setBorderColor(rule);
            left.setBorderWidthTop(0.5f);
            left.setPaddingTop(3 * MM);
            if (!v.bank().isEmpty()) {
                left.addElement(headingParagraph(v.labels().get(Label.PAY_HEADING)));
                left.addElement(fieldTable(v.bank(), false, Math.min(leftWidth, width * 0.6f)));
            }
            PdfPTable fiscal = fiscalTable(leftWidth);
            if (fiscal != null) {
                fiscal.setSpacingBefore(v.bank().isEmpty() ? 0 : 3 * MM);
                left.addElement(fiscal);
            }
            table.addCell(left);
            if (codeBeside) {
                PdfPCell right = compositeCell();
                right.setBorder(Rectangle.TOP);
                right.setBorderColor(rule);
                right.setBorderWidthTop(0.5f);
                right.setPaddingTop(3 * MM - QR_MARGIN_MODULES * HtmlBackend.moduleSize(code.barcode()) * MM);
                PdfPTable image = barcode(code.barcode(), HtmlBackend.moduleSize(code.barcode()));
                image.setHorizontalAlignment(Element.ALIGN_RIGHT);
                right.addElement(image);
                Paragraph caption = paragraph(code.caption(), font(body, smallSize, muted));
                caption.setAlignment(Element.ALIGN_RIGHT);
                right.addElement(caption);
                table.addCell(right);
            }
            document.add(table);
            if (code != null && code.slip() != null) {
                slip(document, code);
            }
        }

        /** The fiscal block alone, when there are no payment details to sit under. */
        private void standaloneFiscal(Document document) throws DocumentException {
            PdfPTable fiscal = fiscalTable(width);
            if (fiscal != null) {
                fiscal.setSpacingBefore(4 * MM);
                document.add(fiscal);
            }
        }

        /** Heading, the FURS code (if any) and the fiscal fields; null when the document is not fiscalized. */
        private PdfPTable fiscalTable(float tableWidth) throws DocumentException {
            if (v.fiscal().isEmpty()) {
                return null;
            }
            float codeMm = v.fiscalCode() == null ? 0f : HtmlBackend.moduleSize(v.fiscalCode());
            float codeWidth = v.fiscalCode() == null ? 0f : barcodeWidth(v.fiscalCode(), codeMm);
            PdfPTable table = new PdfPTable(v.fiscalCode() == null ? new float[] {1f} : new float[] {codeWidth, tableWidth - codeWidth});
            table.setWidthPercentage(100);
            table.setKeepTogether(true);
            PdfPCell heading = compositeCell();
            heading.addElement(headingParagraph(v.labels().get(Label.FISCAL_HEADING)));
            heading.setColspan(v.fiscalCode() == null ? 1 : 2);
            table.addCell(heading);
            if (v.fiscalCode() != null) {
                PdfPCell qr = compositeCell();
                qr.addElement(barcode(v.fiscalCode(), codeMm));
                table.addCell(qr);
            }
            Font labelFont = font(body, size * 0.85f, muted);
            Font valueFont = font(PdfFonts.MONO, size * 0.85f, text);
            float widestLabel = 0f;
            float widestValue = 0f;
            for (Field field : v.fiscal()) {
                widestLabel = Math.max(widestLabel, Measure.widestWord(body, labelFont.getSize(), field.label()));
                widestValue = Math.max(widestValue, Measure.width(PdfFonts.MONO, valueFont.getSize(), field.value()));
            }
            float labelPad = 2 * MM;
            PdfPTable fields = new PdfPTable(Measure.fit(tableWidth - codeWidth, new float[] {0.35f, 1f},
                    new float[] {widestLabel + labelPad + 1, widestValue + 1}));
            fields.setWidthPercentage(100);
            for (Field field : v.fiscal()) {
                PdfPCell label = cell(phrase(field.label(), labelFont));
                label.setPaddingRight(labelPad);
                fields.addCell(label);
                fields.addCell(cell(phrase(field.value(), valueFont)));
            }
            PdfPCell right = compositeCell();
            right.setVerticalAlignment(Element.ALIGN_MIDDLE);
            right.addElement(fields);
            table.addCell(right);
            return table;
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
            receipt.setUseAscender(true);
            receipt.addElement(slipTitle("UPN QR \u2013 potrdilo", title));
            for (Field field : code.slip().receipt()) {
                receipt.addElement(slipField(field));
            }
            slip.addCell(receipt);
            PdfPCell order = new PdfPCell();
            order.setBorderWidth(0.8f);
            order.setPadding(2 * MM);
            order.setUseAscender(true);
            order.addElement(slipTitle("UPN QR \u2013 univerzalni plačilni nalog", title));
            float qrWidth = barcodeWidth(code.barcode(), SLIP_MODULE_MM);
            PdfPTable body = new PdfPTable(new float[] {qrWidth, qrWidth * 1.6f});
            body.setWidthPercentage(100);
            PdfPCell qr = compositeCell();
            qr.addElement(barcode(code.barcode(), SLIP_MODULE_MM));
            body.addCell(qr);
            PdfPCell fields = compositeCell();
            for (Field field : code.slip().order()) {
                fields.addElement(slipField(field));
            }
            body.addCell(fields);
            order.addElement(body);
            slip.addCell(order);
            document.add(slip);
        }

        /** A slip heading with clear space between it and the boxes below. */
        private Paragraph slipTitle(String title, Font font) {
            Paragraph p = paragraph(title, font);
            p.setSpacingAfter(2.5f * MM);
            return p;
        }

        private PdfPTable slipField(Field field) {
            PdfPTable box = new PdfPTable(1);
            box.setWidthPercentage(100);
            box.setSpacingAfter(1 * MM);
            Phrase phrase = phrase(field.label() + "\n", font(PdfFonts.SANS, 6f, new Color(0x555555)));
            phrase.add(chunk(field.value(), font(PdfFonts.SANS_BOLD, field.strong() ? 9f : 7.5f, Color.BLACK)));
            PdfPCell c = new PdfPCell(phrase);
            c.setBorderWidth(0.5f);
            c.setBorderColor(new Color(0x999999));
            c.setPadding(0.8f * MM);
            c.setPaddingTop(0.4f * MM);
            c.setLeading(0, 1.2f);
            box.addCell(c);
            return box;
        }

        /**
         * The texts (tax clause, note, payment terms) and, beside them at the bottom right, the signature line;
         * either may be missing.
         */
        private void closing(Document document) throws DocumentException {
            if (v.texts().isEmpty() && v.signature() == null) {
                return;
            }
            float signatureWidth = 65 * MM;
            PdfPTable table = v.signature() == null ? new PdfPTable(1)
                    : new PdfPTable(new float[] {width - signatureWidth, signatureWidth});
            table.setWidthPercentage(100);
            table.setKeepTogether(true);
            table.setSpacingBefore(3 * MM);
            PdfPCell texts = compositeCell();
            texts.setPaddingRight(v.signature() == null ? 0 : 6 * MM);
            boolean first = true;
            for (TextBlock block : v.texts()) {
                if (block.heading() != null) {
                    Paragraph heading = headingParagraph(block.heading());
                    heading.setSpacingBefore(first ? 0 : 3 * MM);
                    texts.addElement(heading);
                }
                Paragraph p = paragraph(block.text().strip(), font(body, size, text));
                p.setSpacingBefore(first || block.heading() != null ? 0 : 3 * MM);
                texts.addElement(p);
                first = false;
            }
            table.addCell(texts);
            if (v.signature() != null) {
                PdfPTable line = new PdfPTable(1);
                line.setWidthPercentage(100);
                // room above the line to sign in
                line.setSpacingBefore(v.texts().isEmpty() ? 8 * MM : 0);
                Phrase phrase = phrase(v.labels().get(Label.TEXT_SIGNATURE) + "\n", font(body, size * 0.85f, muted));
                phrase.add(chunk(v.signature().strip(), font(body, size, text)));
                PdfPCell c = new PdfPCell(phrase);
                c.setBorder(Rectangle.TOP);
                c.setBorderWidthTop(0.8f);
                c.setBorderColorTop(text);
                c.setHorizontalAlignment(Element.ALIGN_CENTER);
                c.setPaddingTop(1.5f * MM);
                line.addCell(c);
                PdfPCell right = compositeCell();
                right.setVerticalAlignment(Element.ALIGN_BOTTOM);
                right.setMinimumHeight(14 * MM);
                right.addElement(line);
                table.addCell(right);
            }
            document.add(table);
        }

        /**
         * Watermark, footer, the running header of continuation pages (title and number, issuer) and page
         * numbers; "Page x of y" is filled in when the page count is known.
         */
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
                Font small = font(body, smallSize, muted);
                float y = footerY + (footerLines.size() - 1) * smallSize * 1.3f;
                for (String line : footerLines) {
                    ColumnText.showTextAligned(over, Element.ALIGN_CENTER, phrase(line, small), page.getWidth() / 2, y, 0);
                    y -= smallSize * 1.3f;
                }
                if (writer.getPageNumber() > 1) {
                    float top = page.getHeight() - margin * 0.6f;
                    ColumnText.showTextAligned(over, Element.ALIGN_LEFT,
                            phrase(v.title() + (v.number() == null ? "" : " " + v.number()), small), margin, top, 0);
                    ColumnText.showTextAligned(over, Element.ALIGN_RIGHT, phrase(v.issuer().name(), small),
                            page.getWidth() - margin, top, 0);
                }
                PdfTemplate number = over.createTemplate(60 * MM, 4 * MM);
                pageNumbers.add(number);
                over.addTemplate(number, page.getWidth() - margin - 60 * MM, pageNumberY - 1 * MM);
                if (v.mark() != null) {
                    PdfContentByte under = writer.getDirectContentUnder();
                    under.saveState();
                    PdfGState state = new PdfGState();
                    state.setFillOpacity(0.10f);
                    under.setGState(state);
                    ColumnText.showTextAligned(under, Element.ALIGN_CENTER,
                            phrase(v.mark().toUpperCase(v.labels().language().defaultLocale()),
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
                            phrase(v.labels().pageOf(i + 1, total), font(body, smallSize, muted)),
                            60 * MM, 1 * MM, 0);
                }
            }
        }
    }
}
