package eu.invoicing.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.EntitySettings.UpnDisplayMode;
import eu.invoicing.core.model.Payee;
import eu.invoicing.rendering.testing.SampleDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pins the HTML of each template for an invoice with every EN 16931 reference and trade detail (reviewed by eye,
 * HTML and PDF); {@code -Dgolden.update=true} rewrites the files. The templates print the references, period,
 * delivery date and preceding invoice among the header's fields, delivery, payee and tax representative beside
 * the note, and each payment means in the payment details; user text is escaped there as everywhere.
 */
class GoldenTradeDetailsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @EnumSource(Template.class)
    void render_tradeDetailsInvoice_matchesGoldenFile(Template template) throws IOException {
        String html = HtmlRenderer.create().render(SampleDocuments.tradeDetailsInvoice(),
                SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, false, false),
                RenderOptions.builder().template(template).build());
        assertThat(html).contains("04011000-12345-03", "NAR-2026-118", "Faktor Finance d.o.o.", "MANDAT-17",
                "SI12ZZZ00001234567", "2025-00031", "Dobava po okvirni pogodbi");
        Path file = GOLDEN.resolve("trade-details-" + template.wireName() + ".html");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, html, StandardCharsets.UTF_8);
        }
        assertThat(html).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void render_markupInTradeDetails_isEscaped(Template template) {
        Document d = SampleDocuments.tradeDetailsInvoice();
        d = d.toBuilder().tradeDetails(d.tradeDetails().withPayee(new Payee("<script>alert(1)</script>", "\"x\"", null)))
                .build();
        String html = HtmlRenderer.create().render(d, SampleDocuments.entity(),
                RenderOptions.builder().template(template).build());
        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(PdfRenderer.create().render(d, SampleDocuments.entity(),
                RenderOptions.builder().template(template).build())).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }
}
