package eu.invoicing.rendering.i18n;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void of_everyLanguage_hasEveryLabelNonBlank(Language language) {
        Labels labels = Labels.of(language);
        for (Label label : Label.values()) {
            assertThat(labels.get(label)).as("%s %s", language, label.key()).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void read_everyLanguage_hasNoUnknownKeys(Language language) {
        Properties properties = Labels.read(language);
        Set<String> known = Arrays.stream(Label.values()).map(Label::key).collect(Collectors.toSet());
        assertThat(properties.stringPropertyNames()).as(language.code()).isEqualTo(known);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "EN", mode = EnumSource.Mode.EXCLUDE)
    void of_otherLanguages_translateTheDocumentTitles(Language language) {
        Labels labels = Labels.of(language);
        Labels english = Labels.of(Language.EN);
        assertThat(labels.get(Label.TITLE_INVOICE)).isNotEqualTo(english.get(Label.TITLE_INVOICE));
        assertThat(labels.get(Label.TITLE_DELIVERY_NOTE)).isNotEqualTo(english.get(Label.TITLE_DELIVERY_NOTE));
        assertThat(labels.get(Label.TOTALS_DUE)).isNotEqualTo(english.get(Label.TOTALS_DUE));
    }

    @Test
    void get_slovenianAndGerman_useTheirOwnWords() {
        assertThat(Labels.of(Language.SL).get(Label.TITLE_INVOICE)).isEqualTo("Račun");
        assertThat(Labels.of(Language.DE).get(Label.TITLE_INVOICE)).isEqualTo("Rechnung");
        assertThat(Labels.of(Language.BG).get(Label.TITLE_INVOICE)).isEqualTo("Фактура");
        assertThat(Labels.of(Language.SL).get(Label.TITLE_PROFORMA_INVOICE)).isEqualTo("Predračun");
    }

    @Test
    void pageOf_frenchApostropheFreePattern_fillsBothNumbers() {
        assertThat(Labels.of(Language.EN).pageOf(2, 5)).isEqualTo("Page 2 of 5");
        assertThat(Labels.of(Language.SL).pageOf(1, 12)).isEqualTo("Stran 1 od 12");
        assertThat(Labels.of(Language.FI).pageOf(3, 4)).isEqualTo("Sivu 3/4");
    }

    @Test
    void language_ofCodes_acceptsAliasesAndRejectsUnknown() {
        assertThat(Language.of("SL")).isEqualTo(Language.SL);
        assertThat(Language.of("no")).isEqualTo(Language.NB);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Language.of("ja"))
                .isInstanceOf(eu.invoicing.core.ValidationException.class)
                .hasMessageContaining("'ja'");
    }
}
