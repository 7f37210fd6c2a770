package eu.invoicing.examples.demo;

import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.CalculationMode;
import eu.invoicing.core.model.Discount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.TitleType;
import eu.invoicing.core.model.TransactionType;
import eu.invoicing.core.spi.IdGenerator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's sample company (a Slovenian VAT subject with UPN QR, EPC QR and e-SLOG enabled) and a small,
 * realistic set of drafts: domestic, intra-EU reverse charge, a foreign-currency estimate, a gross-priced
 * retail sale, an advance invoice, a credit note, a delivery note, and one invoice that is fine as an
 * invoice but deliberately incomplete for e-SLOG ({@link #ESLOG_INVALID}), to show the validation.
 *
 * <p>Tax numbers have valid check digits (Slovenian: mod 11; German: ISO 7064 MOD 11,10), every business
 * customer has one, and every line has a unit, so that every document e-SLOG can carry is valid e-SLOG.
 * Ids come from {@link #ids()}, a seeded generator, and time from {@link #CLOCK}: two runs write the same
 * bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class DemoData {
    /** The demo's fixed "today". */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    /** The demo's clock: 09:30 in Ljubljana on {@link #TODAY}, so every run writes the same dates. */
    public static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 30).atZone(ZoneId.of("Europe/Ljubljana")).toInstant(),
            ZoneOffset.UTC);

    /** The document left invalid for e-SLOG on purpose (no customer tax number, a line without unit). */
    public static final String ESLOG_INVALID = "invoice-eslog-incomplete";

    /** The seed of the demo's ids. */
    private static final long ID_SEED = 20261120L;

    private DemoData() {
    }

    /**
     * @return a new deterministic id generator: the same ids, in the same order, on every run (never for a
     *     real installation: its share tokens are predictable)
     */
    public static IdGenerator ids() {
        return new SeededIds(ID_SEED);
    }

    /** @return the seed of the export jobs' ids */
    static long jobSeed() {
        return ID_SEED;
    }

    /** @return the sample entity */
    public static Entity entity() {
        EntitySettings settings = EntitySettings.builder()
                .numberFormat(DocumentType.INVOICE, "{yyyy}-{nnnnn}")
                .numberFormat(DocumentType.CREDIT_NOTE, "DOB-{yyyy}-{nnnn}")
                .euTaxRules(EntitySettings.EuTaxRules.DEFAULT.withAutoReverseCharge(true))
                .taxClauseDefault(TransactionType.INTRA_EU_B2B,
                        "Reverse charge: VAT to be accounted for by the recipient"
                                + " (Article 196, Directive 2006/112/EC).")
                .taxClauseDefault(TransactionType.THIRD_COUNTRY_B2B,
                        "Export of services: not subject to Slovenian VAT (Article 44, Directive 2006/112/EC).")
                .defaultNote(DocumentType.INVOICE, "Thank you for your business.")
                .defaultPaymentTerms("Payment within 15 days.").defaultDueDays(15).pdfTemplate("modern")
                .upnQr(new EntitySettings.UpnQr(true, EntitySettings.UpnDisplayMode.QR_ONLY, "OTHR"))
                .epcQr(new EntitySettings.EpcQr(true)).eslog(new EntitySettings.Eslog(true)).build();
        return Entity.builder().id("ent_64f1c0ffee00000000000001").name("Mojster Tisk d.o.o.")
                .address("Dunajska cesta 156").postCode("1000").city("Ljubljana").country("Slovenija").countryCode("SI")
                .taxNumber("SI34567895").companyNumber("8123456000").currencyCode("EUR").locale("sl-SI")
                .email("racuni@mojstertisk.si").phone("+386 1 234 56 78").website("https://mojstertisk.si")
                .bankAccount(new BankAccount("SI56191000000123438", "DBSISI2X", "Banka DBS d.d.", true))
                .settings(settings).build();
    }

    /** @return the customers used by the demo */
    public static Map<String, Party> customers() {
        Map<String, Party> c = new LinkedHashMap<>();
        c.put("domestic", Party.builder().name("Kavarna Šumi d.o.o.").address("Čopova ulica 14").postCode("1000")
                .city("Ljubljana").countryCode("SI").country("Slovenija").taxNumber("SI87654326")
                .email("info@kavarna-sumi.si").build());
        c.put("germany", Party.builder().name("Druckhaus Müller GmbH").address("Schloßstraße 8").postCode("80331")
                .city("München").countryCode("DE").country("Deutschland").taxNumber("DE136695976").build());
        c.put("usa", Party.builder().name("Brightline Media Inc.").address("500 Market Street").postCode("94105")
                .city("San Francisco").state("CA").countryCode("US").country("United States").taxNumber("94-1234567")
                .build());
        c.put("consumer", Party.builder().name("Ana Novak").address("Prešernova ulica 3").postCode("4000")
                .city("Kranj").countryCode("SI").country("Slovenija").isEndConsumer(true).email("ana.novak@example.si")
                .build());
        // A business customer whose tax number was never entered: a valid invoice, not a valid e-SLOG one.
        c.put("no-tax-number", Party.builder().name("Kopirnica Center d.o.o.").address("Slovenska cesta 40")
                .postCode("1000").city("Ljubljana").countryCode("SI").country("Slovenija").build());
        return c;
    }

    /** @return the drafts, keyed by a file-friendly name, in the order they are shown */
    public static Map<String, Document> drafts() {
        Map<String, Party> customers = customers();
        Map<String, Document> d = new LinkedHashMap<>();
        d.put("invoice-domestic", Document.builder(DocumentType.INVOICE).date(TODAY).dateService(TODAY.minusDays(3))
                .customer(customers.get("domestic"))
                .item(line("Vizitke, 4/4 barvne, 350 g", "2000", "0.045", "kos", "22"))
                .item(LineItem.builder().name("Jedilni list, A4, plastificiran").quantity("25").price("6.80")
                        .unit("kos").tax("22").discount(Discount.percent(new BigDecimal("10"))).build())
                .item(line("Strokovna knjiga: Tipografija", "3", "24.90", "kos", "9.5"))
                .item(line("Oblikovanje logotipa", "6.5", "45", "h", "22"))
                .note("Hvala za zaupanje.").build());
        d.put("invoice-reverse-charge", Document.builder(DocumentType.INVOICE).date(TODAY)
                .dateService(TODAY.minusDays(10)).customer(customers.get("germany"))
                .item(line("Offset printing, catalogue 48 pages", "1500", "2.35", "pcs", "22"))
                .item(line("Prepress and proofing", "1", "380", "pcs", "22")).build());
        d.put("estimate-usd", Document.builder(DocumentType.ESTIMATE).date(TODAY)
                .titleType(TitleType.PROFORMA_INVOICE).currencyCode("USD").customer(customers.get("usa"))
                .exchangeRate(new ExchangeRate(new BigDecimal("0.9231"), "ECB", TODAY.minusDays(1), "EUR"))
                .item(line("Brand identity package", "1", "4200", "pcs", "0"))
                .item(line("Art direction (hours)", "12", "95", "h", "0")).build());
        d.put("invoice-retail-gross", Document.builder(DocumentType.INVOICE).date(TODAY)
                .calculationMode(CalculationMode.B2C_GROSS_DISCOUNT).customer(customers.get("consumer"))
                .item(LineItem.builder().name("Koledar 2027, stenski").quantity("3").grossPrice("19.99").unit("kos")
                        .tax("22").discount(Discount.percent(new BigDecimal("15"))).build())
                .item(LineItem.builder().name("Razglednice, komplet 10").quantity("2").grossPrice("7.49").unit("kos")
                        .tax("22").build())
                .item(LineItem.builder().name("Slikanica za otroke").quantity("1").grossPrice("14.90").unit("kos")
                        .tax("5").build()).build());
        d.put("advance-invoice", Document.builder(DocumentType.ADVANCE_INVOICE).date(TODAY)
                .customer(customers.get("domestic"))
                .item(line("Avans za tisk sezonske kampanje", "1", "1000", "kos", "22")).build());
        d.put("credit-note", Document.builder(DocumentType.CREDIT_NOTE).date(TODAY).customer(customers.get("domestic"))
                .reference("2026-00001").item(line("Vračilo: napačno natisnjene vizitke", "500", "0.045", "kos", "22"))
                .build());
        d.put("delivery-note", Document.builder(DocumentType.DELIVERY_NOTE).date(TODAY).hidePrices(true)
                .customer(customers.get("domestic"))
                .item(line("Vizitke, 4/4 barvne, 350 g", "2000", "0.045", "kos", "22"))
                .item(line("Jedilni list, A4, plastificiran", "25", "6.80", "kos", "22")).build());
        d.put(ESLOG_INVALID, Document.builder(DocumentType.INVOICE).date(TODAY).customer(customers.get("no-tax-number"))
                .item(line("Plakati A2, 4/0 barvni", "40", "3.20", "kos", "22"))
                .item(LineItem.builder().name("Montaža plakatov").quantity("2").price("35").tax("22").build()).build());
        return d;
    }

    private static LineItem line(String name, String quantity, String price, String unit, String rate) {
        return LineItem.builder().name(name).quantity(quantity).price(price).unit(unit).tax(rate).build();
    }
}
