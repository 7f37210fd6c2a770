package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentNote;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The EN 16931 references and trade details in e-SLOG, with the official sample's segments: document references
 * {@code RFF AEP/CT/ON/VN/ALO/AAK/OI}, the buyer's {@code RFF CR/AOU/AVS/AII}, the invoicing period
 * {@code DTM 167/168}, the delivery date {@code DTM 35}, payee {@code NAD PE}, delivery party {@code NAD DP} and tax
 * representative {@code NAD LC}; valid against the official XSD and the business rules.
 */
class EslogTradeDetailsTest {
    private final EslogSerializer serializer = new EslogSerializer();

    static Document tradeDetailsInvoice() {
        Document d = TestCorpus.domesticInvoice();
        return TestCorpus.ENGINE.calculate(d.toBuilder()
                .references(new DocumentReferences("04011000-12345-03", "NAR-118", "PN-77", "OP-2025/4", "Atlas",
                        "DOB-5531", "PRE-0042", "4711"))
                .tradeDetails(new TradeDetails(new Period(TestCorpus.DAY.minusDays(31), TestCorpus.DAY.minusDays(1)),
                        new DeliveryInformation("Skladišče Sever", "3830001234567",
                                new PostalAddress("Skladiščna ulica 3", "Vrata 2", "4000", "Kranj", null, "SI"),
                                TestCorpus.DAY.minusDays(3)),
                        new Payee("Faktor Finance d.o.o.", "FF-001", "8123456000"),
                        new TaxRepresentative("Zastopnik d.o.o.", "SI11223344",
                                new PostalAddress("Slovenska cesta 9", null, "1000", "Ljubljana", null, "SI")),
                        List.of(new PaymentMeans("59", null, null, null, null, null, "MANDAT-17", "SI12ZZZ00001234567",
                                "SI56020100012345678", null)),
                        List.of(new PrecedingInvoice("2026-00031", TestCorpus.DAY.minusDays(40)),
                                new PrecedingInvoice("2026-00032", null)),
                        List.of(new DocumentNote("AAI", "Info"))))
                .build(), TestCorpus.entity());
    }

    @Test
    void toXml_tradeDetails_writtenWithTheOfficialSamplesSegments_andXsdValid() {
        byte[] xml = serializer.toBytes(tradeDetailsInvoice(), TestCorpus.context());
        assertThat(EslogSerializerTest.xsd(xml)).isEmpty();
        String s = new String(xml, java.nio.charset.StandardCharsets.UTF_8).replaceAll(">\\s+<", "><");
        for (String[] rff : new String[][] {{"AEP", "Atlas"}, {"CT", "OP-2025/4"}, {"ON", "NAR-118"}, {"VN", "PN-77"},
                {"ALO", "PRE-0042"}, {"AAK", "DOB-5531"}, {"OI", "2026-00031"}, {"OI", "2026-00032"},
                {"CR", "04011000-12345-03"}, {"AOU", "4711"}, {"AVS", "MANDAT-17"}, {"AII", "SI12ZZZ00001234567"}}) {
            assertThat(s).as("RFF " + rff[0]).contains("<D_1153>" + rff[0] + "</D_1153><D_1154>" + rff[1] + "</D_1154>");
        }
        assertThat(s).contains("<D_2005>167</D_2005><D_2380>2026-01-30</D_2380>",
                "<D_2005>168</D_2005><D_2380>2026-03-01</D_2380>", "<D_2005>35</D_2005><D_2380>2026-02-27</D_2380>",
                "<D_2005>384</D_2005><D_2380>2026-01-21</D_2380>");
        assertThat(s).contains("<D_3035>PE</D_3035><C_C082><D_3039>FF-001</D_3039></C_C082><C_C080><D_3036>Faktor Finance d.o.o.",
                "<D_3035>DP</D_3035><C_C082><D_3039>3830001234567</D_3039></C_C082><C_C080><D_3036>Skladišče Sever",
                "<D_3035>LC</D_3035><C_C080><D_3036>Zastopnik d.o.o.");
        // The document's service dates give way to the invoicing period: no second 167/168.
        assertThat(s.split("<D_2005>167</D_2005>", -1)).hasSize(2);
    }

    @Test
    void validate_tradeDetailsInvoice_noBusinessRuleBroken() {
        EslogValidator validator = new EslogValidator(SharedStandards.schema(),
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));
        assertThat(validator.validate(tradeDetailsInvoice(), TestCorpus.context()).validationErrors()).isEmpty();
    }
}
