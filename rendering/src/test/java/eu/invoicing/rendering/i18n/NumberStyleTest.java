package eu.invoicing.rendering.i18n;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumberStyleTest {

    @Test
    void directPath_everyLocaleBothFormats_printsWhatDecimalFormatPrints() {
        SplittableRandom random = new SplittableRandom(16);
        for (Language language : Language.values()) {
            LocaleFormat locale = LocaleFormat.of(language.defaultLocale());
            for (NumberStyle style : new NumberStyle[] {locale.decimalStyle(), locale.percentStyle()}) {
                // the direct path is in use for every supported locale, so this compares two implementations
                assertThat(style.direct()).as("%s direct", language).isTrue();
                for (int i = 0; i < 3_000; i++) {
                    BigDecimal value = value(random);
                    int digits = Math.max(0, value.stripTrailingZeros().scale());
                    int min = random.nextInt(4) == 0 ? 0 : random.nextInt(digits + 3);
                    int max = Math.max(min, digits + random.nextInt(3));
                    assertThat(style.format(value, min, max)).as("%s %s %d..%d", language, value, min, max)
                            .isEqualTo(style.byDecimalFormat(value, min, max));
                }
            }
        }
    }

    @Test
    void format_valueThatNeedsRounding_isRefusedAsDecimalFormatRefusesIt() {
        NumberStyle style = LocaleFormat.of("sl-SI").decimalStyle();
        assertThatThrownBy(() -> style.format(new BigDecimal("1.234"), 0, 2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void format_amountsOfTheSpec_asBefore() {
        LocaleFormat sl = LocaleFormat.of("sl-SI");
        // Slovene prints the minus sign U+2212, as its DecimalFormat does
        assertThat(sl.number(new BigDecimal("-1234567.5000"))).isEqualTo("\u22121.234.567,5");
        assertThat(sl.percent(new BigDecimal("22.00"))).isEqualTo("22\u00a0%");
        assertThat(LocaleFormat.of("fr-FR").number(new BigDecimal("1234567"))).isEqualTo("1\u00a0234\u00a0567");
    }

    /** Zero, small and large, negative and positive, with and without trailing zeros. */
    private static BigDecimal value(SplittableRandom random) {
        int scale = random.nextInt(-2, 7);
        BigInteger unscaled = switch (random.nextInt(4)) {
            case 0 -> BigInteger.valueOf(random.nextInt(-10, 10));
            case 1 -> BigInteger.valueOf(random.nextLong(-1_000_000, 1_000_000));
            case 2 -> BigInteger.valueOf(random.nextLong()).multiply(BigInteger.valueOf(random.nextLong(1, 1_000_000)));
            default -> BigInteger.valueOf(random.nextLong(-100, 100)).multiply(BigInteger.TEN.pow(random.nextInt(5)));
        };
        return new BigDecimal(unscaled, scale);
    }
}
