package eu.invoicing.core.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.spi.FiscalAuthority;
import org.junit.jupiter.api.Test;

class FiscalSeriesTest {
    @Test
    void new_premiseOfAMillionCharacters_messageQuotesAShortPrefixOnly() {
        String premise = "P".repeat(1_000_000);
        assertThatThrownBy(() -> new FiscalSeries(FiscalAuthority.FURS, premise, "D1", false))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(v -> v.path()).containsExactly("furs.business_premise_name");
                    assertThat(e.violations().get(0).message()).hasSizeLessThan(200).contains("1000000 characters");
                });
    }
}
