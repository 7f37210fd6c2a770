package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.calc.CalculationOptions;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentRequest;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Fuzzes the JSON entry point (read a request, calculate it) with mutated valid requests: nothing but
 * {@link ValidationException} may escape.
 */
class JsonFuzzTest {
    private static final CalculationEngine ENGINE = CalculationEngine.withDefaults();
    private static final Entity ENTITY = Entity.sampleSlovenian();
    private static final List<String> SEEDS = List.of(
            "{\"items\":[{\"name\":\"Web Development\",\"quantity\":10,\"price\":100,\"taxes\":[{\"rate\":22}]}]}",
            "{\"date\":\"2026-03-01\",\"currency_code\":\"USD\",\"exchange_rate\":{\"rate\":0.92,\"source\":\"ECB\"},"
                    + "\"customer\":{\"name\":\"Acme\",\"country_code\":\"DE\",\"tax_number\":\"DE123456789\"},"
                    + "\"items\":[{\"name\":\"A\",\"quantity\":2.5,\"gross_price\":12.2,\"taxes\":[{\"rate\":22}],"
                    + "\"discounts\":[{\"value\":10,\"type\":\"percent\"},{\"value\":1,\"type\":\"amount\"}]},"
                    + "{\"name\":\"S\",\"type\":\"separator\"}],\"metadata\":{\"k\":\"v\"},\"expected_total_with_tax\":26.3}",
            "{\"calculation_mode\":\"b2c_gross_discount\",\"creation_source\":\"custom\",\"total\":850,\"total_with_tax\":1037,"
                    + "\"taxes\":[{\"rate\":22,\"base\":850,\"amount\":187}],\"items\":[{\"name\":\"x\",\"quantity\":1,"
                    + "\"price\":850,\"total\":850,\"total_with_tax\":1037,\"taxes\":[{\"rate\":22}]}],"
                    + "\"payments\":[{\"amount\":100,\"type\":\"cash\"}]}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 10_000)
    void readAndCalculate_mutatedValidRequest_onlyValidationExceptionEscapes(@ForAll @IntRange(max = 2) int seed,
            @ForAll long randomSeed, @ForAll @IntRange(min = 1, max = 4) int mutations, @ForAll boolean asText) {
        Random random = new Random(randomSeed);
        JsonNode tree = InvoicingJson.parse(SEEDS.get(seed));
        for (int i = 0; i < mutations; i++) {
            tree = mutate(tree, random);
        }
        String text = tree.toString();
        if (asText) {
            text = mutateText(text, random);
        }
        DocumentType type = DocumentType.values()[random.nextInt(DocumentType.values().length)];
        try {
            DocumentRequest request = InvoicingJson.readRequest(text, type);
            ENGINE.calculate(request.draft().values(), ENTITY, CalculationOptions.expecting(request.expectedTotalWithTax()));
        } catch (ValidationException expected) {
            assertThat(expected.violations()).isNotEmpty();
        }
    }

    @Property(tries = 3_000)
    void readEntity_mutatedEntity_onlyValidationExceptionEscapes(@ForAll long randomSeed,
            @ForAll @IntRange(min = 1, max = 4) int mutations, @ForAll boolean asText) {
        Random random = new Random(randomSeed);
        JsonNode tree = InvoicingJson.parse(ENTITY_JSON);
        for (int i = 0; i < mutations; i++) {
            tree = mutate(tree, random);
        }
        String text = asText ? mutateText(tree.toString(), random) : tree.toString();
        try {
            Entity entity = InvoicingJson.readEntity(text);
            assertThat(InvoicingJson.readEntity(InvoicingJson.writeEntity(entity))).isEqualTo(entity);
        } catch (ValidationException expected) {
            assertThat(expected.violations()).isNotEmpty();
        }
    }

    @Property(tries = 3_000)
    void readDocument_mutatedStoredDocument_onlyValidationExceptionEscapes(@ForAll @IntRange(max = 2) int seed,
            @ForAll long randomSeed, @ForAll @IntRange(min = 1, max = 4) int mutations, @ForAll boolean asText,
            @ForAll boolean throughHostMapper) throws Exception {
        Random random = new Random(randomSeed);
        JsonNode tree = InvoicingJson.parse(STORED.get(seed));
        for (int i = 0; i < mutations; i++) {
            tree = mutate(tree, random);
        }
        String text = asText ? mutateText(tree.toString(), random) : tree.toString();
        try {
            // A host's plain mapper with the module: reading must follow the same rules and fail the same way.
            var document = throughHostMapper && !text.isBlank() ? HOST.readValue(text, Document.class)
                    : InvoicingJson.readDocument(text);
            document.currency();
            InvoicingJson.writeDocument(document);
        } catch (ValidationException expected) {
            assertThat(expected.violations()).isNotEmpty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException hostParser) {
            // Through a host's mapper, malformed *text* is reported by the host's own parser, as Jackson's
            // readValue contract says; it must be text our reader also refuses as malformed JSON.
            assertThat(throughHostMapper).as("only a host mapper reports Jackson's parse errors").isTrue();
            assertThatThrownBy(() -> InvoicingJson.readDocument(text)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.violations()).extracting(v -> v.code()).contains("malformed_json"));
        }
    }

