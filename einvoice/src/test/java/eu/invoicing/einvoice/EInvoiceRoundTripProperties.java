package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.TaxCategory;
import java.math.BigDecimal;
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
 * exemption reason, Z, AE, G), line discounts, document allowances and charges and line charges,
 * currencies (EUR, JPY, KWD) and customers produce UBL, Peppol BIS and CII that pass the XSD and every fatal
 * rule, and read back to the same lines and the same totals.
 */
class EInvoiceRoundTripProperties {

    private static final EInvoiceWriter WRITER = new EInvoiceWriter();
    private static final EInvoiceReader READER = new EInvoiceReader();

    /**
     * One generated line: quantity, price, rate index, discount percent (0: none), and for a domestic 0 % line
     * how its VAT category is given (0: derived, 1: E with a stated exemption reason and code, 2: Z).
     */
    record Line(int quantity, int priceMinor, int rate, int discount, int zeroKind) {
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 500_000),
                Arbitraries.integers().between(0, 2), Arbitraries.of(0, 0, 5, 10, 25), Arbitraries.integers().between(0, 2))
                .as(Line::new)
                .list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 40)
    void anyDocument_writesValidUblPeppolAndCii_andReadsBack(
            @ForAll("lines") List<Line> lines,
            @ForAll("kinds") DocumentType kind,
            @ForAll("currencies") String currency,
            @ForAll("customers") int customerKind,
            @ForAll("allowanceKinds") int allowanceKind) {
        boolean kwd = currency.equals("KWD");
        boolean jpy = currency.equals("JPY");
        Party customer = switch (customerKind) {
            case 0 -> Samples.domestic();
            case 1 -> Samples.german();
            default -> Samples.american();
        };
        boolean reverse = customerKind == 1;
        String[] rates = {"22", kwd ? "5" : "9.5", "0"};
        List<LineItem> items = new ArrayList<>();
        for (Line l : lines) {
            // KWD: whole prices and rates, so that every amount fits EN 16931's two decimals; JPY: whole yen.
            BigDecimal price = kwd || jpy ? BigDecimal.valueOf(l.priceMinor() / 100 + 1)
                    : BigDecimal.valueOf(l.priceMinor(), 2);
            String rate = customerKind == 2 ? "0" : rates[l.rate()];
            LineItem.Builder b = LineItem.builder().name("Item " + items.size()).quantity(BigDecimal.valueOf(l.quantity()))
                    .price(price).unit("C62");
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
            allowances.add((kwd || jpy ? AllowanceCharge.ofAmount(BigDecimal.ONE) : AllowanceCharge.ofPercent(new BigDecimal("5")))
                    .withReason("Loyalty", "95").withTax(first.rate(), first.category()));
        }
        if (allowanceKind == 2 || allowanceKind == 3) {
            charges.add(AllowanceCharge.ofAmount(new BigDecimal(kwd || jpy ? "15" : "12.50")).withReason("Freight", "FC")
                    .withTax(first.rate(), first.category()));
        }
        Document.Builder d = Document.builder(kind).number("P-" + lines.hashCode()).date(Samples.DAY)
                .dateDue(Samples.DAY.plusDays(30)).customer(customer).currencyCode(currency).items(items)
                .reference(kind == DocumentType.CREDIT_NOTE ? "2026-00001" : "REF-1")
                .allowances(allowances).charges(charges);
        if (!currency.equals("EUR")) {
            d.exchangeRate(new ExchangeRate(new BigDecimal(jpy ? "161.52" : "0.3321"), "ECB", Samples.DAY, "EUR"));
        }
        if (reverse) {
            d.taxClause("Reverse charge (Article 196, Directive 2006/112/EC).");
        }
        // With a phone, the seller is complete enough for XRechnung too (BR-DE-6).
        Entity entity = Samples.entity().toBuilder().phone("+386 1 234 56 78").build();
        Document doc = Samples.ENGINE.calculate(d.build(), entity);
        EInvoiceOptions options = EInvoiceOptions.none().withBuyerReference("BUYER-1").withSellerContact("Ana Novak")
                .withEndpoints(null, customerKind == 2 ? new Endpoint("0088", "4912345000002") : null);
        for (Format f : Format.values()) {
            byte[] xml = WRITER.write(doc, entity, f, options);
            ValidationResult v = SharedValidator.get().validate(xml, f.validationProfile());
            assertThat(v.fatal()).as(f + " " + new String(xml, java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
            ImportResult r = READER.read(xml);
            assertThat(r.differences()).as(f.name()).isEmpty();
            assertThat(r.recalculated().totalWithTax()).isEqualByComparingTo(doc.totalWithTax());
            assertThat(r.document().type()).isEqualTo(kind);
            assertThat(r.document().items()).hasSameSizeAs(doc.items());
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
                LineTax given = doc.items().get(i).taxes().get(0);
                LineTax read = r.document().items().get(i).taxes().get(0);
                if (given.category() != null) {
                    assertThat(read.category()).as(f + " BT-151").isEqualTo(given.category());
                    assertThat(read.exemptionReason()).as(f + " BT-120").isEqualTo(given.exemptionReason());
                    assertThat(read.exemptionReasonCode()).as(f + " BT-121").isEqualTo(given.exemptionReasonCode());
                }
            }
        }
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
}
