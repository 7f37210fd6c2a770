package eu.invoicing.einvoice;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.DocumentNote;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Calculated test documents across kinds, currencies (EUR, JPY, KWD), VAT categories (S, E, AE, K, G)
 * and discounts, from one Slovenian issuer, for the writers' golden files and validation tests.
 */
final class Samples {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final CalculationEngine ENGINE = CalculationEngine.withDefaults();

    private Samples() {
    }

    static Entity entity() {
        return Entity.builder().id("ent_000000000000000000000001").name("Prodajalec d.o.o.").address("Dunajska cesta 1")
                .postCode("1000").city("Ljubljana").countryCode("SI").taxNumber("SI12345678").companyNumber("1234567000")
                .email("racuni@prodajalec.si").currencyCode("EUR")
                .bankAccount(new BankAccount("SI56191000000123438", "DBSISI2X", "Banka", true)).build();
    }

    static Party domestic() {
        return Party.builder().name("Kupec d.o.o.").address("Stara cesta 1").postCode("4000").city("Kranj")
                .countryCode("SI").taxNumber("SI87654321").companyNumber("7654321000").email("info@kupec.si").build();
    }

    static Party german() {
        return Party.builder().name("Druckhaus Müller GmbH").address("Schloßstraße 8").postCode("80331")
                .city("München").countryCode("DE").taxNumber("DE123456789").build();
    }

    static Party american() {
        return Party.builder().name("Brightline Media Inc.").address("500 Market Street").postCode("94105")
                .city("San Francisco").state("CA").countryCode("US").build();
    }

    static LineItem line(String name, String quantity, String price, String unit, String rate) {
        return LineItem.builder().name(name).quantity(quantity).price(price).unit(unit).tax(rate).build();
    }

    static Document calculate(Document.Builder b) {
        return ENGINE.calculate(b.build(), entity());
    }

    /** Two rates, a percent discount, a service period, a due date. */
    static Document domesticInvoice() {
        return calculate(Document.builder(DocumentType.INVOICE).number("2026-00042").date(DAY)
                .dateService(DAY.minusDays(28)).dateServiceTo(DAY.minusDays(1)).dateDue(DAY.plusDays(15))
                .customer(domestic()).reference("PO-7781")
                .item(line("Svetovanje", "2", "50", "HUR", "22"))
                .item(LineItem.builder().name("Jedilni list, A4, plastificiran").description("Barvni tisk, 300 g <A4> & co")
                        .quantity("25").price("6.80").unit("kos").tax("22").itemId("SKU-1")
                        .discount(Discount.percent(new BigDecimal("10"))).build())
                .item(line("Strokovna knjiga: Tipografija", "3", "24.90", "H87", "9.5"))
                .note("Hvala za zaupanje.").paymentTerms("15 dni"));
    }

    /** Intra-EU reverse charge (AE) to a German customer. */
    static Document reverseChargeInvoice() {
        return calculate(Document.builder(DocumentType.INVOICE).number("2026-00043").date(DAY).dateDue(DAY.plusDays(30))
                .customer(german()).reference("Bestellung 55")
                .taxClause("Reverse charge: VAT to be accounted for by the recipient (Article 196, Directive 2006/112/EC).")
                .item(LineItem.builder().name("Offset printing, catalogue 48 pages").quantity("1500").price("2.35")
                        .unit("pcs").taxes(List.of(new LineTax(new BigDecimal("22"), null, null, null, null, true))).build()));
    }

    /** A credit note crediting invoice 2026-00042. */
    static Document creditNote() {
        return calculate(Document.builder(DocumentType.CREDIT_NOTE).number("DOB-2026-0001").date(DAY.plusDays(5))
                .dateDue(DAY.plusDays(20)).customer(domestic()).reference("2026-00042")
                .item(line("Vračilo: Svetovanje", "1", "50", "HUR", "22")));
    }

    /** An advance invoice (386), paid in advance. */
    static Document advanceInvoice() {
        return calculate(Document.builder(DocumentType.ADVANCE_INVOICE).number("AV-2026-0003").date(DAY)
                .dateDue(DAY.plusDays(3)).customer(domestic()).reference("Kampanja 2026")
                .item(line("Avans za tisk sezonske kampanje", "1", "1000", "C62", "22")));
    }

    /** JPY: no minor units; export outside the EU (G). */
    static Document jpyExport() {
        return calculate(Document.builder(DocumentType.INVOICE).number("2026-00044").date(DAY).dateDue(DAY.plusDays(30))
                .currencyCode("JPY").exchangeRate(new ExchangeRate(new BigDecimal("161.52"), "ECB", DAY.minusDays(1), "EUR")).customer(Party.builder().name("Sakura Shoji K.K.").address("1-1 Marunouchi")
                        .postCode("100-0005").city("Tokyo").countryCode("JP").build()).reference("JP-1")
                .item(line("Licence, annual", "3", "12345", "ANN", "0"))
                .item(line("Support", "7.5", "8000", "HUR", "0")));
    }

    /** KWD: three minor units, amounts that fit EN 16931's two decimals; standard rate. */
    static Document kwdInvoice() {
        return calculate(Document.builder(DocumentType.INVOICE).number("2026-00045").date(DAY).dateDue(DAY.plusDays(30))
                .currencyCode("KWD").exchangeRate(new ExchangeRate(new BigDecimal("0.3321"), "ECB", DAY.minusDays(1), "EUR")).customer(domestic()).reference("KW-9")
                .item(line("Consulting", "4", "120.50", "HUR", "22"))
                .item(line("Travel", "1", "40", "C62", "9.5")));
    }

