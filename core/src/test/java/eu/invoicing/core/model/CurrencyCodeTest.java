package eu.invoicing.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.calc.RoundingPolicy;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyCodeTest {
    @ParameterizedTest
    @CsvSource({"EUR,2", "JPY,0", "KWD,3", "USD,2", "HRK,2", "CLF,4"})
    void of_knownCode_carriesTheIsoMinorUnits(String code, int minorUnits) {
        CurrencyCode c = CurrencyCode.of(code);
        assertThat(c.code()).isEqualTo(code);
        assertThat(c.minorUnits()).isEqualTo(minorUnits);
        assertThat(c.currency()).isEqualTo(Currency.getInstance(code));
        assertThat(c).hasToString(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EU", "", "XYZ", "EURO", " EUR", "XAU", "XDR", "XXX", "XTS", "ÉUR"})
    void parse_badCode_isTheOneUnknownCurrencyViolationAtThePath(String code) {
        assertThat(CurrencyCode.isValid(code)).isFalse();
        assertThat(CurrencyCode.lookup(code)).isNull();
        assertThatThrownBy(() -> CurrencyCode.parse(code, "items[0].currency"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(tuple("items[0].currency", "unknown_currency")));
    }

    @Test
    void parse_null_isNull() {
        assertThat(CurrencyCode.parse(null, "currency_code")).isNull();
        assertThat(CurrencyCode.lookup(null)).isNull();
        assertThat(CurrencyCode.isValid(null)).isFalse();
    }

    @Test
    void of_sameCode_isTheSameInstance() {
        assertThat(CurrencyCode.of("EUR")).isSameAs(CurrencyCode.EUR).isEqualTo(CurrencyCode.lookup("EUR"));
        assertThat(CurrencyCode.of(Currency.getInstance("JPY"))).isSameAs(CurrencyCode.of("JPY"));
        assertThat(CurrencyCode.EUR.compareTo(CurrencyCode.of("USD"))).isNegative();
    }

    @Test
    void roundingPolicyOf_currencyCode_roundsToItsMinorUnitsHalfUp() {
        assertThat(RoundingPolicy.of(CurrencyCode.EUR).round(new BigDecimal("1.005"))).isEqualTo("1.01");
        assertThat(RoundingPolicy.of(CurrencyCode.of("JPY")).round(new BigDecimal("2.5"))).isEqualTo("3");
        assertThat(RoundingPolicy.of(CurrencyCode.of("KWD")).round(new BigDecimal("1.0005"))).isEqualTo("1.001");
        assertThat(RoundingPolicy.of(CurrencyCode.of("KWD"))).isSameAs(RoundingPolicy.of(Currency.getInstance("BHD")));
    }

    @Test
    void documentBuilder_currencyCode_isParsedOnceIntoTheValue() {
        Document d = Document.builder(DocumentType.INVOICE).currencyCode("JPY").build();
        assertThat(d.currency()).isSameAs(CurrencyCode.of("JPY"));
        assertThat(d.currencyCode()).isEqualTo("JPY");
        assertThat(Document.builder(DocumentType.INVOICE).currency(CurrencyCode.EUR).build().currencyCode())
                .isEqualTo("EUR");
        assertThat(Document.builder(DocumentType.INVOICE).build().currency()).isNull();
    }

    @Test
    void entityAndExchangeRate_typedAccessors_returnTheValue() {
        assertThat(Entity.builder().id("ent_1").name("A").currencyCode("USD").build().currency())
                .isSameAs(CurrencyCode.of("USD"));
        assertThat(Entity.builder().id("ent_1").name("A").build().currency()).isSameAs(CurrencyCode.EUR);
        assertThat(new ExchangeRate(BigDecimal.ONE, null, null, "EUR").quote()).isSameAs(CurrencyCode.EUR);
        assertThat(new ExchangeRate(BigDecimal.ONE, null, null, null).quote()).isNull();
    }
}
