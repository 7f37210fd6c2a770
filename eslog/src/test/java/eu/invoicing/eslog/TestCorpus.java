package eu.invoicing.eslog;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.ItemIdentifier;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.DiscountType;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.ItemType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.model.TransactionType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test documents: a Slovenian issuer, hand-picked documents for golden files, and a seeded
 * generator of calculated documents of every kind (mixed rates, discounts, reverse charge, foreign
 * currency, gross prices, prepayments, FURS data, long texts and Slovenian characters).
 */
public final class TestCorpus {

    public static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final CalculationEngine ENGINE = CalculationEngine.withDefaults();

    private TestCorpus() {
    }

    /** @return the issuing entity: a Slovenian VAT subject with a bank account and default tax clauses */
    public static Entity entity() {
        return entity(false);
    }

    static Entity entity(boolean autoReverseCharge) {
        Map<TransactionType, String> clauses = new LinkedHashMap<>();
        clauses.put(TransactionType.INTRA_EU_B2B,
                "Obrnjena davčna obveznost: DDV obračuna prejemnik (76.a člen ZDDV-1).");
        clauses.put(TransactionType.THIRD_COUNTRY_B2B, "Izvoz storitev: ni predmet obdavčitve v Sloveniji.");
        EntitySettings settings = new EntitySettings(CalculationMode.B2B_STANDARD, null, null,
                new EntitySettings.EuTaxRules(false, autoReverseCharge, false, false), clauses, null, null, 15, null,
                new EntitySettings.UpnQr(true, EntitySettings.UpnDisplayMode.QR_ONLY, "OTHR"), null, null, false, false,
                null, null, new EntitySettings.Eslog(true));
        return new Entity("ent_000000000000000000000001", "Prodajalec d.o.o.", "Dunajska cesta 1", null, "1000",
                "Ljubljana", null, "Slovenija", "SI", "SI12345678", "1234567000", true, "EUR", "sl-SI",
                "racuni@prodajalec.si", "+386 1 123 45 67", null,
                List.of(new BankAccount("SI56191000000123438", "DBSISI2X", "Banka", true)), settings);
    }

    public static EslogContext context() {
        return EslogContext.forEntity(entity());
    }

    static Party domesticCustomer() {
        return Party.builder().name("Kupec d.o.o.").address("Stara cesta 1").postCode("4000").city("Kranj")
                .countryCode("SI").taxNumber("SI87654321").companyNumber("7654321000").email("info@kupec.si").build();
    }

    static Party germanCustomer() {
        return Party.builder().name("Druckhaus Müller GmbH").address("Schloßstraße 8").postCode("80331")
                .city("München").countryCode("DE").taxNumber("DE123456789").build();
    }

    static Party americanCustomer() {
        return Party.builder().name("Brightline Media Inc.").address("500 Market Street").postCode("94105")
                .city("San Francisco").state("CA").countryCode("US").taxNumber("94-1234567").build();
    }

    static Party consumer() {
        return Party.builder().name("Janez Novak").address("Trg svobode 3").postCode("2000").city("Maribor")
                .countryCode("SI").isEndConsumer(true).build();
    }

    static LineItem line(String name, String quantity, String price, String unit, String rate) {
        return LineItem.builder().name(name).quantity(quantity).price(price).unit(unit).tax(rate).build();
    }

    public static Document calculate(Document draft) {
        return ENGINE.calculate(draft, entity());
    }

    /** A domestic invoice: two rates, a discount, a service period, a due date. */
    public static Document domesticInvoice() {
        return calculate(Document.builder(DocumentType.INVOICE).number("2026-00042").date(DAY)
                .dateService(DAY.minusDays(28)).dateServiceTo(DAY.minusDays(1)).dateDue(DAY.plusDays(15))
                .customer(domesticCustomer())
                .item(line("Svetovanje", "2", "50", "HUR", "22"))
                .item(LineItem.builder().name("Jedilni list, A4, plastificiran").description("Barvni tisk, 300 g")
                        .quantity("25").price("6.80").unit("kos").tax("22")
                        .discount(Discount.percent(new BigDecimal("10"))).build())
                .item(line("Strokovna knjiga: Tipografija", "3", "24.90", "H87", "9.5"))
                .note("Hvala za zaupanje. Plačilo v 15 dneh.").paymentTerms("15 dni").build());
    }

