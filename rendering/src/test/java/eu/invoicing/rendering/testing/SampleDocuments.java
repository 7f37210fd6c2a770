package eu.invoicing.rendering.testing;

import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.model.ItemType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Realistic, calculated sample documents for rendering tests. */
public final class SampleDocuments {
    private static final CalculationEngine ENGINE = CalculationEngine.withDefaults();

    private SampleDocuments() {
    }

    public static Entity entity() {
        return Entity.sampleSlovenian();
    }

    public static Entity entityWith(EntitySettings.UpnDisplayMode upn, boolean epc, boolean hub3) {
        Entity e = entity();
        EntitySettings s = e.settings();
        EntitySettings settings = new EntitySettings(s.defaultCalculationMode(), s.numberFormats(),
                s.numberSequenceStarts(), s.euTaxRules(), s.taxClauseDefaults(), s.defaultNotes(),
                s.defaultPaymentTerms(), s.defaultDueDays(), s.pdfTemplate(),
                upn == null ? EntitySettings.UpnQr.DISABLED : new EntitySettings.UpnQr(true, upn, null),
                new EntitySettings.EpcQr(epc), new EntitySettings.Hub3(hub3), s.creditNoteNegativeValues(),
                s.deliveryNoteHidePrices(), s.furs(), s.fina(), s.eslog());
        return e.withSettings(settings);
    }

    /** A Croatian entity with an HR IBAN, for HUB3. */
    public static Entity croatianEntity() {
        Entity si = entityWith(null, false, true);
        return new Entity("ent_000000000000000000000002", "Primjer d.o.o.", "Ilica 10", null, "10000", "Zagreb",
                null, "Croatia", "HR", "HR12345678901", null, true, "EUR", "hr-HR", "racuni@primjer.hr", null, null,
                List.of(new BankAccount("HR1210010051863000160", "ZABAHR2X", "Zagrebačka banka", true)), si.settings());
    }

    public static Party customer() {
        return Party.builder().name("Čebelarstvo Žužek s.p.").address("Šmartinska cesta 152").postCode("1000")
                .city("Ljubljana").country("Slovenija").countryCode("SI").taxNumber("SI87654321").build();
    }

    public static Document.Builder invoiceBuilder(DocumentType type) {
        Document.Builder b = Document.builder(type)
                .draft(false)
                .number("2026-00042")
                .date(LocalDate.of(2026, 1, 15))
                .dateService(LocalDate.of(2026, 1, 10))
                .dateDue(LocalDate.of(2026, 2, 14))
                .customer(customer())
                .currencyCode("EUR")
                .note("Hvala za zaupanje. Thank you for your business!")
                .paymentTerms("Plačilo v 30 dneh na TRR.")
                .footer("Primer d.o.o., Dunajska cesta 1, 1000 Ljubljana \u00b7 Vpis v sodni register: Okrožno sodišče v Ljubljani")
                .signature("Janez Novak, direktor");
        b.item(LineItem.builder().name("Spletna stran – izdelava").description("Oblikovanje in razvoj, 3 podstrani")
                .quantity("1").price("1200.00").unit("kos").tax("22").build());
        b.item(LineItem.builder().name("Gostovanje").description("12 mesecev").quantity("12").price("15.50")
                .unit("mes").tax("22").discount(Discount.percent(new BigDecimal("10"))).build());
        b.item(LineItem.builder().name("Knjiga »Čebele in med«").quantity("3").price("24.90").unit("kos").tax("9.5").build());
        return b;
    }

    public static Document invoice() {
        return calculate(invoiceBuilder(DocumentType.INVOICE).build());
    }

    public static Document longInvoice(int lines) {
        Document.Builder b = invoiceBuilder(DocumentType.INVOICE).items(new ArrayList<>());
        b.item(LineItem.builder().name("Storitve").type(ItemType.SEPARATOR).build());
        for (int i = 1; i <= lines; i++) {
            b.item(LineItem.builder().name("Postavka št. " + i).description(i % 5 == 0 ? "Opis postavke " + i : null)
                    .quantity(String.valueOf(i % 7 + 1)).price(new BigDecimal(i).add(new BigDecimal("0.99")))
                    .unit("kos").tax(i % 3 == 0 ? "9.5" : "22").build());
        }
        return calculate(b.build());
    }

