package eu.invoicing.core.calc;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.TaxSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The invariants of the calculation (docs/calculation.md), over generated documents. */
class CalculationPropertiesTest {
    private static final CalculationEngine ENGINE = CalculationEngine.withDefaults();
    private static final Entity ENTITY = Entity.sampleSlovenian();
    private static final List<String> RATES = List.of("22", "9.5", "5", "0", "8.1", "19");

    @Provide
    Arbitrary<LineItem> netLine() {
        return Combinators.combine(
                Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("5000")).ofScale(3),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("999.99")).ofScale(4),
                Arbitraries.of(RATES),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60")).ofScale(2).injectNull(0.5))
                .as((qty, price, rate, percent) -> {
                    LineItem.Builder b = LineItem.builder().name("item").quantity(qty).price(price).tax(rate);
                    if (percent != null) {
                        b.discount(Discount.percent(percent));
                    }
                    return b.build();
                });
    }

    @Provide
    Arbitrary<LineItem> grossLine() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 50),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("999.99")).ofScale(2),
                Arbitraries.of(RATES),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50")).ofScale(1).injectNull(0.5))
                .as((qty, gross, rate, percent) -> {
                    LineItem.Builder b = LineItem.builder().name("item").quantity(BigDecimal.valueOf(qty))
                            .grossPrice(gross).tax(rate);
                    if (percent != null) {
                        b.discount(Discount.percent(percent));
                    }
                    return b.build();
                });
    }

    @Provide
    Arbitrary<List<LineItem>> netLines() {
        return netLine().list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<LineItem>> grossLines() {
        return grossLine().list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<LineItem>> mixedLines() {
        return Arbitraries.oneOf(netLine(), grossLine()).list().ofMinSize(1).ofMaxSize(30);
    }

    private static Document calc(List<LineItem> items) {
        return ENGINE.calculate(Document.builder(DocumentType.INVOICE).items(items).build(), ENTITY);
    }

    @Property(tries = 300)
    void netDocument_totalIsTheSumOfLineTotals_andTotalWithTaxAddsGroupAmounts(@ForAll("netLines") List<LineItem> items) {
        Document doc = calc(items);
        BigDecimal lines = doc.items().stream().map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = doc.taxes().stream().map(TaxSummary::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(doc.total()).isEqualByComparingTo(lines);
        assertThat(doc.totalWithTax()).isEqualByComparingTo(doc.total().add(tax));
        BigDecimal discounts = doc.items().stream().map(LineItem::totalDiscount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(doc.totalDiscount()).isEqualByComparingTo(discounts);
    }

    @Property(tries = 300)
    void netDocument_eachGroupAmountIsTheRoundedTaxOfItsSummedBase(@ForAll("netLines") List<LineItem> items) {
        Document doc = calc(items);
        for (TaxSummary t : doc.taxes()) {
            BigDecimal base = doc.items().stream().filter(l -> l.taxes().get(0).rate().compareTo(t.rate()) == 0)
                    .map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(t.base()).isEqualByComparingTo(base);
            assertThat(t.amount()).isEqualByComparingTo(base.multiply(t.rate()).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
        }
    }

    @Property(tries = 300)
    void anyDocument_lineSumIsWithinHalfAMinorUnitPerLineOfTheTotal(@ForAll("mixedLines") List<LineItem> items) {
        Document doc = calc(items);
        BigDecimal lineSum = doc.items().stream().map(LineItem::totalWithTax).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal bound = new BigDecimal("0.005").multiply(BigDecimal.valueOf(items.size()));
        assertThat(lineSum.subtract(doc.totalWithTax()).abs()).isLessThanOrEqualTo(bound);
    }

    @Property(tries = 300)
    void grossDocument_customerPaysExactlyTheSumOfTheGrossLines(@ForAll("grossLines") List<LineItem> items) {
        Document doc = calc(items);
        BigDecimal lineSum = doc.items().stream().map(LineItem::totalWithTax).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(doc.totalWithTax()).isEqualByComparingTo(lineSum);
        for (TaxSummary t : doc.taxes()) {
            assertThat(t.base().add(t.amount())).isEqualByComparingTo(doc.items().stream()
                    .filter(l -> l.taxes().get(0).rate().compareTo(t.rate()) == 0).map(LineItem::totalWithTax)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    @Property(tries = 200)
    void everyAmount_isAtTheCurrencyScale(@ForAll("mixedLines") List<LineItem> items,
            @ForAll("currencies") String currency) {
        Document doc = ENGINE.calculate(Document.builder(DocumentType.INVOICE).currencyCode(currency)
                .exchangeRate(currency.equals("EUR") ? null : new ExchangeRate(new BigDecimal("1.2345"), null, null, null))
                .items(items).build(), ENTITY);
        int scale = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        List<BigDecimal> amounts = new ArrayList<>(List.of(doc.total(), doc.totalWithTax(), doc.totalDiscount(),
                doc.totalPaid(), doc.totalDue()));
        for (LineItem l : doc.items()) {
            amounts.addAll(List.of(l.total(), l.totalWithTax(), l.totalDiscount()));
            l.taxes().forEach(t -> amounts.add(t.amount()));
        }
        doc.taxes().forEach(t -> amounts.addAll(List.of(t.base(), t.amount())));
        assertThat(amounts).allSatisfy(a -> assertThat(a.scale()).isEqualTo(scale));
        if (!currency.equals("EUR")) {
            assertThat(doc.totalConverted().scale()).isEqualTo(2);
        }
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("EUR", "USD", "JPY", "KWD", "CHF");
    }

    @Property(tries = 200)
    void itemOrder_doesNotChangeTheTotals(@ForAll("mixedLines") List<LineItem> items, @ForAll long seed) {
        List<LineItem> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed));
        Document a = calc(items);
        Document b = calc(shuffled);
        assertThat(b.total()).isEqualByComparingTo(a.total());
        assertThat(b.totalWithTax()).isEqualByComparingTo(a.totalWithTax());
        assertThat(b.taxes()).hasSameSizeAs(a.taxes());
    }

    @Property(tries = 300)
    void aDiscount_neverRaisesATotal(@ForAll("mixedLines") List<LineItem> items, @ForAll @IntRange(max = 29) int index,
            @ForAll("percent") BigDecimal percent, @ForAll boolean b2c) {
        int i = index % items.size();
        List<LineItem> discounted = new ArrayList<>(items);
        LineItem line = items.get(i);
        if (line.discounts().size() >= 5) {
            return;
        }
        discounted.set(i, line.toBuilder().discount(Discount.percent(percent)).build());
        CalculationMode mode = b2c ? CalculationMode.B2C_GROSS_DISCOUNT : CalculationMode.B2B_STANDARD;
        Document before = ENGINE.calculate(Document.builder(DocumentType.INVOICE).calculationMode(mode).items(items).build(), ENTITY);
        Document after = ENGINE.calculate(Document.builder(DocumentType.INVOICE).calculationMode(mode).items(discounted).build(), ENTITY);
        assertThat(after.total()).isLessThanOrEqualTo(before.total());
        assertThat(after.totalWithTax()).isLessThanOrEqualTo(before.totalWithTax());
        assertThat(after.items().get(i).totalWithTax()).isLessThanOrEqualTo(before.items().get(i).totalWithTax());
    }

    @Provide
    Arbitrary<BigDecimal> percent() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("40")).ofScale(2);
    }

    @Property(tries = 100)
    void calculate_isDeterministic(@ForAll("mixedLines") List<LineItem> items) {
        assertThat(calc(items)).isEqualTo(calc(items));
    }
}