    /** An intra-EU reverse-charge invoice to a German customer. */
    public static Document reverseChargeInvoice() {
        return calculate(Document.builder(DocumentType.INVOICE).number("2026-00043").date(DAY).dateDue(DAY.plusDays(30))
                .customer(germanCustomer())
                .item(LineItem.builder().name("Offset printing, catalogue 48 pages").quantity("1500").price("2.35")
                        .unit("pcs").taxes(List.of(new LineTax(new BigDecimal("22"), null, null, null, null, true)))
                        .build())
                .build());
    }

    /** A credit note for invoice 2026-00042. */
    public static Document creditNote() {
        return calculate(Document.builder(DocumentType.CREDIT_NOTE).number("DOB-2026-0001").date(DAY.plusDays(5))
                .customer(domesticCustomer()).reference("2026-00042")
                .item(line("Vračilo: Svetovanje", "1", "50", "HUR", "22")).build());
    }

    /** A final invoice with a 500.00 advance applied, in USD. */
    public static Document foreignInvoiceWithAdvance() {
        return calculate(Document.builder(DocumentType.INVOICE).number("2026-00044").date(DAY).dateDue(DAY.plusDays(8))
                .currencyCode("USD").exchangeRate(new ExchangeRate(new BigDecimal("0.9231"), "ECB", DAY.minusDays(1), "EUR"))
                .customer(domesticCustomer())
                .item(line("Tisk kataloga", "1000", "1.25", "H87", "22"))
                .item(line("Dostava", "1", "35", "C62", "9.5"))
                .payments(List.of(new Payment(null, null, new BigDecimal("500.00"), PaymentType.ADVANCE, DAY.minusDays(20),
                        null, null, null, null, null)))
                .build());
    }

    /** A cash invoice with FURS data. */
    public static Document fiscalizedInvoice() {
        FursData furs = new FursData("PP1", "BLAG1", "C", "17", "12345678", Instant.parse("2026-03-02T13:03:50Z"),
                "8402f0a963e37b2258e034fc8ae7ffc1", "56dcaf93-933a-497d-b864-0ba1e8f4fa23",
                "279042272585972554922067893753871413584876543211601021503002", FiscalStatus.values()[0], null);
        return calculate(Document.builder(DocumentType.INVOICE).number("PP1-BLAG1-17").date(DAY).customer(domesticCustomer())
                .item(line("Kava", "2", "1.40", "C62", "9.5")).furs(furs)
                .payments(List.of(new Payment(null, null, new BigDecimal("3.07"), PaymentType.CASH, DAY, null, null, null,
                        null, null)))
                .build());
    }

    /** An estimate (pro-forma, 325). */
    public static Document estimate() {
        return calculate(Document.builder(DocumentType.ESTIMATE).number("PON-2026-0007").date(DAY)
                .customer(domesticCustomer()).item(line("Oblikovanje logotipa", "6.5", "45", "h", "22")).build());
    }

    /** An advance invoice (386). */
    public static Document advanceInvoice() {
        return calculate(Document.builder(DocumentType.ADVANCE_INVOICE).number("AV-2026-0003").date(DAY)
                .customer(domesticCustomer()).item(line("Avans za tisk sezonske kampanje", "1", "1000", "C62", "22"))
                .build());
    }

    // ------------------------------------------------------------------ generator

    private static final String[] WORDS = {"tisk", "vizitke", "čaša", "šola", "žaga", "ključavnica", "svetovanje",
            "storitev", "Müller", "papir", "ovojnica", "plakat", "zgibanka", "koledar", "razglednica", "žig",
            "čopič", "škatla", "montaža", "prevoz"};
    private static final String[] UNITS = {"C62", "H87", "HUR", "kos", "h", "kg", "KGM", "DAY", "m2", "LTR"};
    private static final String[] RATES = {"22", "9.5", "5", "0"};
    private static final DocumentType[] KINDS = {DocumentType.INVOICE, DocumentType.CREDIT_NOTE,
            DocumentType.ADVANCE_INVOICE, DocumentType.ESTIMATE};

