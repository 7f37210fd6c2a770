package eu.invoicing.export.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.Entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportLabelsTest {

    /**
     * Texts that are legitimately spelled as in English: the abbreviation "ID" where the
     * language uses it as such, French "Signature" and German "Name".
     */
    private static final Set<String> SAME_AS_ENGLISH = Set.of(
            "de.id", "it.id", "es.id", "sl.id", "pt.id", "nl.id", "sv.id", "et.id", "nb.id",
            "fr.signature", "de.party_name");

    @ParameterizedTest
    @EnumSource(ExportLanguage.class)
    void resource_everyLanguage_hasExactlyEveryLabelTranslated(ExportLanguage language) throws IOException {
        Properties texts = raw(language);
        Properties english = raw(ExportLanguage.EN);
        Set<String> expectedKeys = Arrays.stream(ExportLabel.values()).map(ExportLabel::key).collect(Collectors.toSet());
        assertThat(texts.stringPropertyNames()).isEqualTo(expectedKeys);
        for (String key : expectedKeys) {
            String text = texts.getProperty(key);
            assertThat(text).as("%s.%s", language.code(), key).isNotBlank();
            if (language != ExportLanguage.EN && !SAME_AS_ENGLISH.contains(language.code() + "." + key)) {
                assertThat(text).as("%s.%s must be translated", language.code(), key)
                        .isNotEqualTo(english.getProperty(key));
            }
        }
        assertThat(texts.getProperty("tax_base")).contains("{rate}");
        assertThat(texts.getProperty("tax_amount")).contains("{rate}");
    }

    @ParameterizedTest
    @EnumSource(ExportLanguage.class)
    void of_everyLanguage_loadsAllLabelsAndSheetNamesFitExcel(ExportLanguage language) {
        ExportLabels labels = ExportLabels.of(language);
        for (ExportLabel label : ExportLabel.values()) {
            assertThat(labels.text(label)).isNotBlank();
        }
        for (ExportLabel sheet : Set.of(ExportLabel.SHEET_INVOICE, ExportLabel.SHEET_ESTIMATE,
                ExportLabel.SHEET_CREDIT_NOTE, ExportLabel.SHEET_ADVANCE_INVOICE, ExportLabel.SHEET_DELIVERY_NOTE,
                ExportLabel.SHEET_SALES_PER_ITEM)) {
            assertThat(labels.text(sheet)).hasSizeLessThanOrEqualTo(31).doesNotContain("[", "]", ":", "*", "?", "/", "\\");
        }
    }

    @Test
    void taxHeader_decimalRate_usesLanguageSeparatorWithoutTrailingZeros() {
        assertThat(ExportLabels.of(ExportLanguage.EN).taxHeader(ExportLabel.TAX_BASE, new BigDecimal("9.50")))
                .isEqualTo("Tax base 9.5 %");
        assertThat(ExportLabels.of(ExportLanguage.SL).taxHeader(ExportLabel.TAX_AMOUNT, new BigDecimal("9.5")))
                .isEqualTo("DDV 9,5 %");
        assertThat(ExportLabels.of(ExportLanguage.DE).taxHeader(ExportLabel.TAX_AMOUNT, new BigDecimal("22.00")))
                .isEqualTo("Steuer 22 %");
    }

    @Test
    void partyHeader_customerTaxNumber_prefixesParty() {
        assertThat(ExportLabels.of(ExportLanguage.SL).partyHeader(ExportLabel.PARTY_CUSTOMER, ExportLabel.PARTY_TAX_NUMBER))
                .isEqualTo("Stranka: Davčna številka");
    }

    @Test
    void fromCodeAndForLocale_knownAndUnknown_resolve() {
        assertThat(ExportLanguage.fromCode("SL")).contains(ExportLanguage.SL);
        assertThat(ExportLanguage.fromCode("xx")).isEmpty();
        assertThat(ExportLanguage.forLocale(Locale.forLanguageTag("sl-SI"))).isEqualTo(ExportLanguage.SL);
        assertThat(ExportLanguage.forLocale(Locale.forLanguageTag("no-NO"))).isEqualTo(ExportLanguage.NB);
        assertThat(ExportLanguage.forLocale(Locale.JAPAN)).isEqualTo(ExportLanguage.EN);
    }

    /**
     * Issue 11: language values of the reference are locale values too (en-US, sl-SI, de-AT); a tag
     * gives its language's headers, and an entity's locale decides when no language is given (the
     * reference: "defaults to the entity locale").
     */
    @Test
    void fromCodeAndForEntity_bcp47Tags_fallBackToTheLanguage() {
        assertThat(ExportLanguage.fromCode("de-AT")).contains(ExportLanguage.DE);
        assertThat(ExportLanguage.fromCode("sl_SI")).contains(ExportLanguage.SL);
        assertThat(ExportLanguage.fromCode("en-US")).contains(ExportLanguage.EN);
        assertThat(ExportLanguage.fromCode("nn-NO")).contains(ExportLanguage.NB);
        assertThat(ExportLanguage.fromCode("de-!!")).isEmpty();
        assertThat(ExportLanguage.fromCode("ja-JP")).isEmpty();
        assertThat(ExportLanguage.forEntity(Entity.sampleSlovenian())).isEqualTo(ExportLanguage.SL);
        assertThat(ExportLanguage.forEntity(Entity.sampleSlovenian().toBuilder().locale("de-AT").build()))
                .isEqualTo(ExportLanguage.DE);
        assertThat(ExportLanguage.forEntity(Entity.sampleSlovenian().toBuilder().locale("ja-JP").build()))
                .isEqualTo(ExportLanguage.EN);
    }

    private static Properties raw(ExportLanguage language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ExportLabels.class.getResourceAsStream("headers_" + language.code() + ".properties")) {
            assertThat(in).as("resource for %s", language).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
