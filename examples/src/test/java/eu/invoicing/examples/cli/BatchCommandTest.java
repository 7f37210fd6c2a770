package eu.invoicing.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.json.InvoicingJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {
    private static final String ITEM = "{\"items\":[{\"name\":\"Consulting\",\"quantity\":2,\"price\":100,"
            + "\"taxes\":[{\"rate\":22}]}]";

    private static List<JsonNode> lines(String out) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            nodes.add(InvoicingJson.parse(line));
        }
        return nodes;
    }

    @Test
    void batch_fullLifecycle_answersOneLinePerOperationAndResolvesReferences(@TempDir Path dir) throws Exception {
        String ops = String.join("\n",
                "{\"op\":\"create\",\"type\":\"invoice\",\"body\":" + ITEM + ",\"is_draft\":true}}",
                "{\"op\":\"next_number\",\"type\":\"invoice\"}",
                "{\"op\":\"update\",\"id\":\"$1\",\"body\":{\"note\":\"Thanks\",\"change_reason\":\"typo\"}}",
                "{\"op\":\"finalize\",\"id\":\"$1\"}",
                "{\"op\":\"update\",\"id\":\"$1\",\"body\":{\"note\":null}}",
                "{\"op\":\"versions\",\"id\":\"$1\"}",
                "{\"op\":\"version\",\"id\":\"$1\",\"version\":1}",
                "{\"op\":\"payment\",\"id\":\"$1\",\"body\":{\"amount\":44,\"type\":\"cash\"}}",
                "{\"op\":\"share\",\"id\":\"$1\"}",
                "{\"op\":\"shared\",\"token\":\"$9\"}",
                "{\"op\":\"delete\",\"id\":\"$1\"}",
                "{\"op\":\"list\",\"type\":\"invoice\",\"query\":{\"total\":{\"gte\":100}},\"order_by\":\"-date\","
                        + "\"limit\":5,\"include\":[\"payments\"]}",
                "{\"op\":\"not_exported\",\"type\":\"invoice\",\"system_id\":\"erp\"}",
                "{\"op\":\"mark_exported\",\"documents\":[{\"document_id\":\"$1\",\"system_id\":\"erp\","
                        + "\"note\":\"ok\"}]}",
                "{\"op\":\"not_exported\",\"type\":\"invoice\",\"system_id\":\"erp\"}",
                "{\"op\":\"convert\",\"id\":\"$1\",\"to\":\"credit_note\"}",
                "{\"op\":\"void\",\"id\":\"$16\",\"body\":{\"reason\":\"duplicate\"}}",
                "{\"op\":\"get\",\"id\":\"$1\"}",
                "{\"op\":\"unshare\",\"id\":\"$1\"}",
                "{\"op\":\"shared\",\"token\":\"$9\"}",
                "{\"op\":\"frobnicate\"}",
                "{\"op\":\"timeline\",\"id\":\"$1\"}");
        Path file = Files.writeString(dir.resolve("ops.jsonl"), ops);
        CalculateCommandTest.Run r = CalculateCommandTest.run("", "batch", file.toString(), "--now",
                "2026-03-15T10:00:00Z");
        List<JsonNode> out = lines(r.out());
        assertThat(out).hasSize(22);
        assertThat(out.get(0).get("is_draft").asBoolean()).isTrue();
        assertThat(out.get(1).get("number").asText()).isEqualTo("2026-00001");
        assertThat(out.get(2).get("note").asText()).isEqualTo("Thanks");
        assertThat(out.get(3).get("number").asText()).isEqualTo("2026-00001");
        assertThat(out.get(4).get("note").isNull()).isTrue();
        assertThat(out.get(5).get("count").asInt()).isEqualTo(2);
        assertThat(out.get(5).get("versions").get(0).get("version").asInt()).isEqualTo(2);
        assertThat(out.get(6).get("reason").asText()).isEqualTo("typo");
        // The reference writes every timestamp with milliseconds ("2025-01-14T15:00:00.000Z"), versions included.
        assertThat(out.get(6).get("created_at").asText()).isEqualTo("2026-03-15T10:00:00.000Z");
        assertThat(out.get(1).get("pt").isNull()).isTrue();
        assertThat(out.get(6).get("snapshot").get("is_draft").asBoolean()).isTrue();
        assertThat(out.get(7).get("total_paid").decimalValue()).isEqualByComparingTo("44");
        String token = out.get(8).get("shareable_id").asText();
        assertThat(out.get(9).get("id").asText()).isEqualTo(out.get(0).get("id").asText());
        assertThat(out.get(10).get("error").get("errors").get(0).get("code").asText()).isEqualTo("delete_draft_only");
        assertThat(out.get(11).get("data")).hasSize(1);
        assertThat(out.get(11).get("pagination").get("total").asInt()).isEqualTo(1);
        assertThat(out.get(12).get("invoices")).hasSize(1);
        assertThat(out.get(13).get("marked")).hasSize(1);
        assertThat(out.get(14).get("invoices")).isEmpty();
        assertThat(out.get(15).get("id").asText()).startsWith("cre_");
        assertThat(out.get(16).get("voided_at").isNull()).isFalse();
        assertThat(out.get(17).get("total_paid").decimalValue()).isEqualByComparingTo("44");
        assertThat(out.get(18).get("shareable_id").isNull()).isTrue();
        assertThat(out.get(19).get("error").get("type").asText()).isEqualTo("not_found");
        assertThat(out.get(20).get("error").get("errors").get(0).get("code").asText()).isEqualTo("unknown_operation");
        assertThat(out.get(21).get("timeline").get(0).get("type").asText()).isEqualTo("created");
        assertThat(out.get(21).get("timeline").get(0).get("at").asText()).isEqualTo("2026-03-15T10:00:00.000Z");
        assertThat(token).matches("[A-Za-z0-9_-]{22,}");
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void batch_stdinWithValidOperations_exitsZero() {
        String ops = "{\"op\":\"create\",\"type\":\"estimate\",\"body\":" + ITEM + "}}\n\n"
                + "{\"op\":\"convert\",\"id\":\"$1\",\"to\":\"invoice\"}\n"
                + "{\"op\":\"list\",\"type\":\"invoice\",\"include\":\"document_relations\"}\n";
        CalculateCommandTest.Run r = CalculateCommandTest.run(ops, "batch");
        List<JsonNode> out = lines(r.out());
        assertThat(out).hasSize(3);
        assertThat(out.get(0).get("number").asText()).isEqualTo(out.get(1).get("number").asText());
        assertThat(out.get(0).has("is_draft")).isFalse();
        assertThat(out.get(1).get("document_relations").get(0).get("relation_type").asText())
                .isEqualTo("converted_from");
        assertThat(out.get(2).get("data").get(0).get("document_relations")).hasSize(1);
        assertThat(r.exit()).isZero();
    }

    @Test
    void batch_badJsonAndBadReference_reportErrorsAndGoOn() {
        String ops = "not json\n{\"op\":\"finalize\",\"id\":\"$7\"}\n{\"op\":\"next_number\",\"type\":\"invoice\"}\n";
        CalculateCommandTest.Run r = CalculateCommandTest.run(ops, "batch");
        List<JsonNode> out = lines(r.out());
        assertThat(out.get(0).get("error").get("type").asText()).isEqualTo("validation_error");
        assertThat(out.get(1).get("error").get("errors").get(0).get("code").asText()).isEqualTo("unknown_reference");
        assertThat(out.get(2).has("number")).isTrue();
    }
}