    /** A generated, calculated document; the same seed gives the same document. */
    public static Document generated(long seed) {
        Random r = new Random(seed);
        DocumentType kind = KINDS[(int) Math.floorMod(seed, (long) KINDS.length)];
        int customerKind = r.nextInt(10);
        Party customer = customerKind < 5 ? domesticCustomer() : customerKind < 7 ? germanCustomer()
                : customerKind < 8 ? americanCustomer() : customerKind < 9 ? consumer() : longCustomer(r);
        boolean reverse = customerKind == 5 || customerKind == 6;
        boolean gross = !reverse && r.nextInt(6) == 0;
        CalculationMode mode = gross && r.nextBoolean() ? CalculationMode.B2C_GROSS_DISCOUNT : null;
        Document.Builder b = Document.builder(kind).number(kind.idPrefix().toUpperCase(java.util.Locale.ROOT) + "2026-" + Math.abs(seed % 1_000_000))
                .date(DAY.plusDays(r.nextInt(300))).customer(customer).calculationMode(mode);
        if (r.nextBoolean()) {
            b.dateService(DAY.minusDays(r.nextInt(30)));
            if (r.nextBoolean()) {
                b.dateServiceTo(DAY.plusDays(r.nextInt(5)));
            }
        }
        if (kind != DocumentType.ESTIMATE) {
            b.dateDue(DAY.plusDays(300 + r.nextInt(60)));
        }
        if (r.nextInt(5) == 0) {
            String[] currencies = {"USD", "GBP", "CHF", "JPY"};
            String code = currencies[r.nextInt(currencies.length)];
            b.currencyCode(code).exchangeRate(new ExchangeRate(BigDecimal.valueOf(500 + r.nextInt(1000), 3),
                    "ECB", DAY.minusDays(1), "EUR"));
        }
        int lines = 1 + r.nextInt(12);
        List<LineItem> items = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            if (r.nextInt(15) == 0) {
                items.add(LineItem.builder().name("— " + words(r, 2) + " —").type(ItemType.SEPARATOR).build());
            }
            LineItem.Builder item = LineItem.builder().name(r.nextInt(12) == 0 ? words(r, 60) : capital(words(r, 1 + r.nextInt(4))))
                    .unit(UNITS[r.nextInt(UNITS.length)]);
            BigDecimal quantity = new BigDecimal(1 + r.nextInt(40)).add(r.nextInt(3) == 0
                    ? new BigDecimal(r.nextInt(1000)).movePointLeft(3) : BigDecimal.ZERO);
            item.quantity(quantity);
            BigDecimal price = new BigDecimal(r.nextInt(500000)).movePointLeft(r.nextInt(3) == 0 ? 4 : 2);
            if (gross || mode != null) {
                item.grossPrice(price);
            } else {
                item.price(price);
            }
            if (r.nextInt(4) == 0) {
                item.description(words(r, 5 + r.nextInt(r.nextInt(8) == 0 ? 400 : 20)));
            }
            if (r.nextInt(5) == 0) {
                item.itemId("SKU-" + r.nextInt(100000));
            }
            String rate = RATES[r.nextInt(RATES.length)];
            if (reverse) {
                item.taxes(List.of(new LineTax(new BigDecimal(rate.equals("0") ? "22" : rate), null, null, null, null, true)));
            } else {
                item.tax(rate);
            }
            int discounts = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0;
            // An amount discount only where the subtotal can carry it after two percent discounts of up to 30 %
            // (a tiny price times a small quantity, e.g. 0.4796, cannot take 0.99 off: the engine refuses that).
            boolean amountFits = quantity.multiply(price).compareTo(new BigDecimal("5")) >= 0;
            for (int d = 0; d < discounts; d++) {
                item.discount(r.nextBoolean() || !amountFits ? Discount.percent(new BigDecimal(1 + r.nextInt(30)))
                        : Discount.amount(new BigDecimal(r.nextInt(100)).movePointLeft(2)));
            }
            items.add(item.build());
        }
        b.items(items);
        if (r.nextInt(3) == 0) {
            b.note(r.nextInt(4) == 0 ? words(r, 700) : capital(words(r, 12)) + ".");
        }
        if (r.nextInt(3) == 0) {
            b.paymentTerms("Plačilo v " + (8 + r.nextInt(30)) + " dneh.");
        }
        if (r.nextInt(6) == 0) {
            b.footer("Družba je vpisana v sodni register pri Okrožnem sodišču v Ljubljani.");
        }
        if (!reverse && items.stream().anyMatch(i -> !i.isSeparator() && i.taxes().get(0).rate().signum() == 0)) {
            b.taxClause("Oproščeno plačila DDV po 42. členu ZDDV-1.");
        }
        if (kind == DocumentType.CREDIT_NOTE && r.nextBoolean()) {
            b.reference("2026-" + (100 + r.nextInt(900)));
        }
        Document draft = b.build();
        Document calculated = ENGINE.calculate(draft, entity());
        if (kind == DocumentType.INVOICE && r.nextInt(4) == 0 && calculated.totalWithTax().signum() > 0) {
            BigDecimal advance = calculated.totalWithTax().divide(new BigDecimal(2 + r.nextInt(3)),
                    calculated.totalWithTax().scale(), RoundingMode.DOWN);
            calculated = ENGINE.calculate(draft.toBuilder().payments(List.of(new Payment(null, null, advance,
                    PaymentType.ADVANCE, DAY, null, null, null, null, null))).build(), entity());
        }
        return calculated;
    }

    /**
     * A generated document (as {@link #generated}) with a random share of the EN 16931 fields of issue 13 that
     * e-SLOG carries, recalculated: references, trade details, document allowances and charges (named category
     * S, at a rate a line has, in whole currency units so that every currency carries them), line charges on net
     * lines and line details. Reverse-charge and gross-priced documents get no allowances or charges (their
     * categories and amounts read back normalised, see {@link RoundTrip}).
     */
    public static Document generatedWithEn16931Fields(long seed) {
        Document base = generated(seed);
        Random r = new Random(~seed);
        Document.Builder b = base.toBuilder();
        if (r.nextBoolean()) {
            b.references(new DocumentReferences(r.nextBoolean() ? "BR-" + r.nextInt(1000) : null,
                    r.nextBoolean() ? "PO-" + r.nextInt(1000) : null, r.nextBoolean() ? "SO-" + r.nextInt(99) : null,
                    r.nextBoolean() ? "CT-" + r.nextInt(99) : null, r.nextBoolean() ? capital(words(r, 2)) : null,
                    r.nextBoolean() ? "DA-" + r.nextInt(99) : null, r.nextBoolean() ? "RA-" + r.nextInt(99) : null,
                    r.nextBoolean() ? "ACC" + r.nextInt(9999) : null));
        }
        if (r.nextBoolean()) {
            PostalAddress address = new PostalAddress(capital(words(r, 2)) + " " + r.nextInt(99),
                    r.nextBoolean() ? "Vhod " + r.nextInt(9) : null, "1000", "Ljubljana", null, "SI");
            List<PaymentMeans> means = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) {
                means.add(new PaymentMeans("59", null, null, null, null, null, "MANDAT-" + r.nextInt(999),
                        r.nextBoolean() ? "SI12ZZZ" + r.nextInt(99999) : null, null, null));
            }
            List<PrecedingInvoice> preceding = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) {
                preceding.add(new PrecedingInvoice("2025-" + i + "-" + r.nextInt(999),
                        r.nextBoolean() ? DAY.minusDays(30 + r.nextInt(300)) : null));
            }
            boolean party = r.nextBoolean();
            b.tradeDetails(new TradeDetails(
                    r.nextBoolean() ? new Period(DAY.minusDays(31 + r.nextInt(30)), DAY.minusDays(r.nextInt(30))) : null,
                    party ? new DeliveryInformation(capital(words(r, 2)), r.nextBoolean() ? "383" + r.nextInt(99999) : null,
                            r.nextBoolean() ? address : null, r.nextBoolean() ? DAY.minusDays(r.nextInt(20)) : null) : null,
                    r.nextBoolean() ? new Payee(capital(words(r, 2)) + " d.o.o.", r.nextBoolean() ? "P-" + r.nextInt(99) : null,
                            r.nextBoolean() ? "8" + (100000 + r.nextInt(899999)) : null) : null,
                    r.nextBoolean() ? new TaxRepresentative(capital(words(r, 1)) + " d.o.o.", "SI" + (10000000 + r.nextInt(
                            89999999)), address) : null,
                    means, preceding, List.of()));
        }
        boolean net = base.calculationMode() != CalculationMode.B2C_GROSS_DISCOUNT && base.items().stream().allMatch(i -> i.isSeparator()
                || i.price() != null && i.taxes().stream().noneMatch(LineTax::isReverseCharge));
        List<LineItem> items = new ArrayList<>();
        for (LineItem item : base.items()) {
            if (item.isSeparator() || r.nextInt(3) != 0) {
                items.add(item);
                continue;
            }
            LineItem.Builder i = item.toBuilder();
            if (net && r.nextBoolean()) {
                List<AllowanceCharge> charges = new ArrayList<>();
                for (int c = 1 + r.nextInt(2); c > 0; c--) {
                    charges.add((r.nextBoolean() ? AllowanceCharge.ofPercent(new BigDecimal(1 + r.nextInt(20)))
                            : AllowanceCharge.ofAmount(new BigDecimal(r.nextInt(500)).movePointLeft(2)))
                            .withReason(capital(words(r, 1)), r.nextBoolean() ? "ABL" : null));
                }
                i.charges(charges);
            }
            LineDetails.Builder d = LineDetails.builder();
            if (r.nextBoolean() && item.price() != null) {
                BigDecimal off = new BigDecimal(1 + r.nextInt(99)).movePointLeft(2);
                d.listPrice(item.price().add(off)).priceDiscount(off);
            }
            // a base quantity divides the subtotal: only where no amount discount could then exceed it
            if (r.nextInt(4) == 0 && item.discounts().stream().allMatch(x -> x.type() == DiscountType.PERCENT)) {
                d.priceBaseQuantity(new BigDecimal(1 + r.nextInt(100)));
            }
            if (r.nextBoolean()) {
                d.period(new Period(DAY.minusDays(20 + r.nextInt(10)), DAY.minusDays(r.nextInt(10))));
            }
            d.note(r.nextBoolean() ? capital(words(r, r.nextInt(10) == 0 ? 120 : 4)) : null)
                    .orderLineReference(r.nextBoolean() ? Integer.toString(1 + r.nextInt(999)) : null)
                    .accountingReference(r.nextBoolean() ? "ACC" + r.nextInt(9999) : null)
                    .buyerItemId(r.nextBoolean() ? "B-" + r.nextInt(9999) : null)
                    .standardId(r.nextBoolean() ? new ItemIdentifier("40" + (10000000000L + r.nextInt(999999999)), "0160")
                            : null)
                    .classifications(r.nextBoolean() ? List.of(new ItemClassification("4412" + r.nextInt(9999), "STI",
                            null)) : List.of())
                    .originCountry(r.nextBoolean() ? "NL" : null)
                    .attributes(r.nextBoolean() ? List.of(new ItemAttribute("Barva", capital(words(r, 1)))) : List.of());
            items.add(i.details(d.build()).build());
        }
        b.items(items);
        List<BigDecimal> rates = base.items().stream().filter(i -> !i.isSeparator()).flatMap(i -> i.taxes().stream())
                .map(LineTax::rate).filter(x -> x.signum() > 0).distinct().toList();
        if (net && !rates.isEmpty()) {
            for (int list = 0; list < 2; list++) {
                List<AllowanceCharge> entries = new ArrayList<>();
                for (int e = r.nextInt(3); e > 0; e--) {
                    AllowanceCharge a = r.nextBoolean() ? AllowanceCharge.ofPercent(new BigDecimal(1 + r.nextInt(5)))
                            : AllowanceCharge.ofAmount(BigDecimal.ONE);
                    if (a.percent() != null && r.nextBoolean()) {
                        a = a.withBaseAmount(new BigDecimal(1 + r.nextInt(50)));
                    }
                    entries.add(a.withReason(capital(words(r, 1)), list == 0 ? "95" : "FC")
                            .withTax(rates.get(r.nextInt(rates.size())), TaxCategory.S));
                }
                if (list == 0) {
                    b.allowances(entries);
                } else {
                    b.charges(entries);
                }
            }
        }
        return ENGINE.calculate(b.build(), entity());
    }

    private static Party longCustomer(Random r) {
        return Party.builder().name("Podjetje za " + words(r, 20) + " d.o.o.").address("Ulica " + words(r, 8) + " 12")
                .address2("Poslovna cona Črnuče, stavba " + r.nextInt(30)).postCode("1231").city("Ljubljana - Črnuče")
                .countryCode("SI").taxNumber("SI" + (10000000 + r.nextInt(89999999))).phone("+386 41 " + r.nextInt(999999))
                .email("nabava@podjetje.si").build();
    }

    private static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
