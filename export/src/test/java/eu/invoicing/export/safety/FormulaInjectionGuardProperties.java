package eu.invoicing.export.safety;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The property of {@link FormulaInjectionGuard} (jqwik; the examples are in {@link FormulaInjectionGuardTest}). */
class FormulaInjectionGuardProperties {

    @Property
    void neutralise_anyText_resultIsNeverDangerousAndKeepsOriginal(@ForAll String text) {
        String result = FormulaInjectionGuard.neutralise(text);
        assertThat(FormulaInjectionGuard.isDangerous(result)).isFalse();
        assertThat(result).endsWith(text);
        assertThat(result.length()).isLessThanOrEqualTo(text.length() + 1);
        assertThat(FormulaInjectionGuard.neutralise(result)).isEqualTo(result);
    }
}
