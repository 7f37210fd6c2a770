package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.LineTax;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.TaxSummary;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writers against golden files (reviewed by eye; regenerate with {@code -Deinvoice.golden.update=true} and
 * review the diff) and against the validator: every sample document, in every format, passes the XSD and
 * every fatal rule of EN 16931 (and of Peppol BIS for {@link Format#PEPPOL}).
 */
class EInvoiceWriterTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final EInvoiceWriter WRITER = new EInvoiceWriter();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Map.Entry<String, Supplier<Document>> e : new TreeMap<>(Samples.all()).entrySet()) {
            // XRechnung needs more than these samples carry (a seller phone and contact): XRechnungTest.
            for (Format f : List.of(Format.UBL, Format.PEPPOL, Format.CII)) {
                out.add(Arguments.of(e.getKey() + "." + f.name().toLowerCase(Locale.ROOT), f, e.getValue()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void write_sample_matchesGoldenAndPassesEveryFatalRule(String name, Format format, Supplier<Document> doc) throws IOException {
        byte[] xml = WRITER.write(doc.get(), Samples.entity(), format, Samples.options(name.substring(0, name.indexOf('.'))));
        String text = new String(xml, StandardCharsets.UTF_8);
        Path file = GOLDEN.resolve(name + ".xml");
        if (Boolean.getBoolean("einvoice.golden.update")) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        ValidationResult r = SharedValidator.get().validate(xml, format.validationProfile());
        assertThat(r.fatal()).as(name).isEmpty();
        assertThat(r.detectedSyntax()).get().matches(s -> s.isUbl() == format.isUbl());
    }

    @Test
    void write_creditNote_isUblCreditNoteWithPrecedingInvoice() {
        String xml = WRITER.toXml(Samples.creditNote(), Samples.entity(), Format.PEPPOL,
                EInvoiceOptions.none().withBuyerReference("Kupec 2026/17"));
        assertThat(xml).contains("<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"")
                .contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
                .contains("<cac:InvoiceDocumentReference>\n      <cbc:ID>2026-00042</cbc:ID>")
                .contains("<cbc:CreditedQuantity unitCode=\"HUR\">1</cbc:CreditedQuantity>");
    }

    @Test
    void write_exemptAndZeroRatedLines_keepTheirCategoriesAndReasonsApartInBothSyntaxes() {
        Document doc = Samples.calculate(Document.builder(DocumentType.INVOICE).number("2026-00077").date(Samples.DAY)
                .dateDue(Samples.DAY.plusDays(15)).customer(Samples.domestic()).reference("PO-1")
                .item(Samples.line("Svetovanje", "2", "50", "HUR", "22"))
                .item(LineItem.builder().name("Zdravniski pregled").quantity("1").price("80").unit("C62")
                        .taxes(List.of(LineTax.ofRate(BigDecimal.ZERO).withCategory(TaxCategory.E,
                                "Exempt (Article 132(1)(c), Directive 2006/112/EC)", "VATEX-EU-132")))
                        .build())
                .item(LineItem.builder().name("Knjiga").quantity("3").price("10").unit("H87")
                        .taxes(List.of(LineTax.ofRate(BigDecimal.ZERO).withCategory(TaxCategory.Z, null, null)))
                        .build()));
        assertThat(doc.taxes()).extracting(TaxSummary::category).containsExactly(null, TaxCategory.E, TaxCategory.Z);
        for (Format f : List.of(Format.UBL, Format.CII, Format.PEPPOL)) {
            byte[] xml = WRITER.write(doc, Samples.entity(), f, EInvoiceOptions.none());
            assertThat(SharedValidator.get().validate(xml, f.validationProfile()).fatal()).as(f.name()).isEmpty();
            String text = new String(xml, StandardCharsets.UTF_8);
            assertThat(text).as(f.name()).contains("VATEX-EU-132").contains("Article 132(1)(c)")
                    .doesNotContain("Exempt from VAT");
            List<LineItem> back = new EInvoiceReader().read(xml).document().items();
            assertThat(back.get(1).taxes().get(0).category()).isEqualTo(TaxCategory.E);
            assertThat(back.get(1).taxes().get(0).exemptionReasonCode()).isEqualTo("VATEX-EU-132");
            assertThat(back.get(1).taxes().get(0).exemptionReason())
                    .isEqualTo("Exempt (Article 132(1)(c), Directive 2006/112/EC)");
            assertThat(back.get(2).taxes().get(0).category()).isEqualTo(TaxCategory.Z);
            assertThat(back.get(2).taxes().get(0).exemptionReason()).isNull();
            assertThat(back.get(0).taxes().get(0).category()).isEqualTo(TaxCategory.S);
        }
    }

    @Test
    void write_jpy_writesWholeYen() {
        String xml = WRITER.toXml(Samples.jpyExport(), Samples.entity(), Format.UBL, EInvoiceOptions.none());
        assertThat(xml).contains("<cbc:PayableAmount currencyID=\"JPY\">97035</cbc:PayableAmount>")
                .contains("<cbc:ID>G</cbc:ID>").contains("VATEX-EU-G");
    }

    @Test
    void write_kwdWithThreeDecimals_refusedNamingTheField() {
        Document doc = Samples.calculate(Document.builder(DocumentType.INVOICE).number("K-1").date(Samples.DAY)
                .dateDue(Samples.DAY).currencyCode("KWD").exchangeRate(new eu.invoicing.core.model.ExchangeRate(
                        new java.math.BigDecimal("0.3321"), "ECB", Samples.DAY, "EUR")).customer(Samples.domestic())
                .item(Samples.line("Fils", "1", "1.235", "C62", "22")));
        assertThatThrownBy(() -> WRITER.write(doc, Samples.entity(), Format.CII, EInvoiceOptions.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).contains("items[0].total"));
    }

    @Test
    void write_everyMissingField_listedAtOnce() {
        Document doc = Samples.ENGINE.calculate(Document.builder(DocumentType.INVOICE).date(Samples.DAY)
                .customer(eu.invoicing.core.model.Party.named("Nobody"))
                .item(LineItem.builder().name("Widget").quantity("1").price("10").unit("bananas").tax("22").build())
                .build(), Samples.entity());
        assertThatThrownBy(() -> WRITER.write(doc, Samples.entity(), Format.PEPPOL, EInvoiceOptions.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).contains("number", "items[0].unit", "customer.country_code",
                                "buyer_reference", "options.buyer_endpoint", "date_due"));
    }

    @Test
    void write_deliveryNote_refused() {
        Document doc = Samples.calculate(Document.builder(DocumentType.DELIVERY_NOTE).number("D-1").date(Samples.DAY)
                .customer(Samples.domestic()).item(Samples.line("Box", "1", "10", "C62", "22")));
        assertThatThrownBy(() -> WRITER.write(doc, Samples.entity(), Format.UBL, EInvoiceOptions.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).contains("type"));
    }

    @Test
    void write_peppolEndpointsGiven_used() {
        String xml = WRITER.toXml(Samples.jpyExport(), Samples.entity(), Format.PEPPOL,
                EInvoiceOptions.none().withEndpoints(null, new Endpoint("0088", "4912345000002")));
        assertThat(xml).contains("<cbc:EndpointID schemeID=\"9949\">SI12345678</cbc:EndpointID>")
                .contains("<cbc:EndpointID schemeID=\"0088\">4912345000002</cbc:EndpointID>");
        assertThat(SharedValidator.get().validate(xml.getBytes(StandardCharsets.UTF_8), Profile.PEPPOL_BIS_3).fatal()).isEmpty();
    }
}