    /**
     * The sample invoice with every EN 16931 reference and trade detail the templates print: references, an
     * invoicing period, delivery, payee, tax representative, a SEPA credit transfer and a direct debit, a
     * preceding invoice and a note with a subject.
     */
    public static Document tradeDetailsInvoice() {
        LocalDate day = LocalDate.of(2026, 1, 15);
        return calculate(invoiceBuilder(DocumentType.INVOICE).dateService(null)
                .references(new eu.invoicing.core.model.DocumentReferences("04011000-12345-03", "NAR-2026-118", "PN-77",
                        "OP-2025/4", "Atlas", "DOB-5531", "PRE-0042", "4711-Trženje"))
                .tradeDetails(new eu.invoicing.core.model.TradeDetails(
                        new eu.invoicing.core.model.Period(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)),
                        new eu.invoicing.core.model.DeliveryInformation("Čebelarstvo Žužek, skladišče", "3830001234567",
                                new eu.invoicing.core.model.PostalAddress("Skladiščna ulica 3", null, "1000", "Ljubljana",
                                        null, "SI"), day.minusDays(5)),
                        new eu.invoicing.core.model.Payee("Faktor Finance d.o.o.", "FF-001", "8123456000"),
                        new eu.invoicing.core.model.TaxRepresentative("Davčno zastopanje d.o.o.", "SI11223344",
                                new eu.invoicing.core.model.PostalAddress("Slovenska cesta 9", null, "1000", "Ljubljana",
                                        null, "SI")),
                        List.of(new eu.invoicing.core.model.PaymentMeans("58", "SEPA credit transfer",
                                        "SI56290000123456789", "BACXSI22", null, null, null, null, null, "SI00 2026-00042"),
                                new eu.invoicing.core.model.PaymentMeans("59", "SEPA direct debit", null, null, null, null,
                                        "MANDAT-17", "SI12ZZZ00001234567", "SI56020100012345678", null)),
                        List.of(new eu.invoicing.core.model.PrecedingInvoice("2025-00031", LocalDate.of(2025, 12, 5))),
                        List.of(new eu.invoicing.core.model.DocumentNote("AAI", "Dobava po okvirni pogodbi OP-2025/4."))))
                .build());
    }

    public static Document fiscalInvoice() {
        Document d = invoice();
        return d.toBuilder().furs(new FursData("PP1", "BL1", "C", "42", "12345678", Instant.parse("2026-01-15T09:13:32Z"),
                "a7e5f55e1dbb48b799268e1a6d8618a3", "8c1f2e4a-3b6d-4f0a-9e7c-2d5b8a1c0f3e",
                "223175087923687075112234402528973166755123456781508151013321", null, null)).build();
    }

    /**
     * A company like the demo's: eight issuer lines (address, city, country, tax and company numbers,
     * e-mail, phone, website), UPN QR beside the payment details, EPC QR enabled.
     */
    public static Entity letterheadEntity(EntitySettings.UpnDisplayMode upn) {
        Entity base = entityWith(upn, true, false);
        return new Entity("ent_000000000000000000000003", "Mojster Tisk d.o.o.", "Dunajska cesta 156", null, "1000",
                "Ljubljana", null, "Slovenija", "SI", "SI45678912", "8123456000", true, "EUR", "sl-SI",
                "racuni@mojstertisk.si", "+386 1 234 56 78", "https://mojstertisk.si",
                List.of(new BankAccount("SI56191000000123438", "DBSISI2X", "Banka DBS d.d.", true)), base.settings());
    }

    /**
     * A short invoice of {@code lines} items (1-6) as the demo issues them: six-line customer, a discount,
     * two tax rates, note, payment terms, footer, signature and a FURS fiscal block.
     */
    public static Document shortInvoice(int lines, Entity entity) {
        String[][] items = {{"Vizitke, 4/4 barvne, 350 g", "2000", "0.045", "22"},
                {"Jedilni list, A4, plastificiran", "25", "6.80", "22"}, {"Strokovna knjiga: Tipografija", "3", "24.90", "9.5"},
                {"Oblikovanje logotipa", "6.5", "45", "22"}, {"Letaki A5, 135 g, obojestransko", "1000", "0.12", "22"},
                {"Plakat B2, mat", "10", "8.40", "22"}};
        if (lines < 1 || lines > items.length) {
            throw new IllegalArgumentException("lines: 1-" + items.length + ", was " + lines);
        }
        Document.Builder b = Document.builder(DocumentType.INVOICE).draft(false).number("2026-00042")
                .date(LocalDate.of(2026, 11, 20)).dateService(LocalDate.of(2026, 11, 17)).dateDue(LocalDate.of(2026, 12, 5))
                .customer(Party.builder().name("Kavarna Šumi d.o.o.").address("Čopova ulica 14").postCode("1000")
                        .city("Ljubljana").countryCode("SI").country("Slovenija").taxNumber("SI87654321")
                        .email("info@kavarna-sumi.si").build())
                .note("Hvala za zaupanje.").paymentTerms("Plačilo v 15 dneh na TRR.")
                .footer("Mojster Tisk d.o.o., Dunajska cesta 156, 1000 Ljubljana \u00b7 Vpis v sodni register: Okrožno sodišče v Ljubljani")
                .signature("Janez Novak, direktor");
        for (int i = 0; i < lines; i++) {
            LineItem.Builder item = LineItem.builder().name(items[i][0]).quantity(items[i][1]).price(items[i][2])
                    .unit("kos").tax(items[i][3]);
            if (i == 1) {
                item.discount(Discount.percent(new BigDecimal("10")));
            }
            b.item(item.build());
        }
        Document d = ENGINE.calculate(b.build(), entity);
        return d.toBuilder().furs(new FursData("PP1", "BL1", "C", "42", "12345678", Instant.parse("2026-11-20T08:30:00Z"),
                "a7e5f55e1dbb48b799268e1a6d8618a3", "8c1f2e4a-3b6d-4f0a-9e7c-2d5b8a1c0f3e",
                "223175087923687075112234402528973166755123456781508151013321", null, null)).build();
    }

    public static Document calculate(Document draft) {
        return ENGINE.calculate(draft, entity());
    }
}
