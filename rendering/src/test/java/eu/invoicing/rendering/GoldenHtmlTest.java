package eu.invoicing.rendering;

import eu.invoicing.core.model.EntitySettings.UpnDisplayMode;
import eu.invoicing.rendering.testing.SampleDocuments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the HTML of each template (reviewed by eye in a browser, see docs/templates). To accept an
 * intended change, run with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenHtmlTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @EnumSource(Template.class)
    void render_sampleInvoice_matchesGoldenFile(Template template) throws IOException {
        String html = HtmlRenderer.create().render(SampleDocuments.fiscalInvoice(),
                SampleDocuments.entityWith(UpnDisplayMode.QR_ONLY, false, false),
                RenderOptions.builder().template(template).build());
        Path file = GOLDEN.resolve(template.wireName() + ".html");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, html, StandardCharsets.UTF_8);
        }
        assertThat(html).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
