package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.ItemIdentifier;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The EN 16931 fields of issue 13 read back from e-SLOG: write then read gives the same document for every one
 * the serializer writes (document allowances and charges with percent, base, reason, code and VAT; line charges;
 * the references BT-10..19; the trade details; the line details), and the official sample's segments read as the
 * sample states them.
 */
class EslogEn16931FieldsReadTest {
    private static final LocalDate DAY = TestCorpus.DAY;

    private final EslogSerializer serializer = new EslogSerializer();
    private final EslogReader reader = new EslogReader();

    /** An invoice that sets every issue-13 field e-SLOG carries. */
    static Document rich() {
        LineDetails details = LineDetails.builder().listPrice(new BigDecimal("10")).priceDiscount(new BigDecimal("0.5"))
                .priceBaseQuantity(new BigDecimal("10")).period(new Period(DAY.minusDays(30), DAY.minusDays(1)))
                .note("Deliver to gate 2").orderLineReference("7").accountingReference("ACC7654").buyerItemId("BUY123")
                .standardId(new ItemIdentifier("4012345678901", "0160"))
                .classifications(List.of(new ItemClassification("12344321", "ZZZ", null),
                        new ItemClassification("44121600", "STI", null)))
                .originCountry("NL")
                .attributes(List.of(new ItemAttribute("Thickness", "2 mm"), new ItemAttribute("Colour", "white"))).build();
        return TestCorpus.calculate(Document.builder(DocumentType.INVOICE).number("2026-00090").date(DAY)
                .dateDue(DAY.plusDays(15)).customer(TestCorpus.domesticCustomer())
                .references(new DocumentReferences("04011000-12345-03", "NAR-118", "PN-77", "OP-2025/4", "Atlas",
                        "DOB-5531", "PRE-0042", "4711"))
                .tradeDetails(new TradeDetails(new Period(DAY.minusDays(31), DAY.minusDays(1)),
                        new DeliveryInformation("Skladišče Sever", "3830001234567",
                                new PostalAddress("Skladiščna ulica 3", "Vrata 2", "4000", "Kranj", null, "SI"),
                                DAY.minusDays(3)),
                        new Payee("Faktor Finance d.o.o.", "FF-001", "8123456000"),
                        new TaxRepresentative("Zastopnik d.o.o.", "SI11223344",
                                new PostalAddress("Slovenska cesta 9", null, "1000", "Ljubljana", null, "SI")),
                        List.of(new PaymentMeans("59", null, null, null, null, null, "MANDAT-17", "SI12ZZZ00001234567",
                                null, null)),
                        List.of(new PrecedingInvoice("2026-00031", DAY.minusDays(40)),
                                new PrecedingInvoice("2026-00032", null)),
                        List.of()))
                .item(LineItem.builder().name("Printing paper").quantity("30").price("9.5").unit("kos").tax("22")
                        .discount(Discount.percent(BigDecimal.TEN))
                        .charges(List.of(AllowanceCharge.ofPercent(new BigDecimal("5")).withReason("Nujno", "AAA"),
                                AllowanceCharge.ofAmount(new BigDecimal("1.20")).withReason("Pakiranje", "ABL")))
                        .details(details).build())
                .item(LineItem.builder().name("Oblikovanje").quantity("3").price("45").unit("HUR").tax("22")
                        .charges(List.of(AllowanceCharge.ofPercent(new BigDecimal("15")).withReason("Vikend", null)))
                        .build())
                .item(LineItem.builder().name("Strokovna knjiga").quantity("3").price("24.90").unit("H87").tax("9.5")
                        .build())
                .allowances(List.of(
                        AllowanceCharge.ofPercent(new BigDecimal("3")).withReason("Zvestoba", "95")
                                .withTax(new BigDecimal("9.5"), TaxCategory.S),
                        AllowanceCharge.ofAmount(new BigDecimal("2.00")).withReason("Akcija", "100")
                                .withTax(new BigDecimal("22"), TaxCategory.S)))
                .charges(List.of(
                        AllowanceCharge.ofAmount(new BigDecimal("8.50")).withReason("Dostava", "FC")
                                .withTax(new BigDecimal("22"), TaxCategory.S),
                        AllowanceCharge.ofPercent(new BigDecimal("2")).withBaseAmount(new BigDecimal("100.00"))
                                .withReason("Zavarovanje", "ABK").withTax(new BigDecimal("22"), TaxCategory.S)))
                .build());
    }

