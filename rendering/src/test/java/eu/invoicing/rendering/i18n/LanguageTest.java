package eu.invoicing.rendering.i18n;

import eu.invoicing.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageTest {
    /**
     * Issue 11, the reference: "language ... When not specified, uses the same value as locale", so a
     * language value may be a locale tag (en-US, sl-SI, de-AT): its language's labels are used.
     */
    @ParameterizedTest
    @CsvSource({"en-US, EN", "sl-SI, SL", "de-AT, DE", "de_CH, DE", "fr-CA, FR", "no, NB", "nb-NO, NB", "nn-NO, NB",
            "sl, SL", "DE, DE"})
    void of_localeTagOrCode_givesTheLanguage(String value, Language expected) {
        assertThat(Language.of(value)).isEqualTo(expected);
        assertThat(Labels.of(Language.of(value)).get(Label.TITLE_INVOICE)).isEqualTo(Labels.of(expected).get(Label.TITLE_INVOICE));
    }

    @Test
    void of_illFormedOrUnsupported_isAValidationErrorNamingLanguage() {
        assertThatThrownBy(() -> Language.of("de-!!")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("language");
                    assertThat(v.code()).isEqualTo("invalid_value");
                }));
        assertThatThrownBy(() -> Language.of("ja-JP")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("language");
                    assertThat(v.code()).isEqualTo("unsupported_language");
                }));
    }
}
