package eu.invoicing.core.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NumberFormatTest {
    @ParameterizedTest
    @CsvSource({
        "'{yyyy}-{nnnnn}', 2026, 1, , 2026-00001",
        "'INV-{yy}/{nnn}', 2026, 42, , INV-26/042",
        "'{n}', 2026, 123456, , 123456",
        "'{nnn}', 2026, 123456, , 123456",
        "'{nnnnnnnnn}', 2026, 7, , 000000007",
        "'{uuu}-{yyyy}-{nn}', 2026, 3, 7, 007-2026-03",
        "'{u}/{n}', 2026, 3, LJ, LJ/3"
    })
    void format_tokens_produceNumber(String template, int year, long n, String unit, String expected) {
        assertThat(NumberFormat.parse(template).format(year, n, unit)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{yyyy}", "{yyyy}-{yy}-{n}", "{n}-{nn}", "{nnnnnnnnnn}", "{x}-{n}", "{yyy}-{n}",
        "{u}-{uu}-{n}", "{n", "n}", ""})
    void parse_invalid_isAValidationError(String template) {
        assertThatThrownBy(() -> NumberFormat.parse(template)).isInstanceOf(ValidationException.class);
    }

    @Test
    void hasYear_onlyWithYearToken() {
        assertThat(NumberFormat.parse("{yy}{n}").hasYear()).isTrue();
        assertThat(NumberFormat.parse("R-{n}").hasYear()).isFalse();
    }

    @Test
    void format_yearUnderADefaultLocaleWithOtherDigits_asciiDigitsPaddedToFour() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            // Thai digits: a Formatter under this default locale wrote the year in them.
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("th-TH-u-nu-thai"));
            assertThat(NumberFormat.parse("{yyyy}-{nnn}").format(2026, 7, null)).isEqualTo("2026-007");
            assertThat(NumberFormat.parse("{yyyy}/{n}").format(987, 1, null)).isEqualTo("0987/1");
            assertThat(NumberFormat.parse("{yy}/{n}").format(2005, 1, null)).isEqualTo("05/1");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void format_unitMissing_isAValidationError() {
        assertThatThrownBy(() -> NumberFormat.parse("{u}-{n}").format(2026, 1, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("business_unit");
    }
}
