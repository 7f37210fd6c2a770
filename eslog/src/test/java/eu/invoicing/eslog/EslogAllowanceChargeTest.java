package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Document allowances and charges (G_SG16 / S_ALC with their reason, code and VAT) and line charges (G_SG39,
 * S_ALC C): XSD-valid, and every EN 16931 relation recomputed from the XML holds exactly.
 */
class EslogAllowanceChargeTest {
    private final EslogSerializer serializer = new EslogSerializer();

    static Document sample() {
        return TestCorpus.calculate(Document.builder(DocumentType.INVOICE).number("2026-00060").date(TestCorpus.DAY)
                .customer(TestCorpus.domesticCustomer())
                .item(LineItem.builder().name("Plakati").quantity("120").price("1.35").unit("C62").tax("9.5")
                        .charges(List.of(AllowanceCharge.ofAmount(new BigDecimal("12.00")).withReason("Pakiranje", "ABL")))
                        .build())
                .item(LineItem.builder().name("Oblikovanje").quantity("3").price("45").unit("HUR").tax("22")
                        .discount(Discount.percent(new BigDecimal("10")))
                        .charges(List.of(AllowanceCharge.ofPercent(new BigDecimal("15")).withReason("Nujno", null)))
                        .build())
                .allowances(List.of(AllowanceCharge.ofPercent(new BigDecimal("3")).withReason("Zvestoba", "95")
                        .withTax(new BigDecimal("9.5"), null)))
                .charges(List.of(AllowanceCharge.ofAmount(new BigDecimal("8.50")).withReason("Dostava", "FC")
                        .withTax(new BigDecimal("22"), null)))
                .build());
    }

    @Test
    void toXml_allowancesAndCharges_xsdValidAndEveryRelationHolds() {
        Document d = sample();
        String xml = serializer.toXml(d, TestCorpus.context());
        assertThat(EslogSerializerTest.xsd(xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EslogArithmeticTest.violations(xml, d)).isEmpty();
        // BT-107 / BT-108 as the document's own entries: 3 % of 174.00 = 5.22, and 8.50.
        assertThat(EslogArithmeticTest.total(xml, "260")).isEqualByComparingTo("5.22");
        assertThat(EslogArithmeticTest.total(xml, "259")).isEqualByComparingTo("8.50");
        assertThat(xml).contains("<D_1230>Zvestoba</D_1230>").contains("<D_5189>95</D_5189>")
                .contains("<D_1230>Dostava</D_1230>").contains("<D_7161>FC</D_7161>")
                .contains("<D_1230>Pakiranje</D_1230>").contains("<D_7161>ABL</D_7161>")
                .doesNotContain("Rounding difference");
        assertThat(EslogArithmeticTest.total(xml, "9")).isEqualByComparingTo(d.totalWithTax());
    }
}
