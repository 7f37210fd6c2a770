package eu.invoicing.rendering;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Result;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings.UpnDisplayMode;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.core.model.RelationType;
import eu.invoicing.core.model.TitleType;
import eu.invoicing.rendering.i18n.Language;
import eu.invoicing.rendering.payment.UpnQr;
import eu.invoicing.rendering.testing.BarcodeDecoding;
import eu.invoicing.rendering.testing.SampleDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HtmlRendererTest {
    private static final HtmlRenderer HTML = HtmlRenderer.create();
    private static final String PAYLOAD = "<script>alert('x')</script>\"onload=\"x'&";

    @Test
    void render_sloveneInvoice_showsTranslatedLabelsAndLocaleTotals() {
        String html = HTML.render(SampleDocuments.invoice(), SampleDocuments.entity());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"sl\">")
                .contains("<h1>Račun</h1>", "2026-00042", "Skupaj z DDV", "1.750,03\u00a0€", "15. 1. 2026", "Rok plačila",
                        "DDV 22\u00a0%", "Rekapitulacija DDV");
    }

    @Test
    void render_sellerAndBuyerIdentifiers_printedUnderTheirPartyWithTheScheme() {
        Document d = SampleDocuments.invoice();
        Document withIds = d.toBuilder()
                .issuer(SampleDocuments.entity().asIssuer().toBuilder().identifiers(List.of(
                        new PartyIdentifier("5790000436101", "0088"), new PartyIdentifier("SUP-17", null))).build())
                .customer(d.customer().toBuilder().identifiers(List.of(new PartyIdentifier("5790000436057", "0088")))
                        .build()).build();
        String html = HTML.render(withIds, SampleDocuments.entity(), RenderOptions.builder().language(Language.EN).build());
        assertThat(html).contains("Identifier: 5790000436101 (0088)", "Identifier: SUP-17<",
                "Identifier: 5790000436057 (0088)");
        assertThat(HTML.render(withIds, SampleDocuments.entity())).contains("Identifikator: 5790000436101 (0088)");
        assertThat(HTML.render(d, SampleDocuments.entity(), RenderOptions.builder().language(Language.EN).build()))
                .doesNotContain("Identifier");
    }

    @Test
    void render_englishLanguageGermanLocale_mixesLabelsAndFormats() {
        String html = HTML.render(SampleDocuments.invoice(), SampleDocuments.entity(),
                RenderOptions.builder().locale("de-DE").language(Language.EN).build());
        assertThat(html).contains("<h1>Invoice</h1>", "1.750,03\u00a0€", "15.01.2026", "Due date");
        String us = HTML.render(SampleDocuments.invoice(), SampleDocuments.entity(), RenderOptions.builder().locale("en-US").build());
        assertThat(us).contains("€1,750.03", "1/15/2026", "Total");
    }

    /**
     * Issue 11: the reference's shareable html/pdf take locale values such as de-AT; without an exact
     * format the language's (de) formatting and labels are used, also for an entity whose locale is de-AT.
     */
    @Test
    void render_regionalTags_fallBackToTheLanguage() {
        String html = HTML.render(SampleDocuments.invoice(), SampleDocuments.entity(),
                RenderOptions.builder().locale("de-AT").language(Language.of("de-AT")).build());
        assertThat(html).contains("<h1>Rechnung</h1>", "1.750,03\u00a0€", "15.01.2026");
        Entity austrian = SampleDocuments.entity().toBuilder().locale("de-AT").build();
        assertThat(HTML.render(SampleDocuments.invoice(), austrian)).contains("<h1>Rechnung</h1>", "15.01.2026");
        assertThat(HTML.render(SampleDocuments.invoice(), SampleDocuments.entity(),
                RenderOptions.builder().locale("en-US").language(Language.of("en-US")).build()))
                .contains("<h1>Invoice</h1>", "€1,750.03");
    }

    @Test
    void render_selfContained_hasNoExternalReferences() {
        String html = HTML.render(SampleDocuments.invoice(), SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, false, false),
                RenderOptions.builder().logo(Logos.PNG).build());
        assertThat(html).contains("<style>", "src=\"data:image/png;base64,", "<svg");
        assertThat(html).doesNotContain("<link", "src=\"http", "url(http", "<script");
    }

    @Test
    void render_hostileTextInEveryField_isEscapedEverywhere() {
        Party hostile = Party.builder().name(PAYLOAD).address(PAYLOAD).address2(PAYLOAD).postCode(PAYLOAD).city(PAYLOAD)
                .state(PAYLOAD).country(PAYLOAD).taxNumber(PAYLOAD).companyNumber(PAYLOAD).email(PAYLOAD).phone(PAYLOAD)
                .website(PAYLOAD).build();
        Document d = SampleDocuments.invoice().toBuilder()
                .number(PAYLOAD).issuer(hostile).customer(hostile).note(PAYLOAD).paymentTerms(PAYLOAD)
                .taxClause(PAYLOAD).footer(PAYLOAD).signature(PAYLOAD).reference(PAYLOAD)
                .documentRelations(List.of(new DocumentRelation(RelationType.CREDIT_FOR, DocumentId.parse("inv_1"), DocumentType.INVOICE, PAYLOAD, null)))
                .items(List.of(LineItem.builder().name(PAYLOAD).description(PAYLOAD).unit(PAYLOAD).quantity("1").price("1").build(),
                        LineItem.builder().name(PAYLOAD).description(PAYLOAD).type(eu.invoicing.core.model.ItemType.SEPARATOR).build()))
                .build();
        for (Template template : Template.values()) {
            String html = HTML.render(d, SampleDocuments.entity(), RenderOptions.builder().template(template).build());
            assertThat(html).doesNotContain("<script", "\"onload=\"", "'x'");
            assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;onload=&quot;x&#39;&amp;");
            // every field was printed escaped: name, 7 address/contact lines, note, terms, clause, footer...
            assertThat(count(html, "&lt;script&gt;")).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void render_draftAndVoid_areMarked() {
        Document draft = SampleDocuments.invoice().toBuilder().draft(true).number(null).build();
        assertThat(HTML.render(draft, SampleDocuments.entity())).contains("class=\"watermark\">Osnutek<", "class=\"badge\">Osnutek<");
        Document voided = SampleDocuments.invoice().toBuilder().voidedAt(Instant.parse("2026-01-20T10:00:00Z")).build();
        assertThat(HTML.render(voided, SampleDocuments.entity(), RenderOptions.builder().language(Language.EN).build()))
                .contains("class=\"watermark\">Void<");
        assertThat(HTML.render(SampleDocuments.invoice(), SampleDocuments.entity())).doesNotContain("watermark\">");
    }

    @Test
    void render_estimateAndProforma_showTitleAndValidity() {
        Document estimate = SampleDocuments.calculate(SampleDocuments.invoiceBuilder(DocumentType.ESTIMATE)
                .dateValidTill(LocalDate.of(2026, 2, 15)).build());
        assertThat(HTML.render(estimate, SampleDocuments.entity())).contains("<h1>Ponudba</h1>", "Veljavno do", "15. 2. 2026")
                .doesNotContain("Rok plačila");
        Document proforma = SampleDocuments.calculate(SampleDocuments.invoiceBuilder(DocumentType.ESTIMATE)
                .titleType(TitleType.PROFORMA_INVOICE).build());
        assertThat(HTML.render(proforma, SampleDocuments.entity(), RenderOptions.builder().language(Language.EN).build()))
                .contains("<h1>Pro-forma invoice</h1>");
    }

    @Test
    void render_everyKind_hasItsTitle() {
        assertThat(HTML.render(SampleDocuments.calculate(SampleDocuments.invoiceBuilder(DocumentType.CREDIT_NOTE).build()),
                SampleDocuments.entity())).contains("<h1>Dobropis</h1>");
        assertThat(HTML.render(SampleDocuments.calculate(SampleDocuments.invoiceBuilder(DocumentType.ADVANCE_INVOICE).build()),
                SampleDocuments.entity())).contains("<h1>Avansni račun</h1>");
        assertThat(HTML.render(SampleDocuments.calculate(SampleDocuments.invoiceBuilder(DocumentType.DELIVERY_NOTE).build()),
                SampleDocuments.entity())).contains("<h1>Dobavnica</h1>", "1.200,00");
    }

    @Test
    void render_deliveryNoteHidingPrices_hasNoAmounts() {
        Document note = SampleDocuments.calculate(SampleDocuments.invoiceBuilder(DocumentType.DELIVERY_NOTE).hidePrices(true).build());
        String html = HTML.render(note, SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, true, false));
        assertThat(html).contains("<h1>Dobavnica</h1>", "Spletna stran", "Količina")
                .doesNotContain("1.200,00", "Cena", "Skupaj z DDV", "<svg", "Rekapitulacija");
    }

    @Test
    void render_creditNote_showsTheInvoiceItRefersTo() {
        Document credit = SampleDocuments.calculate(SampleDocuments.invoiceBuilder(DocumentType.CREDIT_NOTE)
                .documentRelations(List.of(new DocumentRelation(RelationType.CREDIT_FOR, DocumentId.parse("inv_000000000000000000000001"),
                        DocumentType.INVOICE, "2026-00007", null))).build());
        assertThat(HTML.render(credit, SampleDocuments.entity())).contains("Nanaša se na račun", "2026-00007");
    }

    @Test
    void render_upnQrWithoutDocumentCurrencyInANonEuroEntity_refusesLikeAnyNonEuroDocument() {
        // No currency on the document means the entity's (here USD), for the payment code as for the amounts.
        Entity usd = SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, false, false).toBuilder().currencyCode("USD").build();
        Document noCurrency = SampleDocuments.invoice().toBuilder().currencyCode(null).build();
        ValidationException e = catchThrowableOfType(() -> HTML.render(noCurrency, usd,
                RenderOptions.builder().mode(RenderMode.COMPLETE).build()), ValidationException.class);
        assertThat(e).isNotNull();
        assertThat(e.violations()).extracting(Violation::path, Violation::code)
                .contains(org.assertj.core.groups.Tuple.tuple("upn_qr.amount", "unsupported_currency"));
        assertThat(e.violations().stream().filter(v -> v.path().equals("upn_qr.amount")).findFirst().orElseThrow()
                .message()).endsWith("USD");
    }

    @Test
    void render_upnQrOnly_svgDecodesToTheInvoicePayload() throws Exception {
        String html = HTML.render(SampleDocuments.invoice(), SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, false, false));
        Result result = decodeSvg(html, BarcodeFormat.QR_CODE);
        String[] fields = result.getText().split("\n", -1);
        assertThat(fields[0]).isEqualTo("UPNQR");
        assertThat(fields[5]).isEqualTo("Čebelarstvo Žužek s.p.");
        assertThat(fields[8]).isEqualTo("00000175003");
        assertThat(fields[11]).isEqualTo("OTHR");
        assertThat(fields[12]).isEqualTo("Račun 2026-00042");
        assertThat(fields[13]).isEqualTo("14.02.2026");
        assertThat(fields[14]).isEqualTo("SI56191000000123438");
        assertThat(fields[15]).isEqualTo("SI002026-00042");
        assertThat(fields[16]).isEqualTo("Primer d.o.o.");
        assertThat(fields[18]).isEqualTo("1000 Ljubljana");
        int sum = 0;
        for (int i = 0; i < 19; i++) {
            sum += fields[i].length() + 1;
        }
        assertThat(Integer.parseInt(fields[19])).isEqualTo(sum);
        assertThat(BarcodeDecoding.bytesAs(result, UpnQr.CHARSET)).isEqualTo(result.getText());
    }

    @Test
    void render_upnFullSlip_drawsTheSlipWithItsFields() {
        String html = HTML.render(SampleDocuments.invoice(), SampleDocuments.entityWith(UpnDisplayMode.FULL_SLIP, false, false));
        assertThat(html).contains("class=\"upn-slip\"", "Koda namena", "OTHR", "EUR ***1.750,03", "SI00 2026-00042",
                "Ime, ulica in kraj plačnika");
    }

    @Test
    void render_epcQr_svgDecodesToEveryElement() throws Exception {
        String html = HTML.render(SampleDocuments.invoice(), SampleDocuments.entityWith(null, true, false));
        Result result = decodeSvg(html, BarcodeFormat.QR_CODE);
        assertThat(BarcodeDecoding.bytesAs(result, StandardCharsets.UTF_8).split("\n", -1)).containsExactly(
                "BCD", "002", "1", "SCT", "BAKOSI2X", "Primer d.o.o.", "SI56191000000123438", "EUR1750.03", "", "",
                "Račun 2026-00042");
    }

    @Test
    void render_hub3ForCroatianEntity_svgDecodesToThePayment() throws Exception {
        Entity croatian = SampleDocuments.croatianEntity();
        String html = HTML.render(SampleDocuments.invoice(), croatian);
        Result result = decodeSvg(html, BarcodeFormat.PDF_417);
        String text = new String(result.getText().getBytes(StandardCharsets.ISO_8859_1), Hub3Charset.CHARSET);
        assertThat(text.split("\n", -1)).startsWith("HRVHUB30", "EUR", "000000000175003", "Čebelarstvo Žužek s.p.")
                .contains("HR1210010051863000160", "HR00", "2026-00042", "OTHR", "Račun 2026-00042");
    }

    @Test
    void render_paidOrVoidInvoice_hasNoPaymentCode() {
        Entity entity = SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, false, false);
        Document voided = SampleDocuments.invoice().toBuilder().voidedAt(Instant.parse("2026-01-20T10:00:00Z")).build();
        assertThat(HTML.render(voided, entity)).doesNotContain("pay-code");
        Document paid = SampleDocuments.invoice().toBuilder().paidInFull(true).build();
        assertThat(HTML.render(paid, entity)).doesNotContain("pay-code");
    }

    @Test
    void render_completeMode_reportsEveryMissingFieldAtOnce() {
        Document incomplete = SampleDocuments.invoice().toBuilder().number(null).dateDue(null).dateService(null)
                .customer(Party.named("Kupec")).issuer(Party.named("Izdajatelj"))
                .items(List.of(LineItem.builder().quantity("1").price("5").build())).build();
        ValidationException e = catchThrowableOfType(() -> HTML.render(incomplete, SampleDocuments.entity(),
                RenderOptions.builder().mode(RenderMode.COMPLETE).build()), ValidationException.class);
        assertThat(e.violations()).extracting(Violation::path).contains("number", "issuer.address", "issuer.post_code",
                "issuer.city", "issuer.country", "issuer.tax_number", "customer.address", "customer.city", "date_due",
                "date_service", "items[0].name");
        // partial mode renders the same document
        assertThat(HTML.render(incomplete, SampleDocuments.entity())).contains("Kupec");
    }

    @Test
    void render_completeModeWithEnabledUpnAndNoBankAccount_reportsTheAccount() {
        Entity entity = SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, false, false);
        Entity noBank = new Entity(entity.id(), entity.name(), entity.address(), entity.address2(), entity.postCode(),
                entity.city(), entity.state(), entity.country(), entity.countryCode(), entity.taxNumber(),
                entity.companyNumber(), entity.isTaxSubject(), entity.currencyCode(), entity.locale(), entity.email(),
                entity.phone(), entity.website(), List.of(), entity.settings());
        assertThatThrownBy(() -> HTML.render(SampleDocuments.invoice(), noBank, RenderOptions.builder().mode(RenderMode.COMPLETE).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("entity.bank_accounts");
        assertThat(HTML.render(SampleDocuments.invoice(), SampleDocuments.entity(), RenderOptions.builder().mode(RenderMode.COMPLETE).build()))
                .contains("Račun");
    }

    @Test
    void render_reverseCharge_showsTheClauseUnderItsHeading() {
        Document d = SampleDocuments.invoice().toBuilder().taxClause("Obrnjena davčna obveznost po 76.a členu ZDDV-1.")
                .taxes(SampleDocuments.invoice().taxes().stream().map(t -> new eu.invoicing.core.model.TaxSummary(t.name(),
                        t.rate(), t.taxId(), t.base(), t.amount(), true, null, null, t.total())).toList()).build();
        assertThat(HTML.render(d, SampleDocuments.entity())).contains("<h3>Obrnjena davčna obveznost</h3><p>Obrnjena davčna obveznost po 76.a členu");
    }

    @Test
    void render_fiscalInvoice_printsZoiEorAndTheFursCode() throws Exception {
        String html = HTML.render(SampleDocuments.fiscalInvoice(), SampleDocuments.entity());
        assertThat(html).contains("Davčno potrjevanje", "ZOI", "a7e5f55e1dbb48b799268e1a6d8618a3", "EOR",
                "8c1f2e4a-3b6d-4f0a-9e7c-2d5b8a1c0f3e", "15. 1. 2026 10:13:32");
        assertThat(decodeSvg(html, BarcodeFormat.QR_CODE).getText())
                .isEqualTo("223175087923687075112234402528973166755123456781508151013321");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void render_everyLanguage_rendersItsOwnTitle(Language language) {
        String html = HTML.render(SampleDocuments.invoice(), SampleDocuments.entity(), RenderOptions.builder().language(language).build());
        assertThat(html).contains("<h1>" + eu.invoicing.rendering.internal.HtmlBackend.esc(
                eu.invoicing.rendering.i18n.Labels.of(language).get(eu.invoicing.rendering.i18n.Label.TITLE_INVOICE)) + "</h1>");
    }

    @Test
    void render_unknownLocale_isAValidationError() {
        assertThatThrownBy(() -> RenderOptions.builder().locale("ja-JP")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Template.of("baroque")).isInstanceOf(ValidationException.class).hasMessageContaining("baroque");
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Rasterises the first inline SVG of a payment or fiscal code and decodes it with ZXing. */
    static Result decodeSvg(String html, BarcodeFormat format) throws Exception {
        Matcher svg = Pattern.compile("<svg class=\"(pay-code|fiscal-code)\"[^>]*viewBox=\"0 0 (\\d+) (\\d+)\"[^>]*>.*?d=\"([^\"]*)\"")
                .matcher(html);
        assertThat(svg.find()).as("an inline barcode SVG").isTrue();
        int w = Integer.parseInt(svg.group(2));
        int h = Integer.parseInt(svg.group(3));
        int scale = 4;
        BufferedImage image = new BufferedImage(w * scale, h * scale * (format == BarcodeFormat.PDF_417 ? 1 : 1), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg.group(4));
        while (run.find()) {
            BarcodeDecoding.fill(image, Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
        }
        return BarcodeDecoding.decode(image, format);
    }

    /** The HUB3 charset, named here to keep the test readable. */
    private static final class Hub3Charset {
        static final java.nio.charset.Charset CHARSET = eu.invoicing.rendering.payment.Hub3Barcode.CHARSET;
    }
}
