package eu.invoicing.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryEvaluatorTest {
    @ParameterizedTest
    @CsvSource({
        "Škoda d.o.o., škODA, true",
        "Škoda d.o.o., D.O.O, true",
        "Acme, acme, true",
        "Acme, acmex, false",
        "xxacME, ACME, true",
        "Čevapčiči, PČI, true",
        "abc, '', true",
        "'', a, false"
    })
    void containsIgnoreCase_matchesCharacterWise(String text, String needle, boolean expected) {
        assertThat(QueryEvaluator.containsIgnoreCase(text, needle)).isEqualTo(expected);
    }
}
