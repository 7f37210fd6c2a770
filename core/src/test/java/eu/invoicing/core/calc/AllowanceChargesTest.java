package eu.invoicing.core.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.TaxSummary;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of document allowances and charges and of line charges (docs/calculation.md, BR-CO-10..16). */
class AllowanceChargesTest {
    private final CalculationEngine engine = CalculationEngine.withDefaults();
    private final Entity entity = Entity.sampleSlovenian();

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static LineItem line(String qty, String price, String rate) {
        return LineItem.builder().name("Item").quantity(qty).price(price).tax(rate).build();
    }

    private static AllowanceCharge amount(String amount, String rate) {
        return AllowanceCharge.ofAmount(d(amount)).withTax(rate == null ? null : d(rate), null).withReason("r", null);
    }

    private static AllowanceCharge percent(String percent, String rate) {
        return AllowanceCharge.ofPercent(d(percent)).withTax(d(rate), null);
    }

    private Document calc(Document.Builder b) {
        return engine.calculate(b.build(), entity);
    }

    private static Document.Builder invoice(LineItem... items) {
        Document.Builder b = Document.builder(DocumentType.INVOICE);
        for (LineItem i : items) {
            b.item(i);
        }
        return b;
    }

    private static TaxSummary group(Document doc, String rate) {
        return doc.taxes().stream().filter(t -> t.rate().compareTo(d(rate)) == 0).findFirst().orElseThrow();
    }

    @Test
    void calculate_allowanceAndChargeOnAGroup_changeItsBaseAndTheTotals() {
        Document doc = calc(invoice(line("2", "100", "22"), line("1", "50", "9.5"))
                .allowances(List.of(amount("20", "22")))
                .charges(List.of(amount("10", "9.5"))));
        // BR-S-08: base = Σ line nets − allowances + charges of the category and rate; D1 on that base.
        assertThat(group(doc, "22").base()).isEqualByComparingTo("180.00");
        assertThat(group(doc, "22").taxAmount()).isEqualByComparingTo("39.60");
        assertThat(group(doc, "9.5").base()).isEqualByComparingTo("60.00");
        assertThat(group(doc, "9.5").taxAmount()).isEqualByComparingTo("5.70");
        assertThat(doc.totalAllowances()).isEqualByComparingTo("20.00");
        assertThat(doc.totalCharges()).isEqualByComparingTo("10.00");
        // BR-CO-13: BT-109 = BT-106 − BT-107 + BT-108 (250 − 20 + 10); BR-CO-15: BT-112 = BT-109 + BT-110.
        assertThat(doc.total()).isEqualByComparingTo("240.00");
        assertThat(doc.totalWithTax()).isEqualByComparingTo("285.30");
        assertThat(doc.totalWithTax()).isEqualByComparingTo(doc.total().add(group(doc, "22").taxAmount())
                .add(group(doc, "9.5").taxAmount()));
        assertThat(doc.total().scale()).isEqualTo(2);
    }

    @Test
    void calculate_percentWithoutBase_takesTheGroupsLineNetsAndRoundsOnceAtA1() {
        // 3 × 3.335 = 10.005 → L1 10.01 (HALF_UP); 12.5 % of 10.01 = 1.25125 → A1 1.25.
        Document doc = calc(invoice(line("3", "3.335", "22"), line("1", "1", "9.5"))
                .allowances(List.of(percent("12.5", "22"))));
        AllowanceCharge a = doc.allowances().get(0);
        assertThat(a.amount()).isEqualByComparingTo("1.25");
        assertThat(a.baseAmount()).isEqualByComparingTo("10.01");
        assertThat(a.percent()).isEqualByComparingTo("12.5");
        assertThat(group(doc, "22").base()).isEqualByComparingTo("8.76");
        assertThat(group(doc, "9.5").base()).isEqualByComparingTo("1.00");
        assertThat(doc.total()).isEqualByComparingTo("9.76");
    }

    @Test
    void calculate_percentWithBase_takesTheGivenBase() {
        Document doc = calc(invoice(line("1", "100", "22"))
                .charges(List.of(percent("10", "22").withBaseAmount(d("40")))));
        assertThat(doc.charges().get(0).amount()).isEqualByComparingTo("4.00");
        assertThat(doc.total()).isEqualByComparingTo("104.00");
    }

