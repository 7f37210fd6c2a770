package eu.invoicing.rendering;

import com.google.zxing.BarcodeFormat;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.EntitySettings.UpnDisplayMode;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.rendering.i18n.Language;
import eu.invoicing.rendering.testing.BarcodeDecoding;
import eu.invoicing.rendering.testing.SampleDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfRendererTest {
    private static final PdfRenderer PDF = PdfRenderer.create();

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ');
        }
    }

    static String pageText(byte[] pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(document).replace('\u00a0', ' ');
        }
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void render_everyTemplate_hasExtractableTranslatedLabelsAndLocaleTotals(Template template) throws IOException {
        byte[] pdf = PDF.render(SampleDocuments.invoice(), SampleDocuments.entity(), RenderOptions.builder().template(template).build());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).containsIgnoringCase("Račun").contains("2026-00042", "Čebelarstvo Žužek s.p.", "1.750,03 €",
                "1.442,10 €", "15. 1. 2026", "14. 2. 2026", "22 %", "9,5 %");
        assertThat(text.toLowerCase()).contains("skupaj z ddv", "rekapitulacija ddv");
    }

    @Test
    void render_usEnglish_formatsTotalsTheAmericanWay() throws IOException {
        String text = text(PDF.render(SampleDocuments.invoice(), SampleDocuments.entity(), RenderOptions.builder().locale("en-US").build()));
        assertThat(text).contains("Invoice", "€1,750.03", "1/15/2026", "Total excl. tax", "Due date");
    }

    @Test
    void render_fonts_areEmbeddedSubsetsOfLiberation() throws IOException {
        byte[] pdf = PDF.render(SampleDocuments.fiscalInvoice(), SampleDocuments.entity());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> names = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    names.add(font.getName());
                }
            }
            assertThat(names).isNotEmpty().allMatch(n -> n.matches("[A-Z]{6}\\+Liberation.*"));
        }
    }

    @Test
    void render_diacriticsNordicAndCyrillic_surviveExtraction() throws IOException {
        Party customer = Party.builder().name("Čšž Ćđ Straße Øre Þór").address("ул. Витоша 15").city("София").build();
        Document d = SampleDocuments.invoice().toBuilder().customer(customer).note("Благодарим Ви! ß ø þ ð æ å ő ű").build();
        String text = text(PDF.render(d, SampleDocuments.entity(), RenderOptions.builder().locale("bg-BG").build()));
        assertThat(text).contains("Čšž Ćđ Straße Øre Þór", "ул. Витоша 15", "София", "Благодарим Ви! ß ø þ ð æ å ő ű",
                "Фактура", "Общо с ДДС", "1 750,03 €", "15.01.2026 г.");
    }

    @Test
    void render_twoHundredLines_paginatesWithRepeatedHeaderAndPageNumbers() throws IOException {
        byte[] pdf = PDF.render(SampleDocuments.longInvoice(200), SampleDocuments.entity());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            for (int page = 1; page <= pages; page++) {
                String text = pageText(pdf, page);
                assertThat(text).as("page %d", page).contains("Stran " + page + " od " + pages);
                if (page < pages) {
                    assertThat(text).as("table header on page %d", page).contains("Postavka", "Količina", "Znesek");
                }
            }
        }
        String all = text(pdf);
        assertThat(all).contains("Postavka št. 1 2 kos 1,99", "Postavka št. 200", "Skupaj z DDV");
    }

    @Test
    void render_onePage_hasNoPageNumber() throws IOException {
        Document shortInvoice = SampleDocuments.invoice().toBuilder().note(null).paymentTerms(null).signature(null).build();
        byte[] pdf = PDF.render(shortInvoice, SampleDocuments.entity());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(text(pdf)).doesNotContain("Stran 1 od 1");
    }

    @Test
    void render_draftAndVoid_printTheMark() throws IOException {
        Document draft = SampleDocuments.invoice().toBuilder().draft(true).number(null).build();
        assertThat(text(PDF.render(draft, SampleDocuments.entity(), RenderOptions.builder().language(Language.DE).build())))
                .contains("ENTWURF", "Rechnung");
    }

    @Test
    void render_upnQrOnPage_decodesFromTheRasterisedPage() throws Exception {
        byte[] pdf = PDF.render(SampleDocuments.invoice(), SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, false, false));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            String found = null;
            for (int page = 0; page < document.getNumberOfPages() && found == null; page++) {
                try {
                    found = BarcodeDecoding.decode(renderer.renderImageWithDPI(page, 200), BarcodeFormat.QR_CODE).getText();
                } catch (com.google.zxing.NotFoundException e) {
                    found = null;
                }
            }
            assertThat(found).startsWith("UPNQR\n").contains("\n00000175003\n", "\nRačun 2026-00042\n", "\nSI56191000000123438\n");
        }
    }

    @Test
    void render_completeMode_failsBeforeWritingAnything() {
        Document incomplete = SampleDocuments.invoice().toBuilder().items(List.of(LineItem.builder().quantity("1").build())).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> PDF.render(incomplete, SampleDocuments.entity(),
                RenderOptions.builder().mode(RenderMode.COMPLETE).build(), out))
                .isInstanceOf(ValidationException.class).hasMessageContaining("items[0].name").hasMessageContaining("items[0].price");
        assertThat(out.size()).isZero();
    }

    @Test
    void render_logoBytes_areEmbeddedAsAnImage() throws IOException {
        byte[] pdf = PDF.render(SampleDocuments.invoice(), SampleDocuments.entity(), RenderOptions.builder().logo(Logos.PNG).build());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            boolean hasImage = false;
            for (var name : document.getPage(0).getResources().getXObjectNames()) {
                hasImage |= document.getPage(0).getResources().isImageXObject(name);
            }
            assertThat(hasImage).isTrue();
        }
    }

    @Test
    void create_fixedClock_rendersByteIdenticalPdfsDatedByTheClock() throws IOException {
        Instant instant = Instant.parse("2026-11-20T08:30:00Z");
        PdfRenderer renderer = PdfRenderer.create(Clock.fixed(instant, ZoneId.of("Europe/Ljubljana")));
        RenderOptions options = RenderOptions.builder().logo(Logos.PNG).build();
        byte[] first = renderer.render(SampleDocuments.fiscalInvoice(), SampleDocuments.entity(), options);
        byte[] second = renderer.render(SampleDocuments.fiscalInvoice(), SampleDocuments.entity(), options);
        assertThat(firstDifference(first, second)).as("offset of the first differing byte").isEqualTo(-1);
        try (PDDocument document = Loader.loadPDF(first)) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(instant);
            assertThat(document.getDocumentInformation().getModificationDate().toInstant()).isEqualTo(instant);
        }
    }

    static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }

    @Test
    void create_fixedClock_derivesTheFileIdFromTheContent() throws IOException {
        PdfRenderer renderer = PdfRenderer.create(Clock.fixed(Instant.parse("2026-11-20T08:30:00Z"), ZoneOffset.UTC));
        byte[] a = renderer.render(SampleDocuments.invoice(), SampleDocuments.entity());
        byte[] b = renderer.render(SampleDocuments.invoice().toBuilder().number("2026-00043").build(), SampleDocuments.entity());
        try (PDDocument da = Loader.loadPDF(a); PDDocument db = Loader.loadPDF(b)) {
            String idA = da.getDocument().getTrailer().getCOSArray(COSName.ID).toString();
            String idB = db.getDocument().getTrailer().getCOSArray(COSName.ID).toString();
            assertThat(idA).isNotEqualTo(idB);
        }
        PdfRenderer later = PdfRenderer.create(Clock.fixed(Instant.parse("2026-11-21T08:30:00Z"), ZoneOffset.UTC));
        assertThat(later.render(SampleDocuments.invoice(), SampleDocuments.entity())).isNotEqualTo(a);
    }

    @Test
    void render_concurrently_givesTheSameTextAsSequentially() throws Exception {
        Document d = SampleDocuments.longInvoice(40);
        String expected = text(PDF.render(d, SampleDocuments.entity()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> PDF.render(d, SampleDocuments.entity())));
            }
            for (Future<byte[]> future : futures) {
                assertThat(text(future.get())).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.Set<String> programLengths(byte[] pdf) {
        java.util.Set<String> lengths = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Length1 (\\d+)")
                .matcher(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1));
        while (m.find()) {
            lengths.add(m.group(1));
        }
        return lengths;
    }

    @Test
    void render_latinAndCyrillicDocuments_embedTheSamePrebuiltFontPrograms() throws IOException {
        byte[] a = PDF.render(SampleDocuments.invoice(), SampleDocuments.entity());
        byte[] b = PDF.render(SampleDocuments.longInvoice(40), SampleDocuments.entity(), RenderOptions.builder().locale("bg-BG").build());
        assertThat(programLengths(a)).isNotEmpty().isEqualTo(programLengths(b));
    }

    @Test
    void render_glyphOutsideThePrebuiltSet_fallsBackToAPerDocumentSubsetThatStillPrints() throws IOException {
        Party customer = Party.builder().name("Ελληνική Εταιρεία").address("Οδός 1").city("Αθήνα").build();
        Document greek = SampleDocuments.invoice().toBuilder().customer(customer).build();
        byte[] pdf = PDF.render(greek, SampleDocuments.entity());
        assertThat(text(pdf)).contains("Ελληνική Εταιρεία", "Αθήνα");
        assertThat(programLengths(pdf)).isNotEqualTo(programLengths(PDF.render(SampleDocuments.invoice(), SampleDocuments.entity())));
    }
    @Test
    void render_afterALongerDocumentOnTheSameThread_isTheSameBytesAsOnAFreshThread() throws Exception {
        // the PDF buffer is reused per thread: nothing of a longer document may be left in a shorter one
        PdfRenderer renderer = PdfRenderer.create(Clock.fixed(Instant.parse("2026-11-20T08:30:00Z"), ZoneOffset.UTC));
        ExecutorService fresh = Executors.newSingleThreadExecutor();
        try {
            byte[] alone = fresh.submit(() -> renderer.render(SampleDocuments.invoice(), SampleDocuments.entity())).get();
            byte[] longer = renderer.render(SampleDocuments.longInvoice(200), SampleDocuments.entity());
            byte[] after = renderer.render(SampleDocuments.invoice(), SampleDocuments.entity());
            assertThat(longer.length).isGreaterThan(alone.length);
            assertThat(after).isEqualTo(alone);
            assertThat(renderer.render(SampleDocuments.longInvoice(200), SampleDocuments.entity())).isEqualTo(longer);
        } finally {
            fresh.shutdownNow();
        }
    }
}
