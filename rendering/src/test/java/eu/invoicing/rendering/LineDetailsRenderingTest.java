package eu.invoicing.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.EntitySettings.UpnDisplayMode;
import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.ItemIdentifier;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.rendering.testing.SampleDocuments;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lines' VAT categories with their exemption reasons and the EN 16931 line details, in every template: HTML
 * pinned by a golden file per template ({@code line-details-<template>.html}, reviewed by eye; update with
 * {@code -Dgolden.update=true}), and the PDF's text carrying the same facts.
 */
class LineDetailsRenderingTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    /** An invoice with an exempt, a zero-rated and an outside-scope line, full line details and a negative line. */
    static Document document() {
        Document.Builder b = SampleDocuments.invoiceBuilder(DocumentType.INVOICE).items(List.of());
        b.item(LineItem.builder().name("Printing paper").description("A4, 80 g/m²").quantity("30").price("9.5")
                .unit("C62").tax("22").details(LineDetails.builder().listPrice(new BigDecimal("10"))
                        .priceDiscount(new BigDecimal("0.5")).priceBaseQuantity(new BigDecimal("10"))
                        .period(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)))
                        .note("Deliver to gate 2 <rear>").orderLineReference("7").accountingReference("4010")
                        .buyerItemId("B-77").standardId(new ItemIdentifier("4012345678901", "0160"))
                        .classifications(List.of(new ItemClassification("30197630-1", "STI", "2008")))
                        .originCountry("DE").attributes(List.of(new ItemAttribute("Colour", "White"),
                                new ItemAttribute("Weight", "80 g/m²"))).build()).build());
        b.item(LineItem.builder().name("Medical consultation").quantity("1").price("80").unit("HUR")
                .tax(LineTax.ofRate(BigDecimal.ZERO).withCategory(TaxCategory.E,
                        "Exempt (Article 132, Directive 2006/112/EC)", "VATEX-EU-132")).build());
        b.item(LineItem.builder().name("Children's book").quantity("2").price("12").unit("C62")
                .tax(LineTax.ofRate(BigDecimal.ZERO).withCategory(TaxCategory.Z, null, null)).build());
        b.item(LineItem.builder().name("Membership fee").quantity("1").price("25").unit("C62")
                .tax(LineTax.ofRate(BigDecimal.ZERO).withCategory(TaxCategory.O, "Not subject to VAT", "VATEX-EU-O"))
                .build());
        b.item(LineItem.builder().name("Returned pallet").quantity("-1").price("15").unit("C62").tax("22").build());
        return SampleDocuments.calculate(b.build());
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void render_lineDetailsAndExemptions_matchGoldenFile(Template template) throws IOException {
        String html = HtmlRenderer.create().render(document(), SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, false, false),
                RenderOptions.builder().template(template).locale("en-GB").build());
        Path file = GOLDEN.resolve("line-details-" + template.wireName() + ".html");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, html, StandardCharsets.UTF_8);
        }
        assertThat(html).contains("VAT category: E \u2013 Exempt (Article 132, Directive 2006/112/EC) (VATEX-EU-132)",
                "VAT category: Z", "VAT category: O \u2013 Not subject to VAT (VATEX-EU-O)", "Deliver to gate 2 &lt;rear&gt;",
                "Item ID (0160): 4012345678901", "Country of origin: DE", "Colour: White");
        assertThat(html).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void renderPdf_lineDetailsAndExemptions_areInTheText(Template template) throws IOException {
        byte[] pdf = PdfRenderer.create().render(document(), SampleDocuments.entity(),
                RenderOptions.builder().template(template).locale("en-GB").build());
        if (Boolean.getBoolean("golden.update")) {
            Files.write(Path.of("target", "line-details-" + template.wireName() + ".pdf"), pdf);
        }
        String text = PdfRendererTest.text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("VATEX-EU-132", "VAT category: Z", "List price: 10.00", "Price per 10 C62",
                "Period: 1/1/2026 \u2013 1/31/2026", "Order line: 7", "Buyer's item no.: B-77", "Colour: White");
    }
}
