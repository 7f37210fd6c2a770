package eu.invoicing.eslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.Violation;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.EslogValidation;
import eu.invoicing.core.model.EslogValidationStatus;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.Party;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EslogValidatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private final EslogValidator validator = new EslogValidator(SharedStandards.schema(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static List<String> paths(EslogValidation v) {
        return v.validationErrors().stream().map(Violation::path).toList();
    }

    @Test
    void validate_completeDomesticInvoice_validWithClockTime() {
        EslogValidation v = validator.validate(TestCorpus.domesticInvoice(), TestCorpus.context());
        assertThat(v.validationErrors()).isEmpty();
        assertThat(v.validationStatus()).isEqualTo(EslogValidationStatus.VALID);
        assertThat(v.validatedAt()).isEqualTo(NOW);
    }

    @Test
    void validate_everyHandPickedDocument_valid() {
        for (Document d : List.of(TestCorpus.reverseChargeInvoice(), TestCorpus.creditNote(),
                TestCorpus.foreignInvoiceWithAdvance(), TestCorpus.fiscalizedInvoice(), TestCorpus.estimate(),
                TestCorpus.advanceInvoice())) {
            assertThat(validator.validate(d, TestCorpus.context()).validationErrors()).as(d.number()).isEmpty();
        }
    }

    @Test
    void validate_zeroRatedAndNamedExemptLines_writtenWithTheirOwnCategoriesAndValid() {
        Document d = TestCorpus.calculate(Document.builder(DocumentType.INVOICE).number("2026-00078").date(TestCorpus.DAY)
                .dateDue(TestCorpus.DAY.plusDays(15)).customer(TestCorpus.domesticCustomer())
                .item(TestCorpus.line("Svetovanje", "2", "50", "HUR", "22"))
                .item(LineItem.builder().name("Knjiga").quantity("3").price("10").unit("H87")
                        .taxes(List.of(LineTax.ofRate(java.math.BigDecimal.ZERO).withCategory(TaxCategory.Z, null, null)))
                        .build())
                .item(LineItem.builder().name("Pregled").quantity("1").price("80").unit("C62")
                        .taxes(List.of(LineTax.ofRate(java.math.BigDecimal.ZERO).withCategory(TaxCategory.E, null, null)))
                        .build()).build());
        assertThat(validator.validate(d, TestCorpus.context()).validationErrors()).isEmpty();
        String xml = new EslogSerializer().toXml(d, TestCorpus.context());
        assertThat(xml).contains("<D_5305>Z</D_5305>", "<D_5305>E</D_5305>", "<D_5305>S</D_5305>");
    }

    @Test
    void validate_issuerIncomplete_everyMissingFieldWithPath() {
        Party issuer = Party.builder().name(" ").taxNumber("SI1234").countryCode("SI").build();
        Document d = TestCorpus.calculate(TestCorpus.domesticInvoice().toBuilder().issuer(issuer).build());
        EslogValidation v = validator.validate(d, TestCorpus.context());
        assertThat(v.validationStatus()).isEqualTo(EslogValidationStatus.INVALID);
        assertThat(paths(v)).contains("issuer.name", "issuer.address", "issuer.post_code", "issuer.city",
                "issuer.tax_number");
        assertThat(v.validationErrors()).filteredOn(e -> e.path().equals("issuer.tax_number"))
                .extracting(Violation::code).containsExactly("invalid_tax_number");
    }

    @Test
    void validate_noBankAccount_required() {
        EslogValidation v = validator.validate(TestCorpus.domesticInvoice(), TestCorpus.context().withBankAccount(null));
        assertThat(paths(v)).containsExactly("bank_account");
    }

    @Test
    void validate_badIbanChecksum_invalidIban() {
        EslogValidation v = validator.validate(TestCorpus.domesticInvoice(),
                TestCorpus.context().withBankAccount(new BankAccount("SI56191000000123439", null, null, true)));
        assertThat(v.validationErrors()).extracting(Violation::code).containsExactly("invalid_iban");
    }

    @Test
    void validate_businessCustomerWithoutTaxNumber_required() {
        Party customer = Party.builder().name("Kupec d.o.o.").address("Stara cesta 1").postCode("4000").city("Kranj")
                .countryCode("SI").build();
        Document d = TestCorpus.calculate(TestCorpus.domesticInvoice().toBuilder().customer(customer).build());
        assertThat(paths(validator.validate(d, TestCorpus.context()))).containsExactly("customer.tax_number");
    }

    @Test
    void validate_endConsumerWithoutTaxNumber_valid() {
        Document d = TestCorpus.calculate(TestCorpus.domesticInvoice().toBuilder().customer(TestCorpus.consumer()).build());
        assertThat(validator.validate(d, TestCorpus.context()).validationErrors()).isEmpty();
    }

    @Test
    void validateXml_ownXmlOfAnEndConsumerInvoice_validWithoutBuyerTaxNumber() {
        // The XML cannot carry is_end_consumer: a buyer without VAT or tax number reads back as a private
        // person, so validating the library's own B2C output no longer asks for customer.tax_number.
        Document d = TestCorpus.calculate(TestCorpus.domesticInvoice().toBuilder().customer(TestCorpus.consumer()).build());
        byte[] xml = new EslogSerializer().toBytes(d, TestCorpus.context());
        assertThat(validator.validateXml(xml, TestCorpus.context()).validationErrors()).isEmpty();
        assertThat(new EslogReader().read(xml).document().customer().isEndConsumer()).isTrue();
    }

    @Test
    void validate_badLines_everyRuleWithItemPath() {
        Document d = TestCorpus.calculate(Document.builder(DocumentType.INVOICE).number("2026-1").date(TestCorpus.DAY)
                .customer(TestCorpus.domesticCustomer())
                .item(LineItem.builder().name("Prazno").quantity("0").price("10").unit("C62").tax("22").build())
                .item(LineItem.builder().name("Brez enote").quantity("1").price("10").tax("8.5").build())
                .item(LineItem.builder().name("Čudna enota").quantity("1").price("10").unit("zaboj").tax("22").build())
                .build());
        // the engine itself refuses a nameless line, so blank the name of the calculated one
        List<LineItem> items = new java.util.ArrayList<>(d.items());
        items.set(0, items.get(0).toBuilder().name(" ").build());
        d = d.toBuilder().items(items).build();
        EslogValidation v = validator.validate(d, TestCorpus.context());
        assertThat(v.validationErrors()).extracting(e -> e.path() + ":" + e.code()).contains(
                "items[0].name:required", "items[0].quantity:out_of_range", "items[1].unit:required",
                "items[1].taxes[0].rate:invalid_rate", "items[2].unit:unknown_unit");
    }

    @Test
    void validate_draftWithoutNumber_numberRequired() {
        Document d = TestCorpus.calculate(TestCorpus.domesticInvoice().toBuilder().number(null).build());
        assertThat(paths(validator.validate(d, TestCorpus.context()))).containsExactly("number");
    }

    @Test
    void validate_textTooLongForEslog_reportedNotTruncated() {
        Party customer = TestCorpus.domesticCustomer().toBuilder().city("Č".repeat(36)).build();
        Document d = TestCorpus.calculate(TestCorpus.domesticInvoice().toBuilder().customer(customer).build());
        assertThat(validator.validate(d, TestCorpus.context()).validationErrors())
                .extracting(e -> e.path() + ":" + e.code()).containsExactly("customer.city:too_long");
    }

    @Test
    void validateXml_officialSample_xsdValidButBusinessRulesReported() throws IOException {
        EslogValidation v = validator.validateXml(Files.readAllBytes(SharedStandards.officialSample()), EslogContext.NONE);
        assertThat(v.validationStatus()).isEqualTo(EslogValidationStatus.INVALID);
        // a Dutch seller with 25 % and 12 % VAT: not a Slovenian e-SLOG issuer
        assertThat(v.validationErrors()).extracting(e -> e.path() + ":" + e.code())
                .contains("issuer.tax_number:invalid_tax_number", "items[0].taxes[0].rate:invalid_rate")
                .noneMatch(s -> s.endsWith(":xsd"));
    }

    @Test
    void validateXml_serializedInvoice_valid() {
        byte[] xml = new EslogSerializer().toBytes(TestCorpus.domesticInvoice(), TestCorpus.context());
        assertThat(validator.validateXml(xml, EslogContext.NONE).validationErrors()).isEmpty();
    }

    @Test
    void validateXml_schemaError_xmlPath() throws IOException {
        String xml = Files.readString(SharedStandards.eslogDir().resolve("derived/minimal-invoice-380.xml"))
                .replace("<D_6060>2</D_6060>", "<D_6060>two</D_6060>");
        EslogValidation v = validator.validateXml(xml.getBytes(StandardCharsets.UTF_8), EslogContext.NONE);
        assertThat(v.validationErrors()).extracting(e -> e.path() + ":" + e.code())
                .contains("/Invoice/M_INVOIC/G_SG26[1]/S_QTY[1]/C_C186/D_6060:xsd");
    }

    @Test
    void validateXml_hostile_invalidUnreadable() {
        String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Invoice xmlns=\"urn:eslog:2.00\">&e;</Invoice>";
        EslogValidation v = validator.validateXml(xml.getBytes(StandardCharsets.UTF_8), EslogContext.NONE);
        assertThat(v.validationStatus()).isEqualTo(EslogValidationStatus.INVALID);
        assertThat(v.validationErrors()).extracting(Violation::code).containsExactly("unreadable");
    }

    @Test
    void validateXml_halfMegabyteAttributeAndText_everySchemaErrorQuotesShortPrefix() throws IOException {
        String xml = Files.readString(SharedStandards.officialSample())
                .replace("<M_INVOIC Id=\"data\">", "<M_INVOIC Id=\"" + "d".repeat(500_000) + "\">")
                .replace("<D_0062>TOSL110</D_0062>", "<D_0062>" + "t".repeat(500_000) + "</D_0062>");

        EslogValidation v = validator.validateXml(xml.getBytes(StandardCharsets.UTF_8), EslogContext.NONE);

        assertThat(v.validationStatus()).isEqualTo(EslogValidationStatus.INVALID);
        assertThat(v.validationErrors()).extracting(Violation::code).contains("xsd");
        assertThat(v.validationErrors()).allSatisfy(e -> assertThat(e.message()).hasSizeLessThan(600));
    }

    @Test
    void validateXml_fiveMegabyteComment_unreadableNamingTheLimit() {
        byte[] xml = ("<Invoice xmlns=\"urn:eslog:2.00\"><!--" + "c".repeat(5 << 20) + "--></Invoice>")
                .getBytes(StandardCharsets.UTF_8);

        EslogValidation v = validator.validateXml(xml, EslogContext.NONE);

        assertThat(v.validationErrors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("unreadable");
            assertThat(e.message()).contains("a comment").hasSizeLessThan(200);
        });
    }

    @Test
    void validate_megabyteIbanAndTaxNumber_messagesQuoteShortPrefix() {
        Party issuer = TestCorpus.domesticInvoice().issuer().toBuilder().taxNumber("7".repeat(1 << 20)).build();
        Document d = TestCorpus.calculate(TestCorpus.domesticInvoice().toBuilder().issuer(issuer).build());
        EslogContext context = TestCorpus.context().withBankAccount(new BankAccount("X".repeat(1 << 20), null, null, true));

        EslogValidation v = validator.validate(d, context);

        assertThat(paths(v)).contains("bank_account.iban", "issuer.tax_number");
        assertThat(v.validationErrors()).allSatisfy(e -> assertThat(e.message()).hasSizeLessThan(600));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS)
    void validate_numbersNoXmlCanCarry_outOfRangeWithoutComputingThem() {
        Document base = TestCorpus.domesticInvoice();
        LineItem first = base.items().get(0);
        Document d = base.toBuilder().total(new java.math.BigDecimal("1E+999999999"))
                .items(List.of(first.toBuilder().quantity(new java.math.BigDecimal("1E-999999999")).build()))
                .build();

        EslogValidation v = validator.validate(d, TestCorpus.context());

        assertThat(v.validationErrors()).filteredOn(e -> e.code().equals("out_of_range")).extracting(Violation::path)
                .contains("total", "items[0].quantity");
        assertThat(v.validationErrors()).allSatisfy(e -> assertThat(e.message()).hasSizeLessThan(600));
    }

    @Test
    void validate_sharedInstanceFromFourThreads_sameResultEverywhere() throws Exception {
        Document invoice = TestCorpus.domesticInvoice();
        Document bad = TestCorpus.calculate(invoice.toBuilder().number(null).build());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<EslogValidation>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                Document d = i % 2 == 0 ? invoice : bad;
                results.add(pool.submit(() -> validator.validate(d, TestCorpus.context())));
            }
            for (int i = 0; i < results.size(); i++) {
                EslogValidation v = results.get(i).get();
                assertThat(v.validationStatus()).isEqualTo(i % 2 == 0 ? EslogValidationStatus.VALID
                        : EslogValidationStatus.INVALID);
                assertThat(v.validationErrors()).hasSize(i % 2 == 0 ? 0 : 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void notValidated_status() {
        assertThat(EslogValidator.notValidated().validationStatus()).isEqualTo(EslogValidationStatus.NOT_VALIDATED);
    }

    @Test
    void constructor_nulls_npeNamingParameter() {
        assertThatThrownBy(() -> new EslogValidator(null, Clock.systemUTC())).hasMessage("schema");
        assertThatThrownBy(() -> new EslogValidator(SharedStandards.schema(), null)).hasMessage("clock");
    }
}