    /** A domestic exempt line (E) beside a standard one, with a tax clause and a prepayment. */
    static Document exemptWithPrepayment() {
        Document draft = Document.builder(DocumentType.INVOICE).number("2026-00046").date(DAY).dateDue(DAY.plusDays(8))
                .customer(domestic()).reference("E-1").taxClause("Oproščeno plačila DDV po 42. členu ZDDV-1.")
                .item(line("Tečaj", "1", "300", "C62", "0"))
                .item(line("Gradivo", "10", "4.99", "H87", "22"))
                .payments(List.of(new Payment(null, null, new BigDecimal("100.00"), PaymentType.BANK_TRANSFER, DAY,
                        null, null, null, null, null)))
                .build();
        return ENGINE.calculate(draft, entity());
    }

    /** Tax-inclusive prices with an amount discount. */
    static Document grossPriced() {
        return calculate(Document.builder(DocumentType.INVOICE).number("2026-00047").date(DAY).dateDue(DAY.plusDays(8))
                .customer(domestic()).reference("G-1")
                .item(LineItem.builder().name("Kava").quantity("3").grossPrice("1.40").unit("C62").tax("9.5").build())
                .item(LineItem.builder().name("Torta").quantity("2").grossPrice("3.99").unit("C62").tax("22")
                        .discount(Discount.amount(new BigDecimal("0.50"))).build()));
    }

    /**
     * Every EN 16931 reference and trade detail the model carries: BT-10..19, an invoicing period, delivery party
     * and date, payee, tax representative, a SEPA credit transfer to the payee's account, a preceding invoice and
     * a note with a subject.
     */
    static Document tradeDetails() {
        return calculate(Document.builder(DocumentType.INVOICE).number("2026-00048").date(DAY).dateDue(DAY.plusDays(30))
                .customer(domestic())
                .references(new DocumentReferences("04011000-12345-03", "PO-2026-118", "SO-77", "RV-2025/4", "PRJ-Atlas",
                        "DN-5531", "GRN-0042", "4711-Marketing"))
                .tradeDetails(new TradeDetails(new Period(DAY.minusDays(31), DAY.minusDays(1)),
                        new DeliveryInformation("Kupec d.o.o., skladišče Sever", "3830001234567",
                                new PostalAddress("Skladiščna ulica 3", "Vrata 2", "4000", "Kranj", "Gorenjska", "SI"),
                                DAY.minusDays(3)),
                        new Payee("Faktor Finance d.o.o.", "FF-001", "8123456000"),
                        new TaxRepresentative("Steuervertretung Berlin GmbH", "DE987654321",
                                new PostalAddress("Unter den Linden 5", null, "10117", "Berlin", null, "DE")),
                        List.of(new PaymentMeans("58", "SEPA credit transfer", "SI56290000123456789", "BACXSI22", null, null,
                                null, null, null, "SI00 2026-00048")),
                        List.of(new PrecedingInvoice("2026-00031", DAY.minusDays(40))),
                        List.of(new DocumentNote("AAI", "Dobava po okvirni pogodbi RV-2025/4."))))
                .item(line("Tisk kataloga, 48 strani", "1000", "2.10", "C62", "22"))
                .item(line("Dostava", "1", "85", "C62", "22")));
    }

    /**
     * Document allowances and charges (BG-20, BG-21) in two VAT groups, one of them (a 22 % freight charge) without
     * lines of its own, and line charges (BG-28), one beside a discount.
     */
    static Document allowancesAndCharges() {
        return calculate(Document.builder(DocumentType.INVOICE).number("2026-00048").date(DAY).dateDue(DAY.plusDays(30))
                .customer(domestic()).reference("AC-1")
                .item(LineItem.builder().name("Plakati A2").quantity("120").price("1.35").unit("H87").tax("9.5")
                        .charges(List.of(AllowanceCharge.ofAmount(new BigDecimal("12.00")).withReason("Pakiranje", "ABL")))
                        .build())
                .item(LineItem.builder().name("Oblikovanje").quantity("3").price("45").unit("HUR").tax("9.5")
                        .discount(Discount.percent(new BigDecimal("10")))
                        .charges(List.of(AllowanceCharge.ofPercent(new BigDecimal("15")).withReason("Nujno", "AEO")))
                        .build())
                .allowances(List.of(AllowanceCharge.ofPercent(new BigDecimal("3")).withReason("Zvestoba", "95")
                        .withTax(new BigDecimal("9.5"), null)))
                .charges(List.of(AllowanceCharge.ofAmount(new BigDecimal("8.50")).withReason("Dostava", "FC")
                        .withTax(new BigDecimal("22"), null))));
    }

    /** The options a sample needs beyond the document: the credit note's buyer reference (Peppol R003). */
    static EInvoiceOptions options(String name) {
        return name.equals("credit-note") ? EInvoiceOptions.none().withBuyerReference("Kupec 2026/17")
                .withPrecedingInvoice("2026-00042", DAY.minusDays(10))
                : name.equals("invoice-jpy-export") ? EInvoiceOptions.none().withEndpoints(null, new Endpoint("0088", "4912345000002"))
                : EInvoiceOptions.none();
    }

    static Map<String, Supplier<Document>> all() {
        return Map.of("invoice-domestic", Samples::domesticInvoice, "invoice-reverse-charge", Samples::reverseChargeInvoice,
                "credit-note", Samples::creditNote, "advance-invoice", Samples::advanceInvoice, "invoice-jpy-export",
                Samples::jpyExport, "invoice-kwd", Samples::kwdInvoice, "invoice-exempt-prepaid", Samples::exemptWithPrepayment,
                "invoice-gross-priced", Samples::grossPriced, "invoice-trade-details", Samples::tradeDetails,
                "invoice-allowances-charges", Samples::allowancesAndCharges);
    }
}
