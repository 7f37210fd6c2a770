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

    @Test
    void toXml_percentAllowanceAndCharge_stateThePercentAndTheBaseAsTheOfficialSample() {
        String xml = serializer.toXml(sample(), TestCorpus.context()).replaceAll(">\\s+<", "><");
        // document allowance: 3 % of 174.00 (PCD 1, MOA 204 then MOA 25, as the sample's G_SG16)
        assertThat(xml).contains("<G_SG19><S_PCD><C_C501><D_5245>1</D_5245><D_5482>3</D_5482></C_C501></S_PCD></G_SG19>"
                + "<G_SG20><S_MOA><C_C516><D_5025>204</D_5025><D_5004>5.22</D_5004></C_C516></S_MOA></G_SG20>"
                + "<G_SG20><S_MOA><C_C516><D_5025>25</D_5025><D_5004>174.00</D_5004></C_C516></S_MOA></G_SG20>");
        // line charge: 15 % of 3 x 45 = 135.00 (PCD 2, MOA 23 then MOA 25, as the sample's G_SG39)
        assertThat(xml).contains("<G_SG41><S_PCD><C_C501><D_5245>2</D_5245><D_5482>15</D_5482></C_C501></S_PCD></G_SG41>"
                + "<G_SG42><S_MOA><C_C516><D_5025>23</D_5025><D_5004>20.25</D_5004></C_C516></S_MOA></G_SG42>"
                + "<G_SG42><S_MOA><C_C516><D_5025>25</D_5025><D_5004>135.00</D_5004></C_C516></S_MOA></G_SG42>");
        // the amount charges state no percent
        assertThat(xml.split("<D_5245>", -1)).hasSize(1 + 3); // the two above and the line discount's PCD 1
    }
}
