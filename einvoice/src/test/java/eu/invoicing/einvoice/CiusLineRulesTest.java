package eu.invoicing.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.TradeDetails;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The writer's refusals of the Peppol / XRechnung line rules that EN 16931 does not state: a line period outside
 * the invoice period (PEPPOL-EN16931-R110 / R111) and, in Peppol, a line amount that a price base quantity on a
 * currency without cents puts more than 0.02 from quantity × price / base (R120). Each refusal names its field
 * path, only for the formats whose rules state it, and the validator reports that same rule on the XML the
 * writer would have written.
 */
class CiusLineRulesTest {

    private static final EInvoiceWriter WRITER = new EInvoiceWriter();
    private static final Period INVOICE_PERIOD = new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
    private static final Period INSIDE = new Period(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 20));
    private static final Period OUTSIDE = new Period(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 5));

    private static Document withLinePeriod(Period line) {
        Document d = Samples.domesticInvoice();
        List<LineItem> items = new ArrayList<>(d.items());
        items.set(0, items.get(0).toBuilder().details(LineDetails.builder().period(line).build()).build());
        return d.toBuilder().items(items).tradeDetails(TradeDetails.EMPTY.withInvoicePeriod(INVOICE_PERIOD))
                .issuer(XRechnungTest.entity().asIssuer()).build();
    }

    private static boolean statesR110(Format f) {
        return f == Format.PEPPOL || f.isXRechnung();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void linePeriodOutsideInvoicePeriod_refusedWhereTheRulesStateR110R111(Format format) {
        Document outside = withLinePeriod(OUTSIDE);
        EInvoiceOptions options = XRechnungTest.options("invoice-domestic");
        if (statesR110(format)) {
            assertThatThrownBy(() -> WRITER.write(outside, XRechnungTest.entity(), format, options))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::path).containsExactly("items[0].period.start", "items[0].period.end"));
            // The XML the writer would have written: the same document with a line period inside, its dates moved.
            String xml = WRITER.toXml(withLinePeriod(INSIDE), XRechnungTest.entity(), format, options);
            String moved = format.isUbl()
                    ? xml.replace(">2026-02-10<", ">2026-01-15<").replace(">2026-02-20<", ">2026-03-05<")
                    : xml.replace(">20260210<", ">20260115<").replace(">20260220<", ">20260305<");
            assertThat(moved).isNotEqualTo(xml);
            assertThat(SharedValidator.get().validate(xml.getBytes(StandardCharsets.UTF_8), format.validationProfile())
                    .fatal()).isEmpty();
            assertThat(SharedValidator.get().validate(moved.getBytes(StandardCharsets.UTF_8), format.validationProfile())
                    .fatal()).extracting(RuleFailure::id)
                    .containsExactlyInAnyOrder("PEPPOL-EN16931-R110", "PEPPOL-EN16931-R111");
        } else {
            // EN 16931 alone does not relate the two periods (BR-CO-19/20 and BR-29/30 check each on its own).
            byte[] xml = WRITER.write(outside, XRechnungTest.entity(), format, options);
            assertThat(SharedValidator.get().validate(xml, format.validationProfile()).fatal()).isEmpty();
        }
    }

    @Test
    void linePeriodOnlyPartlyDated_comparedOnlyWithTheInvoiceDateOfItsKind() {
        // R110 compares start with start and R111 end with end: a line that only ends, before the invoice period
        // starts, breaks neither.
        Document d = withLinePeriod(new Period(null, LocalDate.of(2026, 1, 20)));
        byte[] xml = WRITER.write(d, XRechnungTest.entity(), Format.PEPPOL, XRechnungTest.options("invoice-domestic"));
        assertThat(SharedValidator.get().validate(xml, Profile.PEPPOL_BIS_3).fatal()).isEmpty();
    }

    /** JPY, one line of {@code quantity} × {@code price} per {@code base} units. */
    private static Document yen(String quantity, String price, String base) {
        return Samples.calculate(Document.builder(DocumentType.INVOICE).number("2026-00049").date(Samples.DAY)
                .dateDue(Samples.DAY.plusDays(30)).currencyCode("JPY")
                .exchangeRate(new ExchangeRate(new BigDecimal("161.52"), "ECB", Samples.DAY.minusDays(1), "EUR"))
                .customer(Party.builder().name("Sakura Shoji K.K.").address("1-1 Marunouchi").postCode("100-0005")
                        .city("Tokyo").countryCode("JP").build()).reference("JP-2")
                .item(LineItem.builder().name("Screws").quantity(quantity).price(price).unit("C62").tax("0")
                        .details(LineDetails.builder().priceBaseQuantity(new BigDecimal(base)).build()).build()));
    }

    @Test
    void baseQuantityOnWholeYen_breakingR120_refusedForPeppolOnly() {
        EInvoiceOptions options = Samples.options("invoice-jpy-export");
        Document doc = yen("1", "100", "3");
        assertThat(doc.items().get(0).total()).isEqualByComparingTo("33");
        assertThatThrownBy(() -> WRITER.write(doc, Samples.entity(), Format.PEPPOL, options))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo("items[0].price_base_quantity");
                            assertThat(v.message()).contains("PEPPOL-EN16931-R120", "33 against 33.333");
                        }));
        // Plain EN 16931 has no R120: the same document is written and passes.
        byte[] ubl = WRITER.write(doc, Samples.entity(), Format.UBL, options);
        assertThat(SharedValidator.get().validate(ubl, Profile.EN16931).fatal()).isEmpty();

        // The XML the Peppol writer would have written: 1 × 132 per 4 = 33 (accepted), restated as 100 per 3.
        Document whole = yen("1", "132", "4");
        assertThat(whole.items().get(0).total()).isEqualByComparingTo("33");
        String xml = WRITER.toXml(whole, Samples.entity(), Format.PEPPOL, options);
        assertThat(SharedValidator.get().validate(xml.getBytes(StandardCharsets.UTF_8), Profile.PEPPOL_BIS_3).fatal())
                .isEmpty();
        String restated = xml.replace(">132</cbc:PriceAmount>", ">100</cbc:PriceAmount>")
                .replace(">4</cbc:BaseQuantity>", ">3</cbc:BaseQuantity>");
        assertThat(restated).isNotEqualTo(xml).doesNotContain(">132<");
        assertThat(SharedValidator.get().validate(restated.getBytes(StandardCharsets.UTF_8), Profile.PEPPOL_BIS_3)
                .fatal()).extracting(RuleFailure::id).containsExactly("PEPPOL-EN16931-R120");
    }
}