    @Test
    void read_richDocument_everyIssue13FieldTheWriterWritesReadsBackTheSame() {
        Document original = rich();
        byte[] xml = serializer.toBytes(original, TestCorpus.context());
        assertThat(EslogSerializerTest.xsd(xml)).isEmpty();

        EslogDocument read = reader.read(xml);
        Document back = read.document();

        RoundTrip.assertSame(original, TestCorpus.context(), read);
        // and exactly, field by field
        assertThat(back.references()).isEqualTo(original.references());
        assertThat(back.tradeDetails()).isEqualTo(original.tradeDetails());
        assertThat(RoundTrip.normalised(back.allowances())).isEqualTo(RoundTrip.normalised(original.allowances()))
                .hasSize(2);
        assertThat(RoundTrip.normalised(back.charges())).isEqualTo(RoundTrip.normalised(original.charges())).hasSize(2);
        assertThat(back.items()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            LineItem o = original.items().get(i);
            LineItem b = back.items().get(i);
            assertThat(RoundTrip.normalised(b.charges())).as("items[%d].charges", i)
                    .isEqualTo(RoundTrip.normalised(o.charges()));
            assertThat(RoundTrip.normalised(b.details())).as("items[%d].details", i)
                    .isEqualTo(RoundTrip.normalised(o.details()));
            assertThat(b.price()).as("items[%d].price", i).isEqualByComparingTo(o.price());
            assertThat(b.total()).as("items[%d].total", i).isEqualByComparingTo(o.total());
        }
        assertThat(back.items().get(0).charges().get(0).percent()).isEqualByComparingTo("5");
        assertThat(back.items().get(0).charges().get(0).baseAmount()).isEqualByComparingTo("28.50");
        assertThat(back.items().get(0).details().priceBaseQuantity()).isEqualByComparingTo("10");
        assertThat(back.totalAllowances()).isEqualByComparingTo(original.totalAllowances());
        assertThat(back.totalCharges()).isEqualByComparingTo(original.totalCharges());
        assertThat(back.total()).isEqualByComparingTo(original.total());
        assertThat(back.totalWithTax()).isEqualByComparingTo(original.totalWithTax());
    }

    @Test
    void read_officialSample_allowancesChargesReferencesTradeAndLineDetailsAsTheSampleStates() throws IOException {
        Document d = reader.read(Files.readAllBytes(SharedStandards.officialSample())).document();

        // G_SG16: BT-92..98 and BT-99..105
        assertThat(RoundTrip.normalised(d.allowances())).isEqualTo(RoundTrip.normalised(List.of(new AllowanceCharge(new BigDecimal("150"),
                BigDecimal.TEN, new BigDecimal("1500"), "Loyal customer", "42", new BigDecimal("25"), TaxCategory.S))));
        assertThat(RoundTrip.normalised(d.charges())).isEqualTo(RoundTrip.normalised(List.of(new AllowanceCharge(new BigDecimal("150"),
                BigDecimal.TEN, new BigDecimal("1500"), "Packaging", "ABL", new BigDecimal("25"), TaxCategory.S))));
        assertThat(d.totalAllowances()).isEqualByComparingTo("150.00");
        assertThat(d.totalCharges()).isEqualByComparingTo("150.00");
        // G_SG1 and the buyer's G_SG3: BT-10..16, BT-19
        assertThat(d.references()).isEqualTo(new DocumentReferences("qwerty", "PO4711", "123", "2013-05", "Project345",
                "5433", "3544", "67543"));
        TradeDetails t = d.tradeDetails();
        assertThat(t.invoicePeriod()).isEqualTo(new Period(LocalDate.of(2013, 3, 10), LocalDate.of(2013, 4, 10)));
        assertThat(t.delivery()).isEqualTo(new DeliveryInformation("Logistic service ltd", "579000436068",
                new PostalAddress("Delivery street", "Gate 15, Floor 2", "9000", "Delivery city", "Jutland", "DK"),
                LocalDate.of(2013, 4, 15)));
        assertThat(t.payee()).isEqualTo(new Payee("Dagober Duck", "DK16356608", "DK16356608"));
        assertThat(t.taxRepresentative()).isEqualTo(new TaxRepresentative("Dick Panama", "DK16356609",
                new PostalAddress("AnyStreet, buliding 1", "6th floor, 6th door", "101", "Anytown", "Jutland", "DK")));
        assertThat(t.paymentMeans()).containsExactly(new PaymentMeans("30", null, null, null, null, null, "123456",
                "DK5678", null, null));
        assertThat(t.precedingInvoices()).containsExactly(new PrecedingInvoice("TOSL109", LocalDate.of(2013, 3, 10)));
        // line 1: its charge (BT-141..145), discount and details (BT-127..161)
        LineItem line = d.items().get(0);
        assertThat(RoundTrip.normalised(line.charges())).isEqualTo(RoundTrip.normalised(List.of(new AllowanceCharge(
                new BigDecimal("100"), BigDecimal.TEN, new BigDecimal("1000"), "Packaging", "ABL", null, null))));
        assertThat(line.discounts()).containsExactly(Discount.percent(new BigDecimal("10")));
        assertThat(line.total()).isEqualByComparingTo("1000.00");
        assertThat(RoundTrip.normalised(line.details())).isEqualTo(RoundTrip.normalised(LineDetails.builder()
                .listPrice(new BigDecimal("1.1")).priceDiscount(new BigDecimal("0.1")).priceBaseQuantity(BigDecimal.ONE)
                .period(new Period(LocalDate.of(2013, 3, 10), LocalDate.of(2013, 4, 10))).note("first line")
                .orderLineReference("1").accountingReference("ACC7654").buyerItemId("BUY123")
                .standardId(new ItemIdentifier("1234567890128", "0160"))
                .classifications(List.of(new ItemClassification("123444321", "ZZZ", null))).originCountry("NL")
                .attributes(List.of(new ItemAttribute("Thickness", "2 mm"))).build()));
    }
}
