package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.BankAccount;
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
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.ItemIdentifier;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.rendering.RenderOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random documents over the invoice kinds, VAT categories (S at two rates, E derived or stated with its
 * exemption reason, Z, AE, G), line discounts, the EN 16931 line details (price details with a base quantity,
 * period, note, references, item identifiers), negative lines on invoices and credit notes,
 * document allowances and charges and line charges,
 * currencies (EUR, JPY, KWD) and customers produce UBL, Peppol BIS, XRechnung, CII and Factur-X (the CII its
 * PDF/A-3 embeds) that pass the XSD and every fatal rule, and read back to the same lines and the same totals;
 * with random EN 16931 references and trade details (period, delivery, payee, tax representative, a payment means of each kind, preceding invoice, subject note),
 * which read back equal.
 */
class EInvoiceRoundTripProperties {

    private static final EInvoiceWriter WRITER = new EInvoiceWriter();
    private static final EInvoiceReader READER = new EInvoiceReader();
    private static final FacturXWriter FACTUR_X = FacturXWriter.create(
            java.time.Clock.fixed(java.time.Instant.parse("2026-03-02T10:00:00Z"), java.time.ZoneOffset.UTC));

    /**
     * One generated line: quantity, price, rate index, discount percent (0: none), and for a domestic 0 % line
     * how its VAT category is given (0: derived, 1: E with a stated exemption reason and code, 2: Z).
     */
    record Line(int quantity, int priceMinor, int rate, int discount, int zeroKind, int details, boolean negative) {
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 500_000),
                Arbitraries.integers().between(0, 2), Arbitraries.of(0, 0, 5, 10, 25), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3), Arbitraries.of(false, false, false, true))
                .as(Line::new)
                .list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 40)
    void anyDocument_writesValidUblPeppolAndCii_andReadsBack(
            @ForAll("lines") List<Line> lines,
            @ForAll("kinds") DocumentType kind,
            @ForAll("currencies") String currency,
            @ForAll("customers") int customerKind,
            @ForAll("references") DocumentReferences references,
            @ForAll("trade") TradeDetails trade,
            @ForAll("allowanceKinds") int allowanceKind,
            @ForAll("sellerIdentifiers") List<PartyIdentifier> sellerIds,
            @ForAll("buyerIdentifiers") List<PartyIdentifier> buyerIds) {
        boolean kwd = currency.equals("KWD");
        boolean jpy = currency.equals("JPY");
        Party customer = switch (customerKind) {
            case 0 -> Samples.domestic();
            case 1 -> Samples.german();
            default -> Samples.american();
        };
        customer = customer.toBuilder().identifiers(buyerIds).build();
        boolean reverse = customerKind == 1;
        String[] rates = {"22", kwd ? "5" : "9.5", "0"};
        List<LineItem> items = new ArrayList<>();
        for (Line l : lines) {
            // KWD: whole prices and rates, so that every amount fits EN 16931's two decimals; JPY: whole yen.
            BigDecimal price = kwd || jpy ? BigDecimal.valueOf(l.priceMinor() / 100 + 1)
                    : BigDecimal.valueOf(l.priceMinor(), 2);
            String rate = customerKind == 2 ? "0" : rates[l.rate()];
            // A negative line (EN 16931 allows them on invoices and credit notes), never the first one.
            boolean negative = l.negative() && !items.isEmpty() && kind != DocumentType.ADVANCE_INVOICE;
            LineItem.Builder b = LineItem.builder().name("Item " + items.size())
                    .quantity(BigDecimal.valueOf(negative ? -l.quantity() : l.quantity())).price(price).unit("C62")
                    .details(details(l.details(), price, kwd || jpy));
            if (reverse) {
                b.taxes(List.of(new LineTax(new BigDecimal(rate.equals("0") ? "22" : rate), null, null, null, null, true)));
            } else if (customerKind == 0 && rate.equals("0") && l.zeroKind() == 1) {
                b.taxes(List.of(LineTax.ofRate(BigDecimal.ZERO).withCategory(TaxCategory.E,
                        "Exempt (Article 132, Directive 2006/112/EC)", "VATEX-EU-132")));
            } else if (customerKind == 0 && rate.equals("0") && l.zeroKind() == 2) {
                b.taxes(List.of(LineTax.ofRate(BigDecimal.ZERO).withCategory(TaxCategory.Z, null, null)));
            } else {
                b.tax(rate);
            }
            if (l.discount() > 0 && !kwd && !jpy) {
                b.discount(Discount.percent(BigDecimal.valueOf(l.discount())));
            }
            if (items.isEmpty() && allowanceKind == 3) {
                b.charges(List.of(AllowanceCharge.ofAmount(new BigDecimal("2")).withReason("Packing", "ABL")));
            }
            items.add(b.build());
        }
        // Document allowances and charges in the VAT group of the first line (its rate and stated category).
        LineTax first = items.get(0).taxes().get(0);
        List<AllowanceCharge> allowances = new ArrayList<>();
        List<AllowanceCharge> charges = new ArrayList<>();
        if (allowanceKind == 1 || allowanceKind == 3) {
            // A percent of a group made negative by negative lines is refused (its base may not be negative).
            boolean anyNegative = items.stream().anyMatch(i -> i.quantity().signum() < 0);
            allowances.add((kwd || jpy || anyNegative ? AllowanceCharge.ofAmount(BigDecimal.ONE) : AllowanceCharge.ofPercent(new BigDecimal("5")))
                    .withReason("Loyalty", "95").withTax(first.rate(), first.category()));
        }
        if (allowanceKind == 2 || allowanceKind == 3) {
            charges.add(AllowanceCharge.ofAmount(new BigDecimal(kwd || jpy ? "15" : "12.50")).withReason("Freight", "FC")
                    .withTax(first.rate(), first.category()));
        }
        Document.Builder d = Document.builder(kind).number("P-" + lines.hashCode()).date(Samples.DAY)
                .dateDue(Samples.DAY.plusDays(30)).customer(customer).currencyCode(currency).items(items)
                .reference(kind == DocumentType.CREDIT_NOTE ? "2026-00001" : "REF-1")
                .references(references).tradeDetails(trade)
                .allowances(allowances).charges(charges);
        if (!currency.equals("EUR")) {
            d.exchangeRate(new ExchangeRate(new BigDecimal(jpy ? "161.52" : "0.3321"), "ECB", Samples.DAY, "EUR"));
        }
        if (reverse) {
            d.taxClause("Reverse charge (Article 196, Directive 2006/112/EC).");
        }
        // With a phone, the seller is complete enough for XRechnung too (BR-DE-6).
        Entity entity = Samples.entity().toBuilder().phone("+386 1 234 56 78").identifiers(sellerIds).build();
        Document doc = Samples.ENGINE.calculate(d.build(), entity);
        EInvoiceOptions options = EInvoiceOptions.none().withBuyerReference("BUYER-1").withSellerContact("Ana Novak")
                .withEndpoints(null, customerKind == 2 ? new Endpoint("0088", "4912345000002") : null);
        for (Format f : Format.values()) {
            byte[] xml = WRITER.write(doc, entity, f, options);
            ValidationResult v = SharedValidator.get().validate(xml, f.validationProfile());
            assertThat(v.fatal()).as(f + " " + new String(xml, java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
            ImportResult r = READER.read(xml);
            assertThat(r.differences()).as(f.name()).isEmpty();
            assertThat(r.recalculationProblems()).as(f + " recalculation").isEmpty();
            assertThat(r.recalculated().totalWithTax()).isEqualByComparingTo(doc.totalWithTax());
            assertThat(r.document().type()).isEqualTo(kind);
            assertThat(r.document().items()).hasSameSizeAs(doc.items());
            assertThat(r.document().issuer().identifiers()).as(f + " BT-29").containsExactlyInAnyOrderElementsOf(sellerIds);
            assertThat(r.document().customer().identifiers()).as(f + " BT-46").isEqualTo(buyerIds);
            assertThat(r.document().references()).as(f + " BT-10..19")
                    .isEqualTo(references.withBuyerReference("BUYER-1"));
            assertThat(r.document().tradeDetails()).as(f + " trade details").isEqualTo(expected(trade, doc, entity));
            EInvoiceReaderTest.assertAllowanceChargesEqual(doc.allowances(), r.document().allowances(), f + " BG-20");
            EInvoiceReaderTest.assertAllowanceChargesEqual(doc.charges(), r.document().charges(), f + " BG-21");
            EInvoiceReaderTest.assertAllowanceChargesEqual(doc.items().get(0).charges(),
                    r.document().items().get(0).charges(), f + " BG-28");
            if (doc.totalAllowances() != null) {
                assertThat(r.recalculated().totalAllowances()).isEqualByComparingTo(doc.totalAllowances());
                assertThat(r.recalculated().totalCharges()).isEqualByComparingTo(doc.totalCharges());
            }
            for (int i = 0; i < doc.items().size(); i++) {
                assertThat(r.document().items().get(i).quantity()).isEqualByComparingTo(doc.items().get(i).quantity());
                assertThat(r.document().items().get(i).price()).isEqualByComparingTo(doc.items().get(i).price());
                assertThat(r.recalculated().items().get(i).total()).isEqualByComparingTo(doc.items().get(i).total());
                EInvoiceReaderTest.assertLineDetailsEqual(doc.items().get(i).details(),
                        r.document().items().get(i).details(), f + " line " + (i + 1));
                LineTax given = doc.items().get(i).taxes().get(0);
                LineTax read = r.document().items().get(i).taxes().get(0);
                if (given.category() != null) {
                    assertThat(read.category()).as(f + " BT-151").isEqualTo(given.category());
                    assertThat(read.exemptionReason()).as(f + " BT-120").isEqualTo(given.exemptionReason());
                    assertThat(read.exemptionReasonCode()).as(f + " BT-121").isEqualTo(given.exemptionReasonCode());
                }
            }
        }
        // Factur-X: the rendered PDF/A-3 carries the CII, which passes the same rules and reads back the same.
        byte[] embedded = FacturXWriter.extractXml(FACTUR_X.write(doc, entity, RenderOptions.defaults(), options));
        assertThat(SharedValidator.get().validate(embedded, Format.CII.validationProfile()).fatal()).as("Factur-X")
                .isEmpty();
        ImportResult fx = READER.read(embedded);
        assertThat(fx.differences()).as("Factur-X").isEmpty();
        assertThat(fx.recalculationProblems()).as("Factur-X recalculation").isEmpty();
        assertThat(fx.recalculated().totalWithTax()).isEqualByComparingTo(doc.totalWithTax());
        assertThat(fx.document().items()).hasSameSizeAs(doc.items());
    }

    /**
     * The EN 16931 line details of a generated line: 0 none, 1 price details (list price, price discount, a
     * base quantity of 10, 1 in JPY and KWD), 2 period, note, references and item identifiers, 3 both.
     */
    private static LineDetails details(int kind, BigDecimal price, boolean whole) {
        LineDetails.Builder b = LineDetails.builder();
        if ((kind & 1) != 0) {
            BigDecimal discount = whole ? BigDecimal.ONE : new BigDecimal("0.35");
            // Whole currencies price per unit: a tenth of a whole yen rounds away more than the 0.02 that
            // PEPPOL-EN16931-R120 allows between the line net amount and quantity × price / base.
            b.listPrice(price.add(discount)).priceDiscount(discount).priceBaseQuantity(whole ? BigDecimal.ONE : BigDecimal.TEN);
        }
        if ((kind & 2) != 0) {
            b.period(new Period(Samples.DAY.minusDays(30), Samples.DAY.minusDays(1))).note("Line note <&>")
                    .orderLineReference("7").accountingReference("4010-ACC").buyerItemId("B-77")
                    .standardId(new ItemIdentifier("4012345678901", "0160"))
                    .classifications(List.of(new ItemClassification("30197630-1", "STI", "2008")))
                    .originCountry("DE").attributes(List.of(new ItemAttribute("Colour", "Black")));
        }
        return b.build();
    }

    /** What a written document's trade details read back as: the defaults the writer fills in, filled in. */
    private static TradeDetails expected(TradeDetails given, Document doc, Entity entity) {
        BankAccount account = entity.defaultBankAccount();
        List<PaymentMeans> means = new ArrayList<>();
        for (PaymentMeans m : given.paymentMeans()) {
            boolean transfer = m.code().equals("30") || m.code().equals("58");
            means.add(transfer && m.iban() == null ? new PaymentMeans(m.code(), m.information(), account.iban(),
                    account.bic(), null, null, null, null, null, m.remittance()) : m);
        }
        if (means.isEmpty()) {
            means.add(new PaymentMeans("30", null, account.iban(), account.bic(), null, null, null, null, null,
                    doc.number()));
        }
        List<PrecedingInvoice> preceding = given.precedingInvoices();
        if (preceding.isEmpty() && doc.type() == DocumentType.CREDIT_NOTE) {
            preceding = List.of(new PrecedingInvoice(doc.reference(), null));
        }
        return given.withPaymentMeans(means).withPrecedingInvoices(preceding);
    }

    @Provide
    Arbitrary<DocumentReferences> references() {
        Arbitrary<String> ref = Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-', '/')
                .ofMinLength(1).ofMaxLength(12).filter(x -> !x.equals("NA")).injectNull(0.5);
        return Combinators.combine(ref, ref, ref, ref, ref, ref, ref, ref).as(DocumentReferences::new);
    }

    @Provide
    Arbitrary<TradeDetails> trade() {
        LocalDate day = Samples.DAY;
        Arbitrary<Period> period = Arbitraries.integers().between(0, 3).map(k -> switch (k) {
            case 0 -> null;
            case 1 -> new Period(day.minusDays(30), day.minusDays(1));
            case 2 -> new Period(day.minusDays(30), null);
            default -> new Period(null, day);
        });
        Arbitrary<DeliveryInformation> delivery = Arbitraries.integers().between(0, 2).map(k -> switch (k) {
            case 0 -> null;
            case 1 -> new DeliveryInformation(null, null, null, day.minusDays(3));
            default -> new DeliveryInformation("Skladišče Vič", "3830000000001",
                    new PostalAddress("Tržaška 10", "Vrata 2", "1000", "Ljubljana", null, "SI"), day.minusDays(2));
        });
        Arbitrary<Payee> payee = Arbitraries.of(new Payee("Faktor d.o.o.", "PAYEE-7", "9876543000"),
                new Payee("Faktor d.o.o.", null, null)).injectNull(0.5);
        Arbitrary<TaxRepresentative> rep = Arbitraries.just(new TaxRepresentative("Vertreter GmbH", "DE123456789",
                new PostalAddress("Hauptstraße 1", null, "10115", "Berlin", null, "DE"))).injectNull(0.5);
        Arbitrary<List<PaymentMeans>> means = Arbitraries.integers().between(0, 4).map(k -> switch (k) {
            case 0 -> List.<PaymentMeans>of();
            case 1 -> List.of(new PaymentMeans("58", "SEPA credit transfer", "SI56020100012345678", "LJBASI2X", null,
                    null, null, null, null, "SI00 2026-7"));
            case 2 -> List.of(new PaymentMeans("30", null, null, null, null, null, null, null, null, "P-7"));
            case 3 -> List.of(new PaymentMeans("54", "Credit card", null, null, "4321", "Ana Kupec", null, null, null,
                    null));
            default -> List.of(new PaymentMeans("59", "SEPA direct debit", null, null, null, null, "MANDATE-1",
                    "SI12ZZZ00001234567", "DE89370400440532013000", "Lastschrift 7"));
        });
        Arbitrary<List<PrecedingInvoice>> preceding = Arbitraries.of(List.<PrecedingInvoice>of(),
                List.of(new PrecedingInvoice("2025-00099", day.minusDays(60))), List.of(new PrecedingInvoice("2025-00100", null)));
        Arbitrary<List<DocumentNote>> notes = Arbitraries.of(List.<DocumentNote>of(),
                List.of(new DocumentNote("AAI", "Splošne informacije")), List.of(new DocumentNote("REG", "Vpis v sodni register")));
        return Combinators.combine(period, delivery, payee, rep, means, preceding, notes).as(TradeDetails::new);
    }

    /** 0: none; 1: a document allowance; 2: a document charge; 3: both and a line charge on the first line. */
    @Provide
    Arbitrary<Integer> allowanceKinds() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<DocumentType> kinds() {
        return Arbitraries.of(DocumentType.INVOICE, DocumentType.CREDIT_NOTE, DocumentType.ADVANCE_INVOICE);
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("EUR", "EUR", "JPY", "KWD");
    }

    @Provide
    Arbitrary<Integer> customers() {
        return Arbitraries.integers().between(0, 2);
    }

    /** BT-29: none, one or two, with an ICD scheme (GLN 0088, 0192) or without. */
    @Provide
    Arbitrary<List<PartyIdentifier>> sellerIdentifiers() {
        return Arbitraries.of(new PartyIdentifier("5790000436101", "0088"), new PartyIdentifier("SUP-17", null),
                new PartyIdentifier("987654325", "0192")).list().uniqueElements().ofMaxSize(2);
    }

    /** BT-46: none or one (EN 16931 has one buyer identifier). */
    @Provide
    Arbitrary<List<PartyIdentifier>> buyerIdentifiers() {
        return Arbitraries.of(new PartyIdentifier("5790000436057", "0088"), new PartyIdentifier("C-42", null))
                .list().ofMaxSize(1);
    }
}
