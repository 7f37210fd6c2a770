package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EInvoiceValidatorTest {

    static Stream<Path> ublExamples() {
        return Standards.ublExamples().stream();
    }

    static Stream<Path> ciiExamples() {
        return Standards.ciiExamples().stream();
    }

    @ParameterizedTest
    @MethodSource("ublExamples")
    void validate_officialUblExample_noFatal(Path file) {
        ValidationResult r = Standards.validator().validate(Standards.read(file), Profile.EN16931);
        assertThat(r.detectedSyntax()).get().matches(Syntax::isUbl);
        assertThat(r.fatal()).as(file.getFileName().toString()).isEmpty();
        assertThat(r.rulesRun()).contains("XSD UBL 2.1", "EN16931 " + EInvoiceRules.BUNDLED_CEN_VERSION);
    }

    @ParameterizedTest
    @MethodSource("ciiExamples")
    void validate_officialCiiExample_noFatal(Path file) {
        ValidationResult r = Standards.validator().validate(Standards.read(file), Profile.EN16931);
        assertThat(r.detectedSyntax()).contains(Syntax.CII);
        assertThat(r.fatal()).as(file.getFileName().toString()).isEmpty();
    }

    @Test
    void validate_brokenTotal_failsBrCo15WithLocation() {
        String xml = text("ubl/examples/ubl-tc434-example2.xml");
        // BT-112 (total with VAT) no longer equals BT-109 + BT-110.
        String broken = xml.replaceFirst("(<cbc:TaxInclusiveAmount currencyID=\"[A-Z]+\">)([0-9.]+)", "$1999999.00");
        assertThat(broken).isNotEqualTo(xml);
        ValidationResult r = Standards.validator().validate(broken.getBytes(StandardCharsets.UTF_8), Profile.EN16931);
        assertThat(r.isValid()).isFalse();
        assertThat(r.fatal()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo("BR-CO-15");
            assertThat(f.source()).isEqualTo(RuleSource.EN16931);
            assertThat(f.location()).startsWith("/");
            assertThat(f.message()).isNotBlank();
        });
    }

    @Test
    void validate_missingInvoiceNumber_failsBr02AndXsd() {
        String xml = text("cii/examples/CII_example1.xml");
        String broken = xml.replaceFirst("(?s)(<rsm:ExchangedDocument>\\s*)<ram:ID>[^<]*</ram:ID>", "$1");
        assertThat(broken).isNotEqualTo(xml);
        ValidationResult r = Standards.validator().validate(broken.getBytes(StandardCharsets.UTF_8), Profile.EN16931);
        assertThat(r.failed("BR-02")).isTrue();
        assertThat(r.fatal()).extracting(RuleFailure::id).contains("BR-02");
    }

    @Test
    void validate_xsdViolation_reportedWithLineAndColumn() {
        String xml = text("ubl/examples/ubl-tc434-example1.xml")
                .replaceFirst("<cbc:IssueDate>", "<cbc:Bogus>x</cbc:Bogus><cbc:IssueDate>");
        ValidationResult r = Standards.validator().validate(xml.getBytes(StandardCharsets.UTF_8), Profile.EN16931);
        assertThat(r.fatal()).anySatisfy(f -> {
            assertThat(f.source()).isEqualTo(RuleSource.XSD);
            assertThat(f.location()).matches("\\d+:\\d+");
            assertThat(f.message()).contains("Bogus");
        });
    }

    @Test
    void validate_peppolProfile_runsPeppolRules() {
        ValidationResult r = Standards.validator().validate(
                Standards.read(Standards.en16931().resolve("ubl/examples/ubl-tc434-example1.xml")), Profile.PEPPOL_BIS_3);
        assertThat(r.rulesRun()).contains("PEPPOL " + EInvoiceRules.BUNDLED_PEPPOL_VERSION);
        // The CEN example has no Peppol customization id and no endpoint ids: Peppol rules fail.
        assertThat(r.fatal()).anySatisfy(f -> assertThat(f.source()).isEqualTo(RuleSource.PEPPOL));
    }

    @Test
    void validate_doctype_refusedWithoutReadingEntity() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&x;</Invoice>";
        ValidationResult r = Standards.validator().validate(xxe.getBytes(StandardCharsets.UTF_8), Profile.EN16931);
        assertThat(r.isValid()).isFalse();
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("XML-WELLFORMED");
            assertThat(f.message()).containsIgnoringCase("DOCTYPE").doesNotContain("root:");
        });
    }

    @Test
    void validate_tooLarge_refused() {
        EInvoiceValidator small = new EInvoiceValidator(EInvoiceRules.bundled(), 100);
        ValidationResult r = small.validate(new java.io.ByteArrayInputStream(new byte[101]), Profile.EN16931);
        assertThat(r.failures()).extracting(RuleFailure::id).containsExactly("XML-SIZE");
    }

    @Test
    void validate_unknownRoot_reportsRoot() {
        ValidationResult r = Standards.validator().validate("<Order xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8),
                Profile.EN16931);
        assertThat(r.detectedSyntax()).isEmpty();
        assertThat(r.failures()).extracting(RuleFailure::id).containsExactly("XML-ROOT");
    }

    @Test
    void cenDirectory_sharedRules_validateTheExamplesToo() {
        EInvoiceRules shared = EInvoiceRules.cenDirectory(Standards.en16931(), "1.3.16");
        assertThat(shared.missing()).isEmpty();
        EInvoiceValidator v = new EInvoiceValidator(shared);
        for (Path p : Standards.ublExamples().subList(0, 3)) {
            assertThat(v.validate(Standards.read(p), Profile.EN16931).fatal()).isEmpty();
        }
        ValidationResult r = v.validate(Standards.read(Standards.ciiExamples().get(0)), Profile.EN16931);
        assertThat(r.rulesRun()).contains("EN16931 1.3.16");
        assertThat(r.fatal()).isEmpty();
    }

    @Test
    void cenDirectory_absent_saysWhichRulesAreMissing() {
        EInvoiceRules none = EInvoiceRules.cenDirectory(Path.of("/nonexistent-rules"), "x");
        assertThat(none.missing()).hasSize(2).allSatisfy(m -> assertThat(m).contains("not found"));
        EInvoiceValidator v = new EInvoiceValidator(none);
        byte[] cii = ("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>")
                .getBytes(StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> v.validate(cii, Profile.EN16931))
                .isInstanceOf(EInvoiceException.class).hasMessageContaining("rules absent");
    }

    private static String text(String rel) {
        return new String(Standards.read(Standards.en16931().resolve(rel)), StandardCharsets.UTF_8);
    }
}
