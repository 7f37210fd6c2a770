package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.model.Entity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchRunnerTest {
    private static final String CREATE = "{\"op\":\"create\",\"type\":\"invoice\",\"body\":{\"items\":[{\"name\":"
            + "\"Consulting\",\"quantity\":2,\"price\":100,\"taxes\":[{\"rate\":22}]}]}}";

    private BatchRunner runner;
    private int line;

    @BeforeEach
    void setUp() {
        runner = new BatchRunner(Invoicing.builder().clock(Clock.fixed(Instant.parse("2026-03-15T10:00:00Z"),
                ZoneOffset.UTC)).build(), Entity.sampleSlovenian());
        line = 0;
        assertThat(apply(CREATE).has("id")).isTrue();
        assertThat(apply(CREATE).has("id")).isTrue();
    }

    private JsonNode apply(String op) {
        return InvoicingJson.parse(runner.apply(++line, op));
    }

    private static JsonNode onlyError(JsonNode result) {
        assertThat(result.has("error")).as(result.toString()).isTrue();
        assertThat(result.get("error").get("type").asText()).isEqualTo("validation_error");
        JsonNode errors = result.get("error").get("errors");
        assertThat(errors).as(result.toString()).hasSize(1);
        return errors.get(0);
    }

    @Test
    void apply_fractionalVersion_refusedNotTruncated() {
        JsonNode e = onlyError(apply("{\"op\":\"version\",\"id\":\"$1\",\"version\":1.5}"));
        assertThat(e.get("path").asText()).isEqualTo("version");
        assertThat(e.get("code").asText()).isEqualTo("invalid_type");
        assertThat(e.get("message").asText()).isEqualTo("must be an integer, was 1.5");
    }

    @Test
    void apply_fractionalLimit_refusedNotTruncated() {
        JsonNode e = onlyError(apply("{\"op\":\"list\",\"type\":\"invoice\",\"limit\":1.7}"));
        assertThat(e.get("path").asText()).isEqualTo("limit");
        assertThat(e.get("message").asText()).isEqualTo("must be an integer, was 1.7");
        assertThat(apply("{\"op\":\"list\",\"type\":\"invoice\",\"limit\":1}").get("data")).hasSize(1);
    }

    @Test
    void apply_severalBadFieldsInOneLine_everyOneReportedAtOnce() {
        JsonNode result = apply("{\"op\":\"list\",\"limit\":10.5,\"deleted\":\"yes\",\"limt\":5}");
        assertThat(result.get("error").get("type").asText()).isEqualTo("validation_error");
        assertThat(result.get("error").get("errors")).extracting(e -> e.get("path").asText() + ":" + e.get("code").asText())
                .containsExactlyInAnyOrder("type:required", "limit:invalid_type", "deleted:invalid_type",
                        "limt:unknown_field");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"op\":\"version\",\"id\":\"$1\",\"version\":0}|version|out_of_range",
            "{\"op\":\"version\",\"id\":\"$1\",\"version\":-2}|version|out_of_range",
            "{\"op\":\"version\",\"id\":\"$1\",\"version\":\"1\"}|version|invalid_type",
            "{\"op\":\"version\",\"id\":\"$1\",\"version\":1e3}|version|invalid_type",
            "{\"op\":\"version\",\"id\":\"$1\",\"version\":99999999999}|version|out_of_range",
            "{\"op\":\"version\",\"id\":\"$1\"}|version|required",
            "{\"op\":\"list\",\"type\":\"invoice\",\"limit\":\"5\"}|limit|invalid_type",
            "{\"op\":\"list\",\"type\":\"invoice\",\"limit\":0}|limit|out_of_range",
            "{\"op\":\"list\",\"type\":\"invoice\",\"limit\":10.0}|limit|invalid_type",
            "{\"op\":\"list\",\"type\":\"invoice\",\"deleted\":\"yes\"}|deleted|invalid_type",
            "{\"op\":\"list\",\"type\":\"invoice\",\"include_total_count\":1}|include_total_count|invalid_type",
            "{\"op\":\"list\",\"type\":\"invoice\",\"include\":[1]}|include[0]|invalid_type",
            "{\"op\":\"list\",\"type\":\"invoice\",\"order_by\":{\"date\":1}}|order_by|invalid_type",
            "{\"op\":\"list\",\"type\":\"invoice\",\"limt\":5}|limt|unknown_field",
            "{\"op\":\"not_exported\",\"type\":\"invoice\",\"include_non_booked\":1.5}|include_non_booked|invalid_type",
            "{\"op\":\"not_exported\",\"type\":\"invoice\",\"include_non_booked\":2}|include_non_booked|out_of_range",
            "{\"op\":\"not_exported\",\"type\":\"invoice\",\"include_drafts\":\"true\"}|include_drafts|invalid_type",
            "{\"op\":\"convert\",\"id\":\"$1\",\"to\":\"credit_note\",\"is_draft\":1}|is_draft|invalid_type",
            "{\"op\":\"void\",\"id\":\"$1\",\"body\":{\"reason\":\"x\",\"has_original_document\":\"no\"}}"
                    + "|body.has_original_document|invalid_type",
            "{\"op\":\"get\",\"id\":5}|id|invalid_type",
            "{\"op\":\"get\",\"id\":\"$1.5\"}|id|invalid_reference",
            "{\"op\":\"get\",\"id\":\"$0\"}|id|invalid_reference",
            "{\"op\":\"shared\",\"token\":\"$50\"}|token|unknown_reference",
            "{\"op\":\"get\",\"id\":\"$1\",\"user\":\"me\"}|user|invalid_type",
            "{\"op\":\"mark_exported\",\"documents\":[{\"document_id\":\"$9\"}]}|documents[0].document_id|unknown_reference",
            "{\"op\":\"mark_exported\",\"documents\":[\"$1\"]}|documents[0]|invalid_type",
    })
    void apply_wronglyTypedOrOutOfRangeField_validationErrorNamingThePath(String op, String path, String code) {
        JsonNode e = onlyError(apply(op));
        assertThat(e.get("path").asText()).as(e.toString()).isEqualTo(path);
        assertThat(e.get("code").asText()).as(e.toString()).isEqualTo(code);
    }

    @Test
    void apply_integralValues_accepted() {
        assertThat(apply("{\"op\":\"update\",\"id\":\"$1\",\"body\":{\"note\":\"Thanks\"}}").has("id")).isTrue();
        assertThat(apply("{\"op\":\"version\",\"id\":\"$1\",\"version\":1}").get("version").asInt()).isEqualTo(1);
        assertThat(apply("{\"op\":\"not_exported\",\"type\":\"invoice\",\"system_id\":\"erp\",\"include_non_booked\":1}").get("invoices"))
                .hasSize(2);
        assertThat(apply("{\"op\":\"list\",\"type\":\"invoice\",\"include\":\"payments, document_relations\","
                + "\"deleted\":false,\"include_total_count\":true}").get("pagination").get("total").asInt())
                .isEqualTo(2);
    }
}
