package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BR-CO-25 (a due date or payment terms when an amount is due), per format and kind: the writer refuses exactly
 * where the CEN rules it was made for state the rule — 1.3.15 (bundled) on a CII document and a UBL Invoice, not
 * on a UBL CreditNote; 1.3.16 (the shared official copy) nowhere — and its refusal is the validator's verdict on
 * the same document written without the refusal.
 */
class DueDateRuleTest {

    private static final EInvoiceWriter BUNDLED = new EInvoiceWriter();
    private static final EInvoiceWriter OFFICIAL = new EInvoiceWriter(SharedValidator.officialRules());

    static Stream<Arguments> cases() {
        return Stream.of(Format.values()).flatMap(f -> Stream.of(
                // 1.3.15 states the rule on the UBL Invoice root and on every CII document.
                Arguments.of(f, DocumentType.INVOICE, true),
                Arguments.of(f, DocumentType.CREDIT_NOTE, !f.isUbl())));
    }

    /** A document with an amount due, no due date and no payment terms, with what every format needs else. */
    private static Document undated(DocumentType type) {
        Document d = type == DocumentType.INVOICE ? Samples.domesticInvoice() : Samples.creditNote();
        return d.toBuilder().dateDue(null).paymentTerms(null).issuer(XRechnungTest.entity().asIssuer()).build();
    }

    private static EInvoiceOptions options(DocumentType type) {
        return XRechnungTest.options(type == DocumentType.INVOICE ? "invoice-domestic" : "credit-note");
    }

    @ParameterizedTest(name = "{0} {1} refused: {2}")
    @MethodSource("cases")
    void bundledRules_refuseExactlyWhereTheyReportBrCo25(Format format, DocumentType type, boolean refused) {
        Document doc = undated(type);
        assertThat(doc.totalWithTax().signum()).isPositive();
        // Written for the 1.3.16 rules, that is without the refusal: what the bundled 1.3.15 rules say of it.
        byte[] unrefused = OFFICIAL.write(doc, XRechnungTest.entity(), format, options(type));
        ValidationResult bundledVerdict = SharedValidator.get().validate(unrefused, format.validationProfile());
        assertThat(bundledVerdict.fatal()).extracting(RuleFailure::id).as("bundled verdict")
                .isEqualTo(refused ? java.util.List.of("BR-CO-25") : java.util.List.of());
        assertThat(SharedValidator.official().validate(unrefused, format.validationProfile()).fatal())
                .as("1.3.16 verdict").isEmpty();
        if (refused) {
            assertThatThrownBy(() -> BUNDLED.write(doc, XRechnungTest.entity(), format, options(type)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::path).containsExactly("date_due"));
        } else {
            assertThat(BUNDLED.write(doc, XRechnungTest.entity(), format, options(type))).isEqualTo(unrefused);
        }
    }

    @Test
    void cenStatesDueDateRule_followsTheStylesheetsThemselves() throws Exception {
        // The flag is derived from the release; check it against what each stylesheet actually contains.
        for (EInvoiceRules rules : new EInvoiceRules[] {EInvoiceRules.bundled(), SharedValidator.officialRules()}) {
            for (var url : new java.net.URL[] {rules.cenUbl().location(), rules.cenCii().location()}) {
                String xslt;
                try (var in = url.openStream()) {
                    xslt = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertThat(xslt.contains("\">BR-CO-25</xsl:attribute>")).as(rules.cenVersion() + " " + url)
                        .isEqualTo(rules.cenStatesDueDateRule());
            }
        }
        assertThat(EInvoiceRules.bundled().cenStatesDueDateRule()).isTrue();
        assertThat(SharedValidator.officialRules().cenStatesDueDateRule()).isFalse();
        assertThat(Files.isDirectory(Standards.en16931())).isTrue();
    }

    @Test
    void compareVersions_dottedReleasesInOrder() {
        assertThat(EInvoiceRules.compareVersions("1.3.14.2", "1.3.15")).isNegative();
        assertThat(EInvoiceRules.compareVersions("1.3.16", "1.3.16.0")).isZero();
        assertThat(EInvoiceRules.compareVersions("1.4", "1.3.16")).isPositive();
        assertThat(EInvoiceRules.compareVersions("1.3.6a", "1.3.16")).isNegative();
        assertThat(EInvoiceRules.cenDirectory(Standards.en16931(), "latest").cenStatesDueDateRule()).isTrue();
    }
}
