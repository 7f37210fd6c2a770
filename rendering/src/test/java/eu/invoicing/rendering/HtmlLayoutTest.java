package eu.invoicing.rendering;

import eu.invoicing.core.model.EntitySettings.UpnDisplayMode;
import eu.invoicing.rendering.i18n.Language;
import eu.invoicing.rendering.internal.Theme;
import eu.invoicing.rendering.testing.SampleDocuments;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML page's geometry: CSS numbers and item-table columns wide enough for their headers. */
class HtmlLayoutTest {
    private static final HtmlRenderer HTML = HtmlRenderer.create();
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    static Stream<Arguments> templatesAndLanguages() {
        List<Arguments> cases = new ArrayList<>();
        for (Template template : Template.values()) {
            for (Language language : Language.values()) {
                cases.add(Arguments.of(template, language));
            }
        }
        return cases.stream();
    }

    private static String style(String html) {
        return html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void render_css_printsNoNumberWithMoreThanTwoDecimals(Template template) {
        String css = style(HTML.render(SampleDocuments.fiscalInvoice(), SampleDocuments.entityWith(UpnDisplayMode.FULL_SLIP, false, false),
                RenderOptions.builder().template(template).build()));
        Matcher number = Pattern.compile("\\d*\\.(\\d+)").matcher(css);
        List<String> noisy = new ArrayList<>();
        while (number.find()) {
            if (number.group(1).length() > 2) {
                noisy.add(number.group());
            }
        }
        assertThat(noisy).isEmpty();
    }

    private static Font font(boolean serif, float points) throws IOException, FontFormatException {
        String file = serif ? "/liberation/LiberationSerif-Bold.ttf" : "/liberation/LiberationSans-Bold.ttf";
        try (InputStream in = HtmlLayoutTest.class.getResourceAsStream(file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(points);
        }
    }

    /**
     * The item table has a fixed layout, so a header word wider than its column would run into the next
     * column: every word, as the CSS draws it (upper case and letter-spaced where the theme says so, bold, with
     * the cell padding), fits its column's share of the page's content width.
     */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("templatesAndLanguages")
    void render_itemTable_everyHeaderWordFitsItsColumn(Template template, Language language) throws Exception {
        String html = HTML.render(SampleDocuments.fiscalInvoice(), SampleDocuments.entity(),
                RenderOptions.builder().template(template).language(language).build());
        Theme theme = Theme.of(template);
        float contentPt = (210f - 2 * theme.margin()) * 72f / 25.4f;
        float size = theme.uppercaseHeadings() ? theme.baseSize() * 0.85f : theme.baseSize();
        Font font = font(theme.serifBody(), size);
        String table = html.substring(html.indexOf("<table class=\"items\">"), html.indexOf("</thead>"));
        List<Float> widths = new ArrayList<>();
        Matcher col = Pattern.compile("<col style=\"width:([0-9.]+)%\">").matcher(table);
        while (col.find()) {
            widths.add(Float.parseFloat(col.group(1)) / 100f * contentPt);
        }
        List<String> heads = new ArrayList<>();
        Matcher th = Pattern.compile("<th[^>]*>([^<]*)</th>").matcher(table);
        while (th.find()) {
            heads.add(th.group(1));
        }
        assertThat(heads).hasSize(widths.size()).hasSize(7);
        // the widths leave room for each word: the headers must be allowed to wrap between words
        Matcher rule = Pattern.compile("([^{}]+)\\{([^}]*white-space:nowrap[^}]*)}").matcher(style(html));
        while (rule.find()) {
            for (String selector : rule.group(1).split(",")) {
                String sel = selector.strip();
                assertThat(sel.equals(".num") || sel.equals("th") || sel.equals("th.num") || sel.startsWith(".items th")
                        || sel.startsWith("table.items th")).as("nowrap rule '%s' reaches the item headers", sel).isFalse();
            }
        }
        Locale locale = language.defaultLocale();
        for (int i = 0; i < heads.size(); i++) {
            String head = theme.uppercaseHeadings() ? heads.get(i).toUpperCase(locale) : heads.get(i);
            for (String word : head.split(" ")) {
                float letterSpacing = theme.uppercaseHeadings() ? 0.06f * size * word.length() : 0f;
                float needed = (float) font.getStringBounds(word, FRC).getWidth() + letterSpacing + 2 * theme.padding();
                assertThat(widths.get(i)).as("column %d for '%s'", i, word).isGreaterThanOrEqualTo(needed);
            }
        }
    }
}
