package eu.invoicing.rendering.i18n;

import eu.invoicing.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocaleFormatTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate JAN_15 = LocalDate.of(2025, 1, 15);

    @Test
    void format_sloveneLocale_matchesTheSpecExamples() {
        LocaleFormat sl = LocaleFormat.of("sl-SI");
        assertThat(sl.amount(new BigDecimal("1234.56"), EUR)).isEqualTo("1.234,56");
        assertThat(sl.percent(new BigDecimal("5.5"))).isEqualTo("5,5\u00a0%");
        assertThat(sl.date(JAN_15)).isEqualTo("15. 1. 2025");
        assertThat(sl.money(new BigDecimal("1234.56"), EUR)).isEqualTo("1.234,56\u00a0€");
    }

    @Test
    void format_usEnglishLocale_matchesTheSpecExamples() {
        LocaleFormat en = LocaleFormat.of("en-US");
        assertThat(en.amount(new BigDecimal("1234.56"), EUR)).isEqualTo("1,234.56");
        assertThat(en.date(JAN_15)).isEqualTo("1/15/2025");
        assertThat(en.percent(new BigDecimal("5.5"))).isEqualTo("5.5%");
        assertThat(en.money(new BigDecimal("1234.56"), EUR)).isEqualTo("€1,234.56");
    }

    /** Every supported locale, pinned; {@code _} stands for a no-break space. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en-US | 1,234.56  | 5.5%   | 1/15/2025",
        "de-DE | 1.234,56  | 5,5_%  | 15.01.2025",
        "it-IT | 1.234,56  | 5,5%   | 15/01/2025",
        "fr-FR | 1_234,56  | 5,5_%  | 15/01/2025",
        "es-ES | 1.234,56  | 5,5_%  | 15/01/2025",
        "sl-SI | 1.234,56  | 5,5_%  | 15. 1. 2025",
        "pt-PT | 1_234,56  | 5,5%   | 15/01/2025",
        "nl-NL | 1.234,56  | 5,5%   | 15-01-2025",
        "pl-PL | 1_234,56  | 5,5%   | 15.01.2025",
        "hr-HR | 1.234,56  | 5,5_%  | 15. 01. 2025.",
        "sv-SE | 1_234,56  | 5,5_%  | 2025-01-15",
        "fi-FI | 1_234,56  | 5,5_%  | 15.1.2025",
        "et-EE | 1_234,56  | 5,5%   | 15.01.2025",
        "bg-BG | 1_234,56  | 5,5%   | 15.01.2025 г.",
        "cs-CZ | 1_234,56  | 5,5_%  | 15. 1. 2025",
        "sk-SK | 1_234,56  | 5,5_%  | 15. 1. 2025",
        "nb-NO | 1_234,56  | 5,5_%  | 15.01.2025",
        "is-IS | 1.234,56  | 5,5%   | 15.1.2025",
    })
    void format_everySupportedLocale_isPinned(String tag, String amount, String percent, String date) {
        LocaleFormat format = LocaleFormat.of(tag);
        assertThat(format.amount(new BigDecimal("1234.56"), EUR).replace('\u00a0', '_')).isEqualTo(amount);
        assertThat(format.percent(new BigDecimal("5.5")).replace('\u00a0', '_')).isEqualTo(percent);
        assertThat(format.date(JAN_15)).isEqualTo(date);
    }

    @Test
    void amount_currencyScale_padsAndNeverRounds() {
        LocaleFormat de = LocaleFormat.of("de-DE");
        assertThat(de.amount(new BigDecimal("5"), EUR)).isEqualTo("5,00");
        assertThat(de.amount(new BigDecimal("0.1234"), EUR)).isEqualTo("0,1234");
        assertThat(de.amount(new BigDecimal("1234567.8"), EUR)).isEqualTo("1.234.567,80");
        assertThat(de.amount(new BigDecimal("1234"), Currency.getInstance("JPY"))).isEqualTo("1.234");
    }

    @Test
    void money_bulgarianLocale_groupsLikeThePlainAmounts() {
        assertThat(LocaleFormat.of("bg-BG").money(new BigDecimal("1234.56"), EUR)).isEqualTo("1\u00a0234,56\u00a0€");
    }

    @Test
    void number_quantities_dropTrailingZeros() {
        LocaleFormat sl = LocaleFormat.of("sl-SI");
        assertThat(sl.number(new BigDecimal("1.500"))).isEqualTo("1,5");
        assertThat(sl.number(new BigDecimal("2000"))).isEqualTo("2.000");
        assertThat(sl.percent(new BigDecimal("22.00"))).isEqualTo("22\u00a0%");
    }

    @Test
    void dateTime_slovene_appendsTheTime() {
        assertThat(LocaleFormat.of("sl-SI").dateTime(LocalDateTime.of(2025, 1, 15, 9, 5, 7)))
                .isEqualTo("15. 1. 2025 09:05:07");
    }

    @Test
    void of_unsupportedLocale_isAValidationError() {
        assertThatThrownBy(() -> LocaleFormat.of("ja-JP")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("ja-JP");
        assertThat(LocaleFormat.of("sl").locale().toLanguageTag()).isEqualTo("sl-SI");
    }

    /**
     * Issue 11, the reference: "Locale for number and date formatting ... For example, 'sl-SI' formats
     * decimals with commas (5,5%)"; its values include regional tags such as de-AT, which fall back to
     * the language's format.
     */
    @ParameterizedTest
    @CsvSource({"de-AT, de-DE, '15.01.2025'", "de_CH, de-DE, '15.01.2025'", "en-GB, en-US, '1/15/2025'",
            "sl, sl-SI, '15. 1. 2025'", "SL-si, sl-SI, '15. 1. 2025'", "pt-BR, pt-PT, '15/01/2025'"})
    void of_regionalTagWithoutExactMatch_fallsBackToTheLanguage(String tag, String used, String date) {
        LocaleFormat format = LocaleFormat.of(tag);
        assertThat(format.locale().toLanguageTag()).isEqualTo(used);
        assertThat(format.date(JAN_15)).isEqualTo(date);
    }

    @Test
    void of_illFormedTag_isAValidationErrorNamingLocale() {
        for (String bad : new String[] {"de-!!", "", "12-34", "x"}) {
            assertThatThrownBy(() -> LocaleFormat.of(bad)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.path()).isEqualTo("locale");
                        assertThat(v.code()).isIn("invalid_value", "unsupported_locale");
                    }));
        }
    }
}
