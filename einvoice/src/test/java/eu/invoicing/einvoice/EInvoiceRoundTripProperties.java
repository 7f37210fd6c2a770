package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;

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
import eu.invoicing.core.model.TransactionType;
import eu.invoicing.rendering.RenderOptions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random documents of every kind, over every VAT category but B (S at two rates, E derived or stated, Z, L and M
 * at their rates, AE, K stated or derived, G derived or stated, and documents not subject to VAT, O on every
 * line), exemption reasons as text and code, code only or text only, line discounts, the EN 16931 line details,
 * negative lines on invoices and credit notes, document allowances and charges and line charges, currencies (EUR,
 * JPY, KWD), random references and trade details, produce UBL, Peppol BIS, CII, XRechnung UBL and CII and
 * Factur-X that pass the XSD and every fatal rule of their profile and read back to the same document; every
 * Factur-X PDF is PDF/A-3B by veraPDF. Where the writer refuses a document (a delivery note; an estimate in
 * Peppol and XRechnung; IGIC at 0 % in CII; an intra-community supply without delivery address in XRechnung),
 * the refusal is asserted. The regression examples of the writer fixes the property found follow it.
 */
class EInvoiceRoundTripProperties {

    private static final EInvoiceWriter WRITER = new EInvoiceWriter();
    private static final EInvoiceReader READER = new EInvoiceReader();
    private static final FacturXWriter FACTUR_X = FacturXWriter.create(
            java.time.Clock.fixed(java.time.Instant.parse("2026-03-02T10:00:00Z"), java.time.ZoneOffset.UTC));

    /**
     * One generated line: quantity, price, rate index, discount percent (0: none), its VAT kind (what it means
     * depends on the customer, {@link #lineTax}), line details and whether it is negative.
     */
    record Line(int quantity, int priceMinor, int rate, int discount, int vatKind, int details, boolean negative) {
    }

    /** How the lines of a document state their exemption reasons (BT-120, BT-121): one form per document. */
    enum ReasonForm { TEXT_AND_CODE, CODE_ONLY, TEXT_ONLY }

