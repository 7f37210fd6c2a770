package eu.invoicing.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.rendering.testing.SampleDocuments;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Document allowances and charges in the totals block and line charges under their line, in every template
 * (golden files {@code allowances-<template>.html}, reviewed by eye; {@code -Dgolden.update=true} rewrites them).
 */
class AllowanceChargeRenderingTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Document sample() {
        Document.Builder b = SampleDocuments.invoiceBuilder(DocumentType.INVOICE);
        List<LineItem> items = new java.util.ArrayList<>(b.items());
        items.set(2, items.get(2).toBuilder().charges(List.of(
                AllowanceCharge.ofAmount(new BigDecimal("4.50")).withReason("Pakiranje", "ABL"))).build());
        b.items(items);
        b.allowances(List.of(AllowanceCharge.ofPercent(new BigDecimal("5")).withReason("Popust za zvestobo", "95")
                .withTax(new BigDecimal("22"), null)));
        b.charges(List.of(AllowanceCharge.ofAmount(new BigDecimal("9.90")).withReason("Dostava <hitro>", "FC")
                .withTax(new BigDecimal("22"), null)));
        return SampleDocuments.calculate(b.build());
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void render_allowancesAndCharges_matchesGoldenFile(Template template) throws IOException {
        String html = HtmlRenderer.create().render(sample(), SampleDocuments.entity(),
                RenderOptions.builder().template(template).build());
        // The allowance (5 % of the 22 % lines: 1,367.40 → 68.37) off, the charge on, user text escaped.
        assertThat(html).contains("Popust za zvestobo 5").contains("68,37").contains("Dostava &lt;hitro&gt;")
                .contains("9,90").contains("Doplačilo: Pakiranje 4,50").doesNotContain("<hitro>");
        Path file = GOLDEN.resolve("allowances-" + template.wireName() + ".html");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, html, StandardCharsets.UTF_8);
        }
        assertThat(html).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void renderPdf_allowancesAndCharges_rendersEveryTemplate() throws IOException {
        for (Template template : Template.values()) {
            byte[] pdf = PdfRenderer.create().render(sample(), SampleDocuments.entity(),
                    RenderOptions.builder().template(template).build());
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            if (Boolean.getBoolean("golden.update")) {
                Files.write(Path.of("target", "allowances-" + template.wireName() + ".pdf"), pdf);
            }
        }
    }
}