    private static final ObjectMapper HOST = new ObjectMapper().registerModule(InvoicingJson.module());
    private static final String ENTITY_JSON = InvoicingJson.writeEntity(ENTITY);
    private static final List<String> STORED = SEEDS.stream().map(json -> {
        DocumentRequest request = InvoicingJson.readRequest(json, DocumentType.INVOICE);
        var calculated = ENGINE.calculate(request.draft().values(), ENTITY);
        return InvoicingJson.writeDocument(calculated.toBuilder()
                .id(eu.invoicing.core.model.DocumentId.parse("inv_6595a27b5d35015c3ef0c3fe")).build());
    }).toList();

    private static String mutateText(String text, Random random) {
        if (text.isEmpty()) {
            return text;
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + "{[\":,1e999".charAt(random.nextInt(10)) + text.substring(at);
            default -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
        };
    }

    /** Replaces, removes or adds one value somewhere in the tree. */
    private static JsonNode mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int action = random.nextInt(3);
            if (names.isEmpty() || action == 0) {
                object.set(names.isEmpty() || random.nextBoolean() ? "unknown_" + random.nextInt(5)
                        : names.get(random.nextInt(names.size())), randomValue(random));
            } else if (action == 1) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(names.get(random.nextInt(names.size())), randomValue(random));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(randomValue(random));
            } else {
                array.set(random.nextInt(array.size()), randomValue(random));
            }
        }
        return root;
    }

    /** Each container once per child (and once more), so that every field is about as likely to change. */
    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            for (int i = 0; i <= node.size(); i++) {
                out.add(node);
            }
            node.forEach(child -> collect(child, out));
        }
    }

    private static JsonNode randomValue(Random random) {
        return switch (random.nextInt(13)) {
            case 12 -> NODES.textNode("eur");
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.textNode("x".repeat(random.nextInt(300)));
            case 3 -> NODES.numberNode(new java.math.BigDecimal("-1"));
            case 4 -> NODES.numberNode(new java.math.BigDecimal("1E+30"));
            case 5 -> NODES.numberNode(new java.math.BigDecimal("0.00000000000001"));
            case 6 -> NODES.numberNode(random.nextInt(200));
            case 7 -> NODES.booleanNode(random.nextBoolean());
            case 8 -> NODES.arrayNode().add(NODES.objectNode());
            case 9 -> NODES.objectNode().put("rate", random.nextInt(30));
            case 10 -> NODES.textNode("2026-02-30");
            default -> NODES.numberNode(new java.math.BigDecimal("123456789012345678901234567890.5"));
        };
    }
}