    @Test
    void calculate_chargeAtARateNoLineHas_makesItsOwnGroup() {
        Document doc = calc(invoice(line("1", "100", "9.5")).charges(List.of(amount("10", "22"))));
        assertThat(doc.taxes()).hasSize(2);
        assertThat(group(doc, "22").base()).isEqualByComparingTo("10.00");
        assertThat(group(doc, "22").taxAmount()).isEqualByComparingTo("2.20");
        assertThat(AllowanceCharges.groupOf(doc, doc.charges().get(0))).isEqualTo(group(doc, "22"));
        assertThat(doc.totalWithTax()).isEqualByComparingTo("121.70");
    }

    @Test
    void calculate_entryWithoutRate_isInNoGroup() {
        Document doc = calc(invoice(line("1", "100", "22")).allowances(List.of(amount("10", null))));
        assertThat(doc.taxes()).singleElement().satisfies(t -> assertThat(t.base()).isEqualByComparingTo("100.00"));
        assertThat(doc.total()).isEqualByComparingTo("90.00");
        assertThat(doc.totalWithTax()).isEqualByComparingTo("112.00");
    }

    @Test
    void calculate_categoriesApart_matchTheirOwnGroup() {
        LineItem exempt = LineItem.builder().name("E").quantity("1").price("50")
                .tax(eu.invoicing.core.model.LineTax.ofRate(d("0")).withCategory(TaxCategory.E, "exempt", null)).build();
        LineItem zero = LineItem.builder().name("Z").quantity("1").price("30")
                .tax(eu.invoicing.core.model.LineTax.ofRate(d("0")).withCategory(TaxCategory.Z, null, null)).build();
        Document doc = calc(invoice(exempt, zero)
                .allowances(List.of(AllowanceCharge.ofAmount(d("5")).withTax(d("0"), TaxCategory.Z))));
        assertThat(doc.taxes()).extracting(TaxSummary::category).containsExactly(TaxCategory.E, TaxCategory.Z);
        assertThat(doc.taxes().get(0).base()).isEqualByComparingTo("50.00");
        assertThat(doc.taxes().get(1).base()).isEqualByComparingTo("25.00");
    }

    @Test
    void calculate_grossGroupWithAnAllowance_usesTheNetFormula() {
        LineItem gross = LineItem.builder().name("G").quantity("1").grossPrice("122").tax("22").build();
        Document doc = calc(invoice(gross).allowances(List.of(amount("10", "22"))));
        assertThat(group(doc, "22").base()).isEqualByComparingTo("90.00");
        assertThat(group(doc, "22").taxAmount()).isEqualByComparingTo("19.80");
        assertThat(doc.totalWithTax()).isEqualByComparingTo("109.80");
    }

    @Test
    void calculate_noAllowancesOrCharges_leavesTheirTotalsNull() {
        Document doc = calc(invoice(line("1", "10", "22")));
        assertThat(doc.totalAllowances()).isNull();
        assertThat(doc.totalCharges()).isNull();
        assertThat(doc.allowances()).isEmpty();
    }

    @Test
    void calculate_lineCharges_enterTheLineTotalBeforeL1() {
        // BR-CO-10: BT-106 = Σ BT-131; BT-131 = 2 × 100 − 10 % + 5.555 + 2 % of 200 = 189.555 → 189.56.
        LineItem item = LineItem.builder().name("Item").quantity("2").price("100").tax("22")
                .discount(Discount.percent(d("10")))
                .charges(List.of(AllowanceCharge.ofAmount(d("5.555")), AllowanceCharge.ofPercent(d("2"))))
                .build();
        Document doc = calc(invoice(item));
        LineItem l = doc.items().get(0);
        assertThat(l.total()).isEqualByComparingTo("189.56");
        assertThat(l.charges()).extracting(AllowanceCharge::amount).map(BigDecimal::toPlainString)
                .containsExactly("5.56", "4.00");
        assertThat(l.charges().get(1).baseAmount()).isEqualByComparingTo("200.00");
        // round(subtotal) − shown discount + Σ shown charges = total, exactly.
        assertThat(d("200.00").subtract(l.totalDiscount()).add(d("9.56"))).isEqualByComparingTo(l.total());
        assertThat(doc.total()).isEqualByComparingTo("189.56");
    }

