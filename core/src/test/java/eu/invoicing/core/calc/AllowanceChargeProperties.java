package eu.invoicing.core.calc;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.TaxSummary;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** BR-CO-10..16 and BR-S-08 over generated net documents with document allowances, charges and line charges. */
class AllowanceChargeProperties {
    private static final CalculationEngine ENGINE = CalculationEngine.withDefaults();
    private static final Entity ENTITY = Entity.sampleSlovenian();
    private static final List<String> RATES = List.of("22", "9.5", "5");

    @Provide
    Arbitrary<LineItem> line() {
        return Combinators.combine(
                Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("500")).ofScale(3),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("999.99")).ofScale(4),
                Arbitraries.of(RATES),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("30")).ofScale(2).injectNull(0.5))
                .as((qty, price, rate, chargePercent) -> {
                    LineItem.Builder b = LineItem.builder().name("item").quantity(qty).price(price).tax(rate);
                    if (chargePercent != null) {
                        b.charges(List.of(AllowanceCharge.ofPercent(chargePercent)));
                    }
                    return b.build();
                });
    }

    @Provide
    Arbitrary<AllowanceCharge> entry() {
        Arbitrary<AllowanceCharge> amount = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50"))
                .ofScale(2).map(AllowanceCharge::ofAmount);
        Arbitrary<AllowanceCharge> percent = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("20"))
                .ofScale(3).map(AllowanceCharge::ofPercent);
        return Combinators.combine(Arbitraries.oneOf(amount, percent), Arbitraries.of(RATES))
                .as((e, rate) -> e.withTax(new BigDecimal(rate), null));
    }

    @Provide
    Arbitrary<List<LineItem>> lines() {
        return line().list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<AllowanceCharge>> entries() {
        return entry().list().ofMaxSize(4);
    }

    @Property(tries = 300)
    void calculate_documentLevel_followsBrCo10To16(@ForAll("lines") List<LineItem> lines,
            @ForAll("entries") List<AllowanceCharge> allowances, @ForAll("entries") List<AllowanceCharge> charges) {
        // A percent entry needs a group to take its base from: keep those whose rate a line has.
        List<String> lineRates = lines.stream().map(l -> l.taxes().get(0).rate().toPlainString()).toList();
        List<AllowanceCharge> a = allowances.stream().filter(e -> e.percent() == null
                || lineRates.contains(e.taxRate().toPlainString())).toList();
        List<AllowanceCharge> c = charges.stream().filter(e -> e.percent() == null
                || lineRates.contains(e.taxRate().toPlainString())).toList();
        Document.Builder b = Document.builder(DocumentType.INVOICE).allowances(a).charges(c);
        lines.forEach(b::item);
        Document doc = ENGINE.calculate(b.build(), ENTITY);

        BigDecimal lineTotal = doc.items().stream().map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sumA = doc.allowances().stream().map(AllowanceCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sumC = doc.charges().stream().map(AllowanceCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!a.isEmpty() || !c.isEmpty()) {
            // BR-CO-11, BR-CO-12
            assertThat(doc.totalAllowances()).isEqualByComparingTo(sumA);
            assertThat(doc.totalCharges()).isEqualByComparingTo(sumC);
        }
        // BR-CO-13: BT-109 = BT-106 − BT-107 + BT-108 (BR-CO-10: BT-106 = Σ BT-131)
        assertThat(doc.total()).isEqualByComparingTo(lineTotal.subtract(sumA).add(sumC));
        BigDecimal taxTotal = BigDecimal.ZERO;
        for (TaxSummary t : doc.taxes()) {
            // BR-S-08: the base of a group is its lines' nets − its allowances + its charges
            BigDecimal base = BigDecimal.ZERO;
            for (LineItem l : doc.items()) {
                LineTax tax = l.taxes().get(0);
                if (tax.rate().compareTo(t.rate()) == 0) {
                    base = base.add(l.total());
                }
            }
            for (AllowanceCharge e : doc.allowances()) {
                base = e.taxRate().compareTo(t.rate()) == 0 ? base.subtract(e.amount()) : base;
            }
            for (AllowanceCharge e : doc.charges()) {
                base = e.taxRate().compareTo(t.rate()) == 0 ? base.add(e.amount()) : base;
            }
            assertThat(t.base()).isEqualByComparingTo(base);
            // D1 on the summed base (BR-S-09)
            assertThat(t.taxAmount()).isEqualByComparingTo(
                    RoundingPolicy.of(doc.currency()).round(RoundingPolicy.percentOf(base, t.rate())));
            taxTotal = taxTotal.add(t.taxAmount());
        }
        // BR-CO-14, BR-CO-15: BT-112 = BT-109 + Σ BT-117
        assertThat(doc.totalWithTax()).isEqualByComparingTo(doc.total().add(taxTotal));
        for (LineItem l : doc.items()) {
            // BT-131 = round(subtotal) − shown discount + Σ shown line charges, exactly
            BigDecimal charged = l.charges().stream().map(AllowanceCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(RoundingPolicy.of(doc.currency()).round(l.price().multiply(l.quantity()))
                    .subtract(l.totalDiscount()).add(charged)).isEqualByComparingTo(l.total());
            assertThat(l.totalDiscount().signum()).isZero();
        }
    }
}