    @Provide
    Arbitrary<List<Line>> lines() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 500_000),
                Arbitraries.integers().between(0, 2), Arbitraries.of(0, 0, 5, 10, 25), Arbitraries.integers().between(0, 5),
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
            @ForAll("notSubject") boolean notSubject,
            @ForAll ReasonForm reasonForm,
            @ForAll("references") DocumentReferences references,
            @ForAll("trade") TradeDetails trade,
            @ForAll("allowanceKinds") int allowanceKind,
            @ForAll("sellerIdentifiers") List<PartyIdentifier> sellerIds,
            @ForAll("buyerIdentifiers") List<PartyIdentifier> buyerIds) throws Exception {
        boolean kwd = currency.equals("KWD");
        boolean jpy = currency.equals("JPY");
        Party customer = switch (customerKind) {
            case 0 -> Samples.domestic();
            case 1 -> Samples.german();
            default -> Samples.american();
        };
        customer = customer.toBuilder().identifiers(buyerIds).build();
        List<LineItem> items = new ArrayList<>();
        for (Line l : lines) {
            // KWD: whole prices and rates, so that every amount fits EN 16931's two decimals; JPY: whole yen.
            BigDecimal price = kwd || jpy ? BigDecimal.valueOf(l.priceMinor() / 100 + 1)
                    : BigDecimal.valueOf(l.priceMinor(), 2);
            // A negative line (EN 16931 and the engine allow them on invoices and credit notes), never the first one.
            boolean negative = l.negative() && !items.isEmpty()
                    && (kind == DocumentType.INVOICE || kind == DocumentType.CREDIT_NOTE);
            LineItem.Builder b = LineItem.builder().name("Item " + items.size())
                    .quantity(BigDecimal.valueOf(negative ? -l.quantity() : l.quantity())).price(price).unit("C62")
                    .details(details(l.details(), price, kwd || jpy))
                    .taxes(List.of(lineTax(l, customerKind, notSubject, kwd, reasonForm)));
            if (l.discount() > 0 && !kwd && !jpy) {
                b.discount(Discount.percent(BigDecimal.valueOf(l.discount())));
            }
            if (items.isEmpty() && allowanceKind == 3) {
                b.charges(List.of(AllowanceCharge.ofAmount(new BigDecimal("2")).withReason("Packing", "ABL")));
            }
            items.add(b.build());
        }
        boolean reverse = items.stream().anyMatch(i -> i.taxes().get(0).isReverseCharge());
        Statistics.label("kind").collect(kind);
        for (LineItem i : items) {
            LineTax t = i.taxes().get(0);
            Statistics.label("line VAT").collect(t.isReverseCharge() ? "AE" : t.category() != null ? t.category().name()
                    : t.rate().signum() > 0 ? "S" : "derived 0 %");
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
        if (notSubject) {
            // A tax representative has a VAT identifier (BR-56), which BR-O-02 forbids: the writer refuses it
            // (taxRepresentative_notSubjectToVat_refused).
            trade = trade.withTaxRepresentative(null);
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
        Entity entity = seller().toBuilder().identifiers(sellerIds).build();
        Document doc = Samples.ENGINE.calculate(d.build(), entity);
        // Not subject to VAT: no VAT identifier may be written (BR-O-02), so no Peppol endpoint can be derived
        // from one; the host gives both (GLNs).
        EInvoiceOptions options = EInvoiceOptions.none().withBuyerReference("BUYER-1").withSellerContact("Ana Novak")
                .withEndpoints(notSubject ? new Endpoint("0088", "3830012345670") : null,
                        customerKind == 2 || notSubject ? new Endpoint("0088", "4912345000002") : null);
        for (Format f : Format.values()) {
            String refusal = refusal(doc, f);
            if (refusal != null) {
                assertThatThrownBy(() -> WRITER.write(doc, entity, f, options)).as(f + " " + kind)
                        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                                .anySatisfy(x -> assertThat(x.path() + " " + x.code()).isEqualTo(refusal)));
                continue;
            }
            byte[] xml = WRITER.write(doc, entity, f, options);
            ValidationResult v = SharedValidator.get().validate(xml, f.validationProfile());
            assertThat(v.fatal()).as(f + " " + new String(xml, java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
            ImportResult r = READER.read(xml);
            assertReadsBack(r, doc, entity, references, trade, f.name());
            assertIdentifiers(r, sellerIds, buyerIds, f.name());
        }
        if (refusal(doc, Format.CII) != null) {
            assertThatThrownBy(() -> FACTUR_X.write(doc, entity, RenderOptions.defaults(), options)).as("Factur-X " + kind)
                    .isInstanceOf(ValidationException.class);
            return;
        }
        // Factur-X: the rendered PDF/A-3 carries the CII, which passes the same rules and reads back the same.
        byte[] pdf = FACTUR_X.write(doc, entity, RenderOptions.defaults(), options);
        byte[] embedded = FacturXWriter.extractXml(pdf);
        assertThat(SharedValidator.get().validate(embedded, Format.CII.validationProfile()).fatal()).as("Factur-X")
                .isEmpty();
        ImportResult fx = READER.read(embedded);
        assertReadsBack(fx, doc, entity, references, trade, "Factur-X");
        assertIdentifiers(fx, sellerIds, buyerIds, "Factur-X");
        assertThat(VeraPdf.failures(pdf)).as("veraPDF PDF/A-3B").isEmpty();
    }

    /** The seller, with the phone XRechnung wants (BR-DE-6). */
    private static Entity seller() {
        return Samples.entity().toBuilder().phone("+386 1 234 56 78").build();
    }

    /** One line of the category at 0 % with its exemption reason, to the customer, calculated. */
    private static Document oneLine(Party customer, TaxCategory category, String reason, String code, TradeDetails trade) {
        return Samples.ENGINE.calculate(Document.builder(DocumentType.INVOICE).number("X-1").date(Samples.DAY)
                .dateDue(Samples.DAY.plusDays(30)).customer(customer).tradeDetails(trade)
                .item(LineItem.builder().name("Item").quantity("2").price("50").unit("C62")
                        .taxes(List.of(LineTax.ofRate(BigDecimal.ZERO).withCategory(category, reason, code))).build())
                .build(), seller());
    }

    private static final EInvoiceOptions X_OPTIONS = EInvoiceOptions.none().withBuyerReference("BUYER-1")
            .withSellerContact("Ana Novak");

    /**
     * Regression (the property, seed 2920820099873282276): an intra-community supply without delivery address was
     * written to XRechnung with a deliver-to address of the country alone, which BR-DE-10 / BR-DE-11 reject; the
     * writer now asks for the address, and with one the XRechnung passes.
     */
    @Example
    void intraCommunitySupply_xRechnungWithoutDeliveryAddress_refusedAtDeliveryAddress() {
        Entity entity = seller();
        Document bare = oneLine(Samples.german(), TaxCategory.K, "Intra-community supply", "VATEX-EU-IC", TradeDetails.EMPTY);
        for (Format f : List.of(Format.XRECHNUNG_UBL, Format.XRECHNUNG_CII)) {
            assertThatThrownBy(() -> WRITER.write(bare, entity, f, X_OPTIONS)).as(f.name())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(x -> x.path() + " " + x.code()).containsExactly("delivery.address required"));
        }
        Document shipped = oneLine(Samples.german(), TaxCategory.K, "Intra-community supply", "VATEX-EU-IC",
                TradeDetails.EMPTY.withDelivery(new DeliveryInformation(null, null,
                        new PostalAddress("Schloßstraße 8", null, "80331", "München", null, "DE"), null)));
        for (Format f : List.of(Format.XRECHNUNG_UBL, Format.XRECHNUNG_CII)) {
            assertThat(SharedValidator.get().validate(WRITER.write(shipped, entity, f, X_OPTIONS), Profile.XRECHNUNG_3)
                    .fatal()).as(f.name()).isEmpty();
        }
    }

    /**
     * Regression (the property, seed 2920820099873282276): XRechnung wants a rate in every VAT breakdown
     * (BR-DE-14), and the breakdown not subject to VAT had none; it is now 0 there, absent from the lines.
     */
    @Example
    void notSubjectToVat_xRechnung_passesEveryFatalRule() {
        Entity entity = seller();
        Document doc = oneLine(Samples.domestic(), TaxCategory.O, "Not subject to VAT", "VATEX-EU-O", TradeDetails.EMPTY);
        for (Format f : List.of(Format.XRECHNUNG_UBL, Format.XRECHNUNG_CII)) {
            byte[] xml = WRITER.write(doc, entity, f, X_OPTIONS);
            assertThat(SharedValidator.get().validate(xml, Profile.XRECHNUNG_3).fatal()).as(f.name()).isEmpty();
            assertThat(READER.read(xml).document().items().get(0).taxes().get(0).category()).isEqualTo(TaxCategory.O);
        }
    }

    /**
     * Regression (the property, seed 2920820099873282276): a tax representative was written with its VAT
     * identifier on an invoice not subject to VAT, which BR-O-02 forbids (and BR-56 requires of a representative);
     * the writer now refuses it, in every format.
     */
    @Example
    void taxRepresentative_notSubjectToVat_refused() {
        Document doc = oneLine(Samples.domestic(), TaxCategory.O, "Not subject to VAT", "VATEX-EU-O",
                TradeDetails.EMPTY.withTaxRepresentative(new TaxRepresentative("Vertreter GmbH", "DE123456789",
                        new PostalAddress("Hauptstraße 1", null, "10115", "Berlin", null, "DE"))));
        for (Format f : List.of(Format.UBL, Format.CII)) {
            assertThatThrownBy(() -> WRITER.write(doc, seller(), f, EInvoiceOptions.none())).as(f.name())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(x -> x.path() + " " + x.code()).containsExactly("tax_representative conflict"));
        }
    }

    /**
     * Regression (the property, seed 3422442404323380059): IGIC (L) at 0 % was written to CII, whose CEN rules
     * (BR-AF-05..07) test a rate above 0 though the norm allows 0; CII now refuses it, UBL writes it valid.
     */
    @Example
    void igicAtZero_ciiRefused_ublValid() {
        Document doc = oneLine(Samples.domestic(), TaxCategory.L, null, null, TradeDetails.EMPTY);
        assertThatThrownBy(() -> WRITER.write(doc, seller(), Format.CII, EInvoiceOptions.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(x -> x.path() + " " + x.code()).containsExactly("items[0].taxes[0].rate unsupported"));
        byte[] ubl = WRITER.write(doc, seller(), Format.UBL, EInvoiceOptions.none());
        assertThat(SharedValidator.get().validate(ubl, Profile.EN16931).fatal()).isEmpty();
    }

    /**
     * The violation ({@code path code}) the writer refuses the document with in this format, or null when it
     * writes it (docs/einvoice.md): a delivery note is no invoice; an estimate (325) is none in Peppol BIS and
     * XRechnung; the CEN rules for CII refuse IGIC at 0 %; XRechnung wants the whole deliver-to address of an
     * intra-community supply (BR-DE-10/11).
     */
    private static String refusal(Document doc, Format f) {
        if (doc.type() == DocumentType.DELIVERY_NOTE
                || doc.type() == DocumentType.ESTIMATE && f != Format.UBL && f != Format.CII) {
            return "type unsupported";
        }
        for (int i = 0; i < doc.items().size(); i++) {
            LineTax t = doc.items().get(i).taxes().get(0);
            if (!f.isUbl() && t.category() == TaxCategory.L && t.rate().signum() == 0) {
                return "items[" + i + "].taxes[0].rate unsupported";
            }
        }
        DeliveryInformation delivery = doc.tradeDetails().delivery();
        if (f.isXRechnung() && intraCommunity(doc) && (delivery == null || delivery.address() == null)) {
            return "delivery.address required";
        }
        return null;
    }

    /** The seller's identifiers BT-29 (CII may write them in another order) and the buyer's BT-46 are read back. */
    private static void assertIdentifiers(ImportResult r, List<PartyIdentifier> sellerIds, List<PartyIdentifier> buyerIds,
            String f) {
        assertThat(r.document().issuer().identifiers()).as(f + " BT-29").containsExactlyInAnyOrderElementsOf(sellerIds);
        assertThat(r.document().customer().identifiers()).as(f + " BT-46").isEqualTo(buyerIds);
    }

    /** The document as read from a written e-invoice is the written one: figures, references, details, VAT. */
    private static void assertReadsBack(ImportResult r, Document doc, Entity entity, DocumentReferences references,
            TradeDetails trade, String f) {
        assertThat(r.differences()).as(f).isEmpty();
        assertThat(r.recalculationProblems()).as(f + " recalculation").isEmpty();
        assertThat(r.recalculated().totalWithTax()).as(f + " BT-112").isEqualByComparingTo(doc.totalWithTax());
        assertThat(r.document().type()).as(f + " BT-3").isEqualTo(doc.type());
        assertThat(r.document().items()).hasSameSizeAs(doc.items());
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
            String line = f + " line " + (i + 1);
            assertThat(r.document().items().get(i).quantity()).isEqualByComparingTo(doc.items().get(i).quantity());
            assertThat(r.document().items().get(i).price()).isEqualByComparingTo(doc.items().get(i).price());
            assertThat(r.recalculated().items().get(i).total()).isEqualByComparingTo(doc.items().get(i).total());
            EInvoiceReaderTest.assertLineDetailsEqual(doc.items().get(i).details(),
                    r.document().items().get(i).details(), line);
            LineTax given = doc.items().get(i).taxes().get(0);
            LineTax read = r.document().items().get(i).taxes().get(0);
            if (!given.isReverseCharge()) {
                // Reverse charge is written at 0 % (BR-AE-5); every other line keeps its rate (O: none, read as 0).
                assertThat(read.rate()).as(line + " BT-152").isEqualByComparingTo(given.rate());
            }
            if (given.category() != null) {
                assertThat(read.category()).as(line + " BT-151").isEqualTo(given.category());
                assertThat(read.exemptionReason()).as(line + " BT-120").isEqualTo(given.exemptionReason());
                assertThat(read.exemptionReasonCode()).as(line + " BT-121").isEqualTo(given.exemptionReasonCode());
            }
        }
    }

    /**
     * The VAT of a generated line. Not subject to VAT: O (rate 0) on every line, as BR-O-11..14 demand. Otherwise
     * by customer and the line's VAT kind: a domestic buyer gets S at 22 % or 9.5 % (5 % in KWD) or a derived
     * 0 % (E), E or Z stated, IGIC (L) at 7, 3 or 0 %, IPSI (M) at 4, 10 or 0 %; the German business buyer
     * reverse charge (AE, the rate given being 22 % or the line's) or an intra-community supply (K, stated or
     * derived from a 0 % rate); the American buyer an export (G, derived from a 0 % rate or stated).
     */
    private static LineTax lineTax(Line l, int customerKind, boolean notSubject, boolean kwd, ReasonForm form) {
        if (notSubject) {
            return zero(TaxCategory.O, "Not subject to VAT (Article 2, Directive 2006/112/EC)", "VATEX-EU-O", form);
        }
        String[] rates = {"22", kwd ? "5" : "9.5", "0"};
        int k = l.vatKind();
        return switch (customerKind) {
            case 0 -> switch (k) {
                case 1 -> zero(TaxCategory.E, "Exempt (Article 132, Directive 2006/112/EC)", "VATEX-EU-132", form);
                case 2 -> LineTax.ofRate(BigDecimal.ZERO).withCategory(TaxCategory.Z, null, null);
                case 3 -> LineTax.ofRate(new BigDecimal(new String[] {"7", "3", "0"}[l.rate()]))
                        .withCategory(TaxCategory.L, null, null);
                case 4 -> LineTax.ofRate(new BigDecimal(new String[] {"4", "10", "0"}[l.rate()]))
                        .withCategory(TaxCategory.M, null, null);
                default -> LineTax.ofRate(new BigDecimal(rates[l.rate()]));
            };
            case 1 -> switch (k % 3) {
                case 0 -> new LineTax(new BigDecimal(l.rate() == 2 ? "22" : rates[l.rate()]), null, null, null, null, true);
                case 1 -> zero(TaxCategory.K, "Intra-community supply (Article 138, Directive 2006/112/EC)", "VATEX-EU-IC",
                        form);
                default -> LineTax.ofRate(BigDecimal.ZERO);
            };
            default -> k % 2 == 0 ? LineTax.ofRate(BigDecimal.ZERO)
                    : zero(TaxCategory.G, "Export outside the EU (Article 146, Directive 2006/112/EC)", "VATEX-EU-G", form);
        };
    }

    /** A 0 % tax of the category with its exemption reason in the document's form. */
    private static LineTax zero(TaxCategory category, String text, String code, ReasonForm form) {
        return LineTax.ofRate(BigDecimal.ZERO).withCategory(category, form == ReasonForm.CODE_ONLY ? null : text,
                form == ReasonForm.TEXT_ONLY ? null : code);
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
        DeliveryInformation delivery = given.delivery();
        if (intraCommunity(doc)) {
            // BR-IC-11 / BR-IC-12: an intra-community supply states a delivery date (the issue date, when neither
            // a date nor a period start is given) and a deliver-to country (the buyer's, without an address).
            DeliveryInformation d = delivery == null ? new DeliveryInformation(null, null, null, null) : delivery;
            LocalDate date = d.date() != null || given.invoicePeriod() != null && given.invoicePeriod().start() != null
                    ? d.date() : doc.date();
            PostalAddress address = d.address() != null ? d.address()
                    : new PostalAddress(null, null, null, null, null, doc.customer().countryCode());
            delivery = new DeliveryInformation(d.name(), d.locationId(), address, date);
        }
        return given.withPaymentMeans(means).withPrecedingInvoices(preceding).withDelivery(delivery);
    }

    /** Whether a line is an intra-community supply (K): stated, or a 0 % line to an EU business buyer. */
    private static boolean intraCommunity(Document doc) {
        return doc.items().stream().map(i -> i.taxes().get(0)).anyMatch(t -> t.category() == TaxCategory.K
                || t.category() == null && !t.isReverseCharge() && t.rate().signum() == 0
                        && doc.transactionType() == TransactionType.INTRA_EU_B2B);
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
        // Every kind; invoices twice as often, delivery notes (always refused) no more than the others.
        return Arbitraries.of(DocumentType.INVOICE, DocumentType.INVOICE, DocumentType.CREDIT_NOTE,
                DocumentType.ADVANCE_INVOICE, DocumentType.ESTIMATE, DocumentType.DELIVERY_NOTE);
    }

    /** One document in five is not subject to VAT (O on every line). */
    @Provide
    Arbitrary<Boolean> notSubject() {
        return Arbitraries.of(false, false, false, false, true);
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