    @Test
    void calculate_lineChargeWithoutDiscount_showsNoDiscount() {
        // 3 × 3.335 = 10.005; + 0.004 → 10.009 → 10.01; round(10.005) = 10.01: the charge shows 0.00.
        LineItem item = LineItem.builder().name("Item").quantity("3").price("3.335").tax("22")
                .charges(List.of(AllowanceCharge.ofAmount(d("0.004")))).build();
        LineItem l = calc(invoice(item)).items().get(0);
        assertThat(l.total()).isEqualByComparingTo("10.01");
        assertThat(l.totalDiscount()).isEqualByComparingTo("0");
        assertThat(l.charges().get(0).amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void calculate_grossLineCharge_isAGrossAmount() {
        LineItem item = LineItem.builder().name("G").quantity("1").grossPrice("122").tax("22")
                .charges(List.of(AllowanceCharge.ofAmount(d("12.20")))).build();
        Document doc = engine.calculate(invoice(item).calculationMode(CalculationMode.B2B_STANDARD).build(), entity);
        assertThat(doc.items().get(0).totalWithTax()).isEqualByComparingTo("134.20");
        assertThat(doc.items().get(0).total()).isEqualByComparingTo("110.00");
    }

    @Test
    void calculate_badEntries_nameEveryPath() {
        LineItem item = LineItem.builder().name("Item").quantity("1").price("10").tax("22")
                .charges(List.of(AllowanceCharge.ofAmount(d("-1")).withTax(d("22"), TaxCategory.S))).build();
        Document draft = invoice(item)
                .allowances(List.of(new AllowanceCharge(null, null, null, null, null, null, null),
                        AllowanceCharge.ofPercent(d("101")).withTax(d("22"), null).withReason(null, "999"),
                        AllowanceCharge.ofAmount(d("1.001")).withTax(d("5"), TaxCategory.E)))
                .charges(List.of(AllowanceCharge.ofAmount(d("1")).withTax(null, TaxCategory.S)))
                .build();
        assertThatThrownBy(() -> engine.calculate(draft, entity)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                        "allowances[0].amount", "allowances[1].percent", "allowances[1].reason_code",
                        "allowances[2].amount", "allowances[2].tax_rate", "charges[0].tax_rate",
                        "items[0].charges[0].tax_rate", "items[0].charges[0].tax_category",
                        "items[0].charges[0].amount"));
        assertThat(draft.allowances()).hasSize(3);
    }

    @Test
    void calculate_percentInAGroupNoLineHas_needsABase() {
        Document draft = invoice(line("1", "10", "22")).allowances(List.of(percent("5", "9.5"))).build();
        assertThatThrownBy(() -> engine.calculate(draft, entity)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("allowances[0].base_amount"));
    }

    @Test
    void calculate_percentOfANegativeGroup_isRefusedAtItsBase() {
        // 0.01 − 0.02: the group's net is −0.01, a base a percent entry may not be given, so not taken either
        // (the calculated document, sent back or read from its e-invoice, would be refused at base_amount).
        Document draft = invoice(line("1", "0.01", "22"), line("-1", "0.02", "22"))
                .allowances(List.of(percent("5", "22"))).build();
        assertThatThrownBy(() -> engine.calculate(draft, entity)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::path, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("allowances[0].base_amount", "out_of_range")));
    }

    @Test
    void calculate_calculatedDocumentSentBack_givesTheSameFigures() {
        Document once = calc(invoice(line("3", "3.335", "22")).allowances(List.of(percent("12.5", "22")))
                .charges(List.of(amount("1.50", "22"))));
        Document twice = engine.calculate(once, entity);
        assertThat(twice.allowances()).isEqualTo(once.allowances());
        assertThat(twice.total()).isEqualTo(once.total());
        assertThat(twice.taxes()).isEqualTo(once.taxes());
    }
}
