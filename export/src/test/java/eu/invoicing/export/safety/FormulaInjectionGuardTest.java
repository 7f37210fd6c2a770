package eu.invoicing.export.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Examples of {@link FormulaInjectionGuard}; the property is in {@link FormulaInjectionGuardProperties}. */
class FormulaInjectionGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tfoo", "\rfoo", "=HYPERLINK(\"http://x\")", "-"})
    void neutralise_dangerousStart_prefixesQuote(String text) {
        assertThat(FormulaInjectionGuard.isDangerous(text)).isTrue();
        assertThat(FormulaInjectionGuard.neutralise(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ACME d.o.o.", "1+1", " =1", "a=b", "'=1", "\n=1", "2024-001"})
    void neutralise_harmlessStart_returnsSameText(String text) {
        assertThat(FormulaInjectionGuard.isDangerous(text)).isFalse();
        assertThat(FormulaInjectionGuard.neutralise(text)).isSameAs(text);
    }

    @Test
    void neutralise_null_returnsNull() {
        assertThat(FormulaInjectionGuard.neutralise(null)).isNull();
    }

    @Test
    void isDangerous_null_throwsNamingParameter() {
        assertThatThrownBy(() -> FormulaInjectionGuard.isDangerous(null))
                .isInstanceOf(NullPointerException.class).hasMessage("text");
    }
}
