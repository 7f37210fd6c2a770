package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.testing.JsonTrees;
import eu.invoicing.core.testing.ReferenceExamples;
import eu.invoicing.core.testing.ReferenceExamples.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every JSON example object of the reference parses into the model and writes back to an equal tree. */
class ReferenceRoundTripTest {

    static Stream<Example> documentExamples() {
        return ReferenceExamples.all().stream().filter(e -> !documentsIn(e.json()).isEmpty());
    }

    /** The document objects an example holds: itself, list data, version snapshots. */
    static List<JsonNode> documentsIn(JsonNode json) {
        List<JsonNode> docs = new ArrayList<>();
        if (isDocument(json)) {
            docs.add(json);
        }
        json.path("data").forEach(d -> {
            if (isDocument(d)) {
                docs.add(d);
            }
        });
        json.path("versions").forEach(v -> docs.add(v.path("snapshot")));
        if (json.has("snapshot")) {
            docs.add(json.get("snapshot"));
        }
        return docs;
    }

    private static boolean isDocument(JsonNode n) {
        return n.isObject() && n.path("id").isTextual() && DocumentType.ofId(n.path("id").asText()).isPresent()
                && n.has("items");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentExamples")
    void readDocument_referenceExample_writesBackAnEqualTree(Example example) {
        for (JsonNode original : documentsIn(example.json())) {
            Document document = InvoicingJson.readDocument(original, null);
            JsonNode written = InvoicingJson.toTree(document);
            assertThat(JsonTrees.equalByValue(original, written))
                    .as("%s%nexpected %s%nwritten  %s", example, original, written).isTrue();
        }
    }

    @Test
    void readDocument_calculationResponseExample_writesBackAnEqualTree() {
        List<Example> calculations = ReferenceExamples.all().stream()
                .filter(e -> e.json().has("items") && !e.json().has("id") && e.json().has("total_discount")).toList();
        assertThat(calculations).isNotEmpty();
        for (Example example : calculations) {
            Document document = InvoicingJson.readDocument(example.json(), DocumentType.INVOICE);
            JsonNode written = InvoicingJson.calculationTree(document);
            assertThat(JsonTrees.equalByValue(example.json(), written))
                    .as("%s%nexpected %s%nwritten  %s", example, example.json(), written).isTrue();
        }
    }

    @Test
    void referenceExamples_coverEveryKindWithADocument() {
        List<String> prefixes = documentExamples().flatMap(e -> documentsIn(e.json()).stream())
                .map(n -> n.path("id").asText().substring(0, 4)).distinct().sorted().toList();
        assertThat(prefixes).contains("adv_", "cre_", "est_");
        assertThat(documentExamples().count()).isGreaterThanOrEqualTo(25);
    }
}
