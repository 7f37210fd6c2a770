package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** XRechnung 3.0 (UBL and CII): what the writer requires, and that what it writes passes every fatal rule. */
class XRechnungTest {

    private static final String LEITWEG_ID = "04011000-12345-34";
    private static final EInvoiceWriter WRITER = new EInvoiceWriter();

    static Entity entity() {
        return Samples.entity().toBuilder().phone("+386 1 234 56 78").build();
    }

    static EInvoiceOptions options(String name) {
        return Samples.options(name).withBuyerReference(LEITWEG_ID).withSellerContact("Ana Novak, Buchhaltung");
    }

    static Stream<Arguments> samples() {
        return Samples.all().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> Stream.of(Format.XRECHNUNG_UBL, Format.XRECHNUNG_CII)
                        .map(f -> Arguments.of(e.getKey(), f, e.getValue())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void write_sample_passesEveryFatalXRechnungRule(String name, Format format, Supplier<Document> doc) {
        // The document carries its issuer as at calculation: the German CIUS wants the seller's phone on it.
        Document document = doc.get().toBuilder().issuer(entity().asIssuer()).build();
        byte[] xml = WRITER.write(document, entity(), format, options(name));
        ValidationResult result = SharedValidator.get().validate(xml, Profile.XRECHNUNG_3);
        assertThat(result.rulesRun()).contains("XRECHNUNG " + EInvoiceRules.BUNDLED_XRECHNUNG_VERSION);
        assertThat(result.failures()).filteredOn(f -> f.flag() == Flag.FATAL).isEmpty();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0", LEITWEG_ID,
                "Ana Novak, Buchhaltung");
    }

    @Test
    void write_plainCii_failsXRechnungRules() {
        byte[] cii = WRITER.write(Samples.domesticInvoice(), entity(), Format.CII, options("invoice-domestic"));
        ValidationResult result = SharedValidator.get().validate(cii, Profile.XRECHNUNG_3);
        assertThat(result.isValid()).isFalse();
        assertThat(result.failures()).filteredOn(f -> f.flag() == Flag.FATAL).extracting(RuleFailure::id)
                .contains("PEPPOL-EN16931-R001");
    }

    @Test
    void write_withoutWhatXRechnungNeeds_oneExceptionNamingEveryField() {
        Entity bare = Samples.entity().toBuilder().bankAccounts(java.util.List.of()).build();
        Document doc = Samples.calculate(Document.builder(eu.invoicing.core.model.DocumentType.INVOICE).number("1")
                .date(Samples.DAY).dateDue(Samples.DAY.plusDays(8))
                .customer(eu.invoicing.core.model.Party.builder().name("Kunde GmbH").countryCode("DE").build())
                .item(Samples.line("Beratung", "1", "100", "HUR", "22")));
        assertThatThrownBy(() -> WRITER.write(doc, bare, Format.XRECHNUNG_CII, EInvoiceOptions.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::path)
                        .contains("buyer_reference", "options.seller_contact", "issuer.phone", "issuer.bank_accounts",
                                "customer.city", "customer.post_code", "options.buyer_endpoint"));
    }

    @Test
    void write_estimate_refused() {
        Document estimate = Samples.calculate(Document.builder(eu.invoicing.core.model.DocumentType.ESTIMATE).number("P-1")
                .date(Samples.DAY).dateDue(Samples.DAY.plusDays(8)).customer(Samples.domestic())
                .item(Samples.line("Beratung", "1", "100", "HUR", "22")));
        assertThatThrownBy(() -> WRITER.write(estimate, entity(), Format.XRECHNUNG_UBL, options("x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::path)
                        .contains("type"));
    }
}
