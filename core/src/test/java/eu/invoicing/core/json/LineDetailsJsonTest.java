package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.ItemAttribute;
import eu.invoicing.core.model.ItemClassification;
import eu.invoicing.core.model.ItemIdentifier;
import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EN 16931 line details on the wire: flat snake_case keys on the item, both ways. */
class LineDetailsJsonTest {

    private static final String LINE = "{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"items\":[{\"name\":\"Paper\",\"quantity\":2,\"price\":9.5,"
            + "\"list_price\":10,\"price_discount\":0.5,\"price_base_quantity\":12,"
            + "\"period\":{\"start\":\"2026-01-01\",\"end\":\"2026-01-31\"},\"note\":\"Deliver to gate 2\","
            + "\"order_line_reference\":\"3\",\"accounting_reference\":\"4010\",\"buyer_item_id\":\"B-77\","
            + "\"standard_id\":{\"id\":\"4012345678901\",\"scheme\":\"0160\"},"
            + "\"classifications\":[{\"code\":\"30197630-1\",\"list_id\":\"STI\",\"list_version\":\"2008\"}],"
            + "\"origin_country\":\"DE\",\"attributes\":[{\"name\":\"Colour\",\"value\":\"White\"}]}]}";

    @Test
    void readDocument_everyDetail_isReadIntoLineDetails() {
        LineDetails d = InvoicingJson.readDocument(LINE).items().get(0).details();
        assertThat(d.listPrice()).isEqualByComparingTo("10");
        assertThat(d.priceDiscount()).isEqualByComparingTo("0.5");
        assertThat(d.priceBaseQuantity()).isEqualByComparingTo("12");
        assertThat(d.period()).isEqualTo(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
        assertThat(d.note()).isEqualTo("Deliver to gate 2");
        assertThat(d.orderLineReference()).isEqualTo("3");
        assertThat(d.accountingReference()).isEqualTo("4010");
        assertThat(d.buyerItemId()).isEqualTo("B-77");
        assertThat(d.standardId()).isEqualTo(new ItemIdentifier("4012345678901", "0160"));
        assertThat(d.classifications()).containsExactly(new ItemClassification("30197630-1", "STI", "2008"));
        assertThat(d.originCountry()).isEqualTo("DE");
        assertThat(d.attributes()).containsExactly(new ItemAttribute("Colour", "White"));
    }

    @Test
    void writeDocument_thenRead_keepsTheDetails() {
        Document d = InvoicingJson.readDocument(LINE);
        String json = InvoicingJson.writeDocument(d);
        assertThat(json).contains("\"list_price\":10", "\"price_base_quantity\":12",
                "\"period\":{\"start\":\"2026-01-01\",\"end\":\"2026-01-31\"}", "\"standard_id\":{\"id\":\"4012345678901\"");
        assertThat(InvoicingJson.readDocument(json).items().get(0).details()).isEqualTo(d.items().get(0).details());
    }

    @Test
    void writeDocument_lineWithoutDetails_writesNoneOfTheirKeys() {
        Document d = InvoicingJson.readDocument("{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1}]}");
        assertThat(d.items().get(0).details()).isSameAs(LineDetails.EMPTY);
        assertThat(InvoicingJson.writeDocument(d)).doesNotContain("list_price", "period", "standard_id",
                "classifications", "attributes", "origin_country");
    }

    @Test
    void readDocument_badDetailValues_areReportedAtTheirPaths() {
        String bad = "{\"id\":\"inv_6595a27b5d35015c3ef0c3fe\",\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":1,\"price_base_quantity\":\"two\","
                + "\"period\":{\"start\":\"01.01.2026\",\"until\":\"x\"},\"standard_id\":[],"
                + "\"attributes\":[{\"name\":1}]}]}";
        assertThatThrownBy(() -> InvoicingJson.readDocument(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactlyInAnyOrder(tuple("items[0].price_base_quantity", "invalid_type"),
                                tuple("items[0].period.start", "invalid_date"),
                                tuple("items[0].period.until", "unknown_field"),
                                tuple("items[0].standard_id", "invalid_type"),
                                tuple("items[0].attributes[0].name", "invalid_type")));
    }

    @Test
    void lineDetails_builderWithNothing_isEmpty() {
        assertThat(LineDetails.builder().build()).isSameAs(LineDetails.EMPTY);
        assertThat(LineDetails.builder().priceBaseQuantity(BigDecimal.TEN).classifications(List.of()).build().isEmpty())
                .isFalse();
    }
}
