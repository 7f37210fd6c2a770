package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.model.Entity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The batch operations that follow the reference where they used to ignore or refuse its payloads. */
class BatchFidelityTest {
    private BatchRunner runner;
    private int line;

    @BeforeEach
    void setUp() {
        runner = new BatchRunner(Invoicing.builder().clock(Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"),
                ZoneOffset.UTC)).build(), Entity.sampleSlovenian());
        line = 0;
    }

    private JsonNode apply(String op) {
        return InvoicingJson.parse(runner.apply(++line, op));
    }

    private static String invoice(String customer, String price) {
        return "{\"op\":\"create\",\"type\":\"invoice\",\"body\":{\"customer\":{\"name\":\"" + customer + "\"},"
                + "\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":" + price + "}]}}";
    }

    /** Reference (list): "Sort by one field or provide a repeated array for multi-column ordering." */
    @Test
    void list_orderByArray_sortsByEveryColumn() {
        apply(invoice("Beta", "10"));
        apply(invoice("Alpha", "30"));
        apply(invoice("Beta", "20"));
        JsonNode page = apply("{\"op\":\"list\",\"type\":\"invoice\",\"order_by\":[\"customer.name\",\"-total\"]}");
        List<String> got = new ArrayList<>();
        page.get("data").forEach(d -> got.add(d.get("customer").get("name").asText() + " " + d.get("total").asText()));
        assertThat(got).containsExactly("Alpha 30.00", "Beta 20.00", "Beta 10.00");
    }

    @Test
    void list_orderByArrayWithNonString_isRefusedAtItsIndex() {
        JsonNode r = apply("{\"op\":\"list\",\"type\":\"invoice\",\"order_by\":[\"date\",1]}");
        assertThat(r.get("error").get("errors").get(0).get("path").asText()).isEqualTo("order_by[1]");
    }

    /** Reference (create): "customer_id: Referenced Customer ID." */
    @Test
    void customerOperations_createGetUpdateListAndCustomerIdResolves() {
        JsonNode c = apply("{\"op\":\"customer_create\",\"body\":{\"name\":\"Acme d.o.o.\",\"city\":\"Koper\","
                + "\"tax_number\":\"SI11111111\"}}");
        assertThat(c.get("id").asText()).startsWith("cus_");
        assertThat(c.get("entity_id").asText()).isEqualTo(Entity.sampleSlovenian().id());
        JsonNode inv = apply("{\"op\":\"create\",\"type\":\"invoice\",\"body\":{\"customer_id\":\""
                + c.get("id").asText() + "\","
                + "\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":10}]}}");
        assertThat(inv.get("customer_id").asText()).isEqualTo(c.get("id").asText());
        assertThat(inv.get("customer").get("city").asText()).isEqualTo("Koper");
        JsonNode updated = apply("{\"op\":\"customer_update\",\"id\":\"$1\",\"body\":{\"name\":\"Acme d.o.o.\","
                + "\"city\":\"Ljubljana\"}}");
        assertThat(updated.get("city").asText()).isEqualTo("Ljubljana");
        assertThat(apply("{\"op\":\"customer_get\",\"id\":\"$1\"}").get("city").asText()).isEqualTo("Ljubljana");
        assertThat(apply("{\"op\":\"customer_list\",\"search\":\"acme\"}").get("data")).hasSize(1);
        assertThat(apply("{\"op\":\"customer_list\",\"search\":\"nobody\"}").get("data")).isEmpty();
        assertThat(apply("{\"op\":\"customer_get\",\"id\":\"cus_ffffffffffffffffffffffff\"}").get("error")
                .get("type").asText()).isEqualTo("not_found");
    }

    /**
     * Reference (create): "If only customer is provided, the system checks for duplicates by tax_number or
     * name."
     */
    @Test
    void create_saveCustomer_insertsOnceThenMatches() {
        String body = "{\"op\":\"create\",\"type\":\"invoice\",\"body\":{\"save_customer\":true,\"customer\":{"
                + "\"name\":\"Gamma\"},\"items\":[{\"name\":\"x\",\"quantity\":1,\"price\":10}]}}";
        JsonNode a = apply(body);
        JsonNode b = apply(body);
        assertThat(a.get("customer_id").asText()).startsWith("cus_").isEqualTo(b.get("customer_id").asText());
        assertThat(apply("{\"op\":\"customer_list\"}").get("data")).hasSize(1);
    }

    /** Reference (PATCH body parameters): "linked_documents array of strings optional". */
    @Test
    void update_linkedDocuments_appliesThePaidAdvance() {
        JsonNode adv = apply("{\"op\":\"create\",\"type\":\"advance_invoice\",\"body\":{\"items\":[{\"name\":\"x\",\"quantity\":1,"
                + "\"price\":100}]}}");
        apply("{\"op\":\"payment\",\"id\":\"$1\",\"body\":{\"amount\":100,\"type\":\"bank_transfer\"}}");
        apply(invoice("Acme", "300"));
        JsonNode after = apply("{\"op\":\"update\",\"id\":\"$3\",\"body\":{\"linked_documents\":[\""
                + adv.get("id").asText() + "\"]}}");
        assertThat(after.has("error")).as(after.toString()).isFalse();
        assertThat(after.get("total_paid").decimalValue()).isEqualByComparingTo("100");
    }
}
