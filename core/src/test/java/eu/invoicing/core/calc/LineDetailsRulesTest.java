package eu.invoicing.core.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.ItemIdentifier;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EN 16931 line details: checked before calculation, and the price base quantity priced in. */
class LineDetailsRulesTest {

    private final CalculationEngine engine = CalculationEngine.withDefaults();
    private final Entity entity = Entity.sampleSlovenian();

    private Document calculate(DocumentType type, LineItem... items) {
        return engine.calculate(Document.builder(type).items(List.of(items)).build(), entity);
    }

    private static LineItem.Builder line(String quantity, String price) {
        return LineItem.builder().name("Paper").quantity(quantity).price(price).tax("22");
    }

    @Test
    void calculate_priceBaseQuantity_pricesTheLineAtQuantityTimesPriceOverBase() {
        Document d = calculate(DocumentType.INVOICE, line("30", "12").details(LineDetails.builder()
                .priceBaseQuantity(new BigDecimal("12")).listPrice(new BigDecimal("15"))
                .priceDiscount(new BigDecimal("3")).build()).build());
        assertThat(d.items().get(0).total()).isEqualByComparingTo("30.00");
        assertThat(d.totalWithTax()).isEqualByComparingTo("36.60");
    }

    @Test
    void calculate_nonTerminatingBaseQuantity_roundsOnlyAtL1() {
        Document d = calculate(DocumentType.INVOICE, line("1", "10").details(LineDetails.builder()
                .priceBaseQuantity(new BigDecimal("3")).build()).build());
        assertThat(d.items().get(0).total()).isEqualByComparingTo("3.33");
    }

    @Test
    void calculate_creditNoteWithANegativeLine_isAccepted() {
        Document d = calculate(DocumentType.CREDIT_NOTE, line("2", "50").build(), line("-1", "10").build());
        assertThat(d.items().get(1).total()).isEqualByComparingTo("-10.00");
        assertThat(d.total()).isEqualByComparingTo("90.00");
    }

    @Test
    void calculate_estimateWithANegativeLine_isStillRefused() {
        assertThatThrownBy(() -> calculate(DocumentType.ESTIMATE, line("-1", "10").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("items[0].quantity"));
    }

    @Test
    void calculate_everyBadDetail_isReportedAtItsPathInOneException() {
        LineItem good = line("1", "10").build();
        LineItem bad = line("1", "9").details(LineDetails.builder().listPrice(new BigDecimal("10"))
                .priceDiscount(new BigDecimal("0.5")).priceBaseQuantity(BigDecimal.ZERO)
                .period(new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
                .standardId(new ItemIdentifier("4012345678901", null))
                .classifications(List.of(new ItemClassification("123", " ", null)))
                .originCountry("Germany").attributes(List.of(new ItemAttribute("Colour", null))).build()).build();
        LineItem discountOnly = line("1", "10").details(LineDetails.builder().priceDiscount(BigDecimal.ONE)
                .period(new Period(null, null)).build()).build();
        LineItem grossPriced = LineItem.builder().name("x").quantity("1").grossPrice("12.2").tax("22")
                .details(LineDetails.builder().listPrice(BigDecimal.TEN).priceDiscount(new BigDecimal("-1")).build())
                .build();
        assertThatThrownBy(() -> calculate(DocumentType.INVOICE, good, bad, discountOnly, grossPriced))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactlyInAnyOrder(
                                tuple("items[1].price_base_quantity", "out_of_range"),
                                tuple("items[1].price", "conflict"),
                                tuple("items[1].period.end", "out_of_range"),
                                tuple("items[1].standard_id.scheme", "required"),
                                tuple("items[1].classifications[0].list_id", "required"),
                                tuple("items[1].origin_country", "invalid_value"),
                                tuple("items[1].attributes[0].value", "required"),
                                tuple("items[2].list_price", "required"),
                                tuple("items[2].period", "required"),
                                tuple("items[3].price_discount", "out_of_range"),
                                tuple("items[3].price", "required")));
    }

    @Test
    void calculate_consistentPriceDetails_areKeptOnTheCalculatedLine() {
        LineDetails details = LineDetails.builder().listPrice(new BigDecimal("10.00"))
                .priceDiscount(new BigDecimal("0.50")).note("n").build();
        Document d = calculate(DocumentType.INVOICE, line("2", "9.5").details(details).build());
        assertThat(d.items().get(0).details()).isEqualTo(details);
        assertThat(d.items().get(0).total()).isEqualByComparingTo("19.00");
    }
}
