package eu.invoicing.rendering;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.TaxSummary;
import eu.invoicing.core.model.TitleType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings.UpnDisplayMode;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.rendering.i18n.Label;
import eu.invoicing.rendering.i18n.Labels;
import eu.invoicing.rendering.i18n.Language;
import eu.invoicing.rendering.internal.DocumentView;
import eu.invoicing.rendering.internal.ViewBuilder;
import eu.invoicing.rendering.testing.SampleDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the PDF pages look like: page breaks, whole words, running headers, clear space around codes. */
class PdfLayoutTest {
    private static final PdfRenderer PDF = PdfRenderer.create();
    private static final float DPI = 300f;
    private static final float PX_PER_MM = DPI / 25.4f;

    static Stream<Arguments> templatesAndLineCounts() {
        List<Arguments> cases = new ArrayList<>();
        for (Template template : Template.values()) {
            for (int lines = 1; lines <= 6; lines++) {
                cases.add(Arguments.of(template, lines));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> templatesAndLanguages() {
        List<Arguments> cases = new ArrayList<>();
        for (Template template : Template.values()) {
            for (Language language : Language.values()) {
                cases.add(Arguments.of(template, language));
            }
        }
        return cases.stream();
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    @ParameterizedTest(name = "{0}, {1} lines")
    @MethodSource("templatesAndLineCounts")
    void render_shortInvoiceWithQrFiscalBlockAndTexts_isOnePage(Template template, int lines) throws IOException {
        Entity entity = SampleDocuments.letterheadEntity(UpnDisplayMode.QR_ONLY);
        byte[] pdf = PDF.render(SampleDocuments.shortInvoice(lines, entity), entity,
                RenderOptions.builder().template(template).build());
        assertThat(pages(pdf)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void render_readmeSampleInvoice_isOnePage(Template template) throws IOException {
        byte[] pdf = PDF.render(SampleDocuments.fiscalInvoice(), SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, false, false),
                RenderOptions.builder().template(template).build());
        assertThat(pages(pdf)).isEqualTo(1);
    }

    /** A foreign-currency invoice with a service period and a reference: the meta and converted-totals labels. */
    private static Document foreignCurrencyInvoice() {
        Document d = SampleDocuments.invoiceBuilder(DocumentType.INVOICE)
                .currencyCode("USD").reference("PO-2026-117")
                .dateService(LocalDate.of(2026, 1, 1)).dateServiceTo(LocalDate.of(2026, 1, 31))
                .exchangeRate(new ExchangeRate(new BigDecimal("0.9231"), "ECB", LocalDate.of(2026, 1, 14), "EUR"))
                .build();
        return SampleDocuments.calculate(d);
    }

    /** Reverse-charged taxes: the tax summary names them with the (long) reverse-charge label. */
    private static Document reverseChargeInvoice() {
        Document d = SampleDocuments.invoice();
        return d.toBuilder().taxClause("Reverse charge: VAT to be accounted for by the recipient (Article 196, Directive 2006/112/EC).")
                .taxes(d.taxes().stream().map(t -> new TaxSummary(t.name(), t.rate(), t.taxId(), t.base(), t.amount(), true,
                        null, null, t.total())).toList()).build();
    }

    /**
     * Every word of every label, and of every value the page prints, is drawn whole: OpenPDF cuts a word
     * that is wider than its cell into pieces on consecutive lines, which the text extraction shows as
     * adjacent tokens that join to the word. The totals' labels stay on one line.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("templatesAndLanguages")
    void render_everyTemplateAndLanguage_drawsEveryLabelWordWhole(Template template, Language language) throws IOException {
        Labels labels = Labels.of(language);
        Locale locale = language.defaultLocale();
        Set<String> words = new LinkedHashSet<>();
        for (Label label : Label.values()) {
            for (String word : labels.get(label).split("[\\s\\u00a0]+")) {
                if (word.length() >= 3 && !word.contains("{")) {
                    words.add(word.toLowerCase(locale));
                }
            }
        }
        RenderOptions options = RenderOptions.builder().template(template).language(language)
                .locale(language.defaultLocale().toLanguageTag()).build();
        Entity upn = SampleDocuments.letterheadEntity(UpnDisplayMode.QR_ONLY);
        Document invoice = SampleDocuments.invoice();
        Document partlyPaid = invoice.toBuilder().roundingCorrection(new BigDecimal("0.01")).totalPaid(new BigDecimal("500.00"))
                .totalDue(invoice.totalWithTax().subtract(new BigDecimal("500.00"))).build();
        Document paid = invoice.toBuilder().totalPaid(invoice.totalWithTax()).totalDue(BigDecimal.ZERO).paidInFull(true).build();
        Map<Document, Entity> documents = Map.of(SampleDocuments.fiscalInvoice(), upn, foreignCurrencyInvoice(), SampleDocuments.entity(),
                reverseChargeInvoice(), SampleDocuments.entity(), partlyPaid, SampleDocuments.entity(), paid, SampleDocuments.entity());
        for (Map.Entry<Document, Entity> document : documents.entrySet()) {
            byte[] pdf = PDF.render(document.getKey(), document.getValue(), options);
            Set<String> printed = new LinkedHashSet<>(words);
            printed.addAll(valueWords(ViewBuilder.build(document.getKey(), document.getValue(), options), locale));
            String text = PdfRendererTest.text(pdf);
            List<String> split = splitWords(text, printed, locale);
            assertThat(split).as("words cut across lines in %s/%s", template, language).isEmpty();
            String oneLine = text.replaceAll("[ \\t]+", " ");
            for (DocumentView.Field total : ViewBuilder.build(document.getKey(), document.getValue(), options).totals()) {
                assertThat(oneLine).as("total '%s' on one line", total.label()).contains(total.label().replace('\u00a0', ' '));
            }
        }
    }

    /**
     * Every title, however long its words ("INNBORGUNARREIKNINGUR" in 30 pt capitals), is drawn whole. Of the
     * six kinds' titles, the one with the longest word and the longest title are rendered.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("templatesAndLanguages")
    void render_longestTitlesInEveryTemplateAndLanguage_areDrawnWhole(Template template, Language language) throws IOException {
        Locale locale = language.defaultLocale();
        RenderOptions options = RenderOptions.builder().template(template).language(language).build();
        List<Document> kinds = new ArrayList<>();
        for (DocumentType type : List.of(DocumentType.INVOICE, DocumentType.ESTIMATE, DocumentType.CREDIT_NOTE,
                DocumentType.ADVANCE_INVOICE, DocumentType.DELIVERY_NOTE)) {
            kinds.add(SampleDocuments.calculate(SampleDocuments.invoiceBuilder(type).build()));
        }
        kinds.add(SampleDocuments.calculate(SampleDocuments.invoiceBuilder(DocumentType.ESTIMATE)
                .titleType(TitleType.PROFORMA_INVOICE).build()));
        Document longestWord = null;
        Document longestTitle = null;
        int word = 0;
        int title = 0;
        for (Document document : kinds) {
            String text = ViewBuilder.build(document, SampleDocuments.entity(), options).title();
            for (String w : text.split(" +")) {
                if (w.length() > word) {
                    word = w.length();
                    longestWord = document;
                }
            }
            if (text.length() > title) {
                title = text.length();
                longestTitle = document;
            }
        }
        for (Document document : new LinkedHashSet<>(List.of(longestWord, longestTitle))) {
            String text = ViewBuilder.build(document, SampleDocuments.entity(), options).title();
            Set<String> words = new LinkedHashSet<>();
            for (String w : text.split(" +")) {
                words.add(w.toLowerCase(locale));
            }
            String pdf = PdfRendererTest.text(PDF.render(document, SampleDocuments.entity(), options));
            assertThat(splitWords(pdf, words, locale)).as("title '%s'", text).isEmpty();
        }
    }

    /** The words of the values the page prints: dates, amounts with their currency, numbers, IBAN, codes. */
    static Set<String> valueWords(DocumentView view, Locale locale) {
        List<String> values = new ArrayList<>();
        List<DocumentView.Field> fields = new ArrayList<>(view.meta());
        fields.addAll(view.totals());
        fields.addAll(view.bank());
        fields.addAll(view.fiscal());
        fields.addAll(view.converted());
        for (DocumentView.Field field : fields) {
            values.add(field.value());
        }
        for (DocumentView.TaxRow row : view.taxRows()) {
            values.add(row.base());
            values.add(row.amount());
        }
        for (DocumentView.Row row : view.rows()) {
            values.addAll(row.cells().subList(1, row.cells().size()));
        }
        values.add(view.number());
        Set<String> words = new LinkedHashSet<>();
        for (String value : values) {
            for (String word : value.split("[\\s\\u00a0]+")) {
                if (word.length() >= 3) {
                    words.add(word.toLowerCase(locale));
                }
            }
        }
        return words;
    }

    /** Runs of 2-3 tokens separated only by line breaks that join to a label word. */
    static List<String> splitWords(String text, Set<String> words, Locale locale) {
        List<String> tokens = new ArrayList<>();
        List<Boolean> newlineBefore = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean sawNewline = false;
        boolean sawSpace = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (token.length() > 0) {
                    tokens.add(token.toString());
                    newlineBefore.add(sawNewline && !sawSpace);
                    token.setLength(0);
                    sawNewline = false;
                    sawSpace = false;
                }
                if (c == '\n' || c == '\r') {
                    sawNewline = true;
                } else {
                    sawSpace = true;
                }
            } else {
                token.append(c);
            }
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder joined = new StringBuilder(tokens.get(i));
            for (int k = i + 1; k < Math.min(tokens.size(), i + 3); k++) {
                if (!newlineBefore.get(k)) {
                    break;
                }
                joined.append(tokens.get(k));
                if (words.contains(joined.toString().toLowerCase(locale))) {
                    found.add(String.join("|", tokens.subList(i, k + 1)));
                }
            }
        }
        return found;
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void render_twoHundredLines_everyContinuationPageNamesTheDocument(Template template) throws IOException {
        byte[] pdf = PDF.render(SampleDocuments.longInvoice(200), SampleDocuments.entity(),
                RenderOptions.builder().template(template).build());
        int pages = pages(pdf);
        assertThat(pages).isGreaterThan(2);
        for (int page = 2; page <= pages; page++) {
            assertThat(PdfRendererTest.pageText(pdf, page)).as("page %d", page).contains("Račun 2026-00042");
        }
    }

    @Test
    void render_longFooter_wrapsInsideThePageAboveThePageNumber() throws IOException {
        String footer = "Primer d.o.o., Dunajska cesta 1, 1000 Ljubljana · Vpis v sodni register: Okrožno sodišče v Ljubljani, "
                + "srg 2026/12345 · Osnovni kapital: 7.500,00 EUR · Direktor: Janez Novak · TRR SI56 1910 0000 0123 438 pri Banki "
                + "· Poslovni čas: ponedeljek-petek 8-16 · Reklamacije: reklamacije@primer.si · Splošni pogoji: https://primer.si/pogoji";
        Document d = SampleDocuments.longInvoice(60).toBuilder().footer(footer).build();
        byte[] pdf = PDF.render(d, SampleDocuments.entity());
        List<TextPosition> glyphs = new ArrayList<>();
        float pageWidth;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pageWidth = document.getPage(0).getMediaBox().getWidth();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            };
            stripper.getText(document);
        }
        float margin = 16 * 72f / 25.4f;
        assertThat(glyphs).isNotEmpty().allSatisfy(g -> assertThat(g.getXDirAdj()).isGreaterThanOrEqualTo(margin - 1)
                .isLessThanOrEqualTo(pageWidth - margin + 1 - g.getWidthDirAdj()));
        String text = PdfRendererTest.text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Splošni pogoji: https://primer.si/pogoji", "Osnovni kapital: 7.500,00 EUR");
    }

    // ---- clear space around the codes -------------------------------------------------------------

    /** A QR code found on a rasterised page: its edges in pixels and its module size. */
    record Symbol(int left, int top, int right, int bottom, float module) {
    }

    private static boolean dark(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        int luminance = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
        return luminance < 170;
    }

    /** From a finder pattern's centre, the pixel where the third colour change (the pattern's outer edge) happens. */
    private static int edge(BufferedImage image, int x, int y, int dx, int dy) {
        boolean wasDark = true;
        int changes = 0;
        while (x > 0 && y > 0 && x < image.getWidth() - 1 && y < image.getHeight() - 1) {
            x += dx;
            y += dy;
            boolean isDark = dark(image, x, y);
            if (isDark != wasDark) {
                changes++;
                wasDark = isDark;
                if (changes == 3) {
                    return dx != 0 ? x - dx : y - dy;
                }
            }
        }
        throw new AssertionError("no finder pattern edge from " + x + "," + y);
    }

    static List<Symbol> qrSymbols(BufferedImage image) throws NotFoundException {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        Result[] results = new QRCodeMultiReader().decodeMultiple(
                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints);
        List<Symbol> symbols = new ArrayList<>();
        for (Result result : results) {
            ResultPoint[] p = result.getResultPoints();
            ResultPoint bottomLeft = p[0];
            ResultPoint topLeft = p[1];
            ResultPoint topRight = p[2];
            int cx = Math.round(topLeft.getX());
            int cy = Math.round(topLeft.getY());
            int left = edge(image, cx, cy, -1, 0);
            int finderRight = edge(image, cx, cy, 1, 0);
            int top = edge(image, cx, cy, 0, -1);
            int right = edge(image, Math.round(topRight.getX()), Math.round(topRight.getY()), 1, 0);
            int bottom = edge(image, Math.round(bottomLeft.getX()), Math.round(bottomLeft.getY()), 0, 1);
            symbols.add(new Symbol(left, top, right, bottom, (finderRight - left + 1) / 7f));
        }
        return symbols;
    }

    /** The white margin around a symbol to the nearest ink on each side, in modules. */
    record Clearance(float left, float top, float right, float bottom) {
        float min() {
            return Math.min(Math.min(left, right), Math.min(top, bottom));
        }
    }

    private static int clear(BufferedImage image, int x, int y, int dx, int dy) {
        int d = 0;
        while (x + (d + 1) * dx >= 0 && y + (d + 1) * dy >= 0 && x + (d + 1) * dx < image.getWidth()
                && y + (d + 1) * dy < image.getHeight() && !dark(image, x + (d + 1) * dx, y + (d + 1) * dy)) {
            d++;
        }
        return d;
    }

    static Clearance clearance(BufferedImage image, Symbol s) {
        int left = Integer.MAX_VALUE;
        int right = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MAX_VALUE;
        // Module edges fall between pixels: the scan starts one anti-aliased pixel beyond the finder's edge.
        for (int y = s.top(); y <= s.bottom(); y++) {
            left = Math.min(left, 1 + clear(image, s.left() - 1, y, -1, 0));
            right = Math.min(right, 1 + clear(image, s.right() + 1, y, 1, 0));
        }
        for (int x = s.left(); x <= s.right(); x++) {
            top = Math.min(top, 1 + clear(image, x, s.top() - 1, 0, -1));
            bottom = Math.min(bottom, 1 + clear(image, x, s.bottom() + 1, 0, 1));
        }
        float m = s.module();
        return new Clearance(left / m, top / m, right / m, bottom / m);
    }

    private static List<BufferedImage> pageImages(byte[] pdf) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                images.add(renderer.renderImageWithDPI(page, DPI));
            }
        }
        return images;
    }

    private static BufferedImage lastPage(byte[] pdf) throws IOException {
        List<BufferedImage> images = pageImages(pdf);
        return images.get(images.size() - 1);
    }

    @ParameterizedTest
    @EnumSource(value = UpnDisplayMode.class, names = {"QR_ONLY", "FULL_SLIP"})
    void render_upnAndFursCodes_haveAtLeastSixModulesOfClearSpaceOnEverySide(UpnDisplayMode mode) throws Exception {
        byte[] pdf = PDF.render(SampleDocuments.fiscalInvoice(), SampleDocuments.entityWith(mode, false, false));
        List<Clearance> found = new ArrayList<>();
        for (BufferedImage page : pageImages(pdf)) {
            List<Symbol> symbols;
            try {
                symbols = qrSymbols(page);
            } catch (NotFoundException e) {
                continue;
            }
            for (Symbol symbol : symbols) {
                found.add(clearance(page, symbol));
            }
        }
        assertThat(found).as("UPN QR and FURS QR found").hasSize(2);
        assertThat(found).as("clear space in modules").allMatch(c -> c.min() >= 6f);
    }

    /** Where the words of a text are drawn on the last page, in PDF points from the top-left corner. */
    private static List<TextPosition> positionsOf(byte[] pdf, String word) throws IOException {
        List<TextPosition> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    int at = text.indexOf(word);
                    if (at >= 0 && positions.size() == text.length()) {
                        found.addAll(positions.subList(at, at + word.length()));
                    }
                }
            };
            stripper.setStartPage(document.getNumberOfPages());
            stripper.getText(document);
        }
        return found;
    }

    @Test
    void render_upnFullSlip_headingsStandClearOfTheFieldBoxesBelow() throws IOException {
        byte[] pdf = PDF.render(SampleDocuments.invoice(), SampleDocuments.entityWith(UpnDisplayMode.FULL_SLIP, false, false));
        BufferedImage page = lastPage(pdf);
        for (String heading : List.of("potrdilo", "nalog")) {
            List<TextPosition> glyphs = positionsOf(pdf, heading);
            assertThat(glyphs).as(heading).hasSize(heading.length());
            float baseline = glyphs.get(0).getYDirAdj();
            float size = glyphs.get(0).getFontSizeInPt();
            int x0 = Math.round(glyphs.get(0).getXDirAdj() * DPI / 72f);
            int x1 = Math.round((glyphs.get(glyphs.size() - 1).getXDirAdj() + glyphs.get(glyphs.size() - 1).getWidthDirAdj()) * DPI / 72f);
            int start = Math.round((baseline + 0.25f * size) * DPI / 72f);
            int gap = Integer.MAX_VALUE;
            for (int x = x0; x <= x1; x++) {
                int y = start;
                while (y < page.getHeight() && !dark(page, x, y)) {
                    y++;
                }
                gap = Math.min(gap, y - start);
            }
            assertThat(gap / PX_PER_MM).as("clear space under '%s' in mm", heading).isGreaterThanOrEqualTo(1.5f);
        }
    }
}
