package eu.invoicing.benchmarks.competitors;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.benchmarks.competitors.MustangInvoices.MustangTotals;
import eu.invoicing.benchmarks.fixtures.SampleInvoice;
import eu.invoicing.benchmarks.fixtures.SampleInvoices;
import eu.invoicing.benchmarks.fixtures.SampleLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MustangInvoicesTest {

    /**
     * Mustang's totals equal the spec's arithmetic done by hand on the sample: lines rounded
     * once after the percent discount, VAT rounded once on the summed base.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 200})
    void calculate_sampleInvoice_matchesHandArithmetic(int lines) {
        SampleInvoice sample = SampleInvoices.generate(lines);

        MustangTotals totals = MustangInvoices.calculate(MustangInvoices.toMustang(sample));

        List<BigDecimal> expectedLines = new ArrayList<>();
        BigDecimal base = BigDecimal.ZERO;
        for (SampleLine line : sample.lines()) {
            BigDecimal subtotal = line.netPrice().multiply(line.quantity());
            BigDecimal discount = line.hasDiscount()
                ? subtotal.multiply(line.discountPercent()).movePointLeft(2) : BigDecimal.ZERO;
            BigDecimal total = subtotal.subtract(discount).setScale(2, RoundingMode.HALF_UP);
            expectedLines.add(total);
            base = base.add(total);
        }
        BigDecimal vat = base.multiply(new BigDecimal("0.22")).setScale(2, RoundingMode.HALF_UP);

        assertThat(totals.lineTotals()).usingElementComparator(BigDecimal::compareTo)
            .containsExactlyElementsOf(expectedLines);
        assertThat(totals.taxBasis()).isEqualByComparingTo(base);
        assertThat(totals.vatPerRate()).hasSize(1);
        assertThat(totals.vatPerRate().get(new BigDecimal("22"))).isEqualByComparingTo(vat);
        assertThat(totals.grandTotal()).isEqualByComparingTo(base.add(vat));
    }
}
