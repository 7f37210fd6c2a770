package eu.invoicing.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the list request: whatever the query JSON, ordering, limit and cursor, building and running the list
 * either works or fails with a {@link ValidationException} whose messages stay short; never another exception.
 */
class QueryFuzzProperties {
    private static final String ENTITY = "ent_fuzz";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> NAMES = List.of("id", "number", "date", "customer", "customer.name",
            "total", "total_with_tax", "items.name", "payments.type", "payments.date", "metadata", "metadata.erp",
            "created_at", "paid_in_full", "voided_at", "date_due", "date_valid_till", "document_relations.target_type",
            "nope", "", "metadata.", "items", "$where", "a".repeat(500));
    private static final List<String> OPERATORS = List.of("equals", "gte", "lte", "gt", "lt", "in", "notIn",
            "contains", "startsWith", "endsWith", "between", "regex", "", "GT");

    private final InMemoryDocumentStore store = filled();

    private static InMemoryDocumentStore filled() {
        InMemoryDocumentStore s = new InMemoryDocumentStore();
        for (int n = 1; n <= 5; n++) {
            s.save(Document.builder(DocumentType.INVOICE)
                    .id(new DocumentId(DocumentType.INVOICE, String.format("inv_%024d", n))).entityId(ENTITY)
                    .number(n == 3 ? null : "2026-0000" + n).date(LocalDate.of(2026, 1, n))
                    .customer(n == 2 ? null : Party.named("Customer " + n)).total(new BigDecimal(n * 10))
                    .totalWithTax(new BigDecimal(n * 12)).paidInFull(n % 2 == 0)
                    .item(LineItem.builder().name("Item " + n).quantity("1").price("10").build())
                    .metadata(n == 4 ? Map.of() : Map.of("erp", "E-" + n))
                    .createdAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n))
                    .updatedAt(Instant.parse("2026-01-02T00:00:00Z")).build());
        }
        return s;
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.of("2026-01-01", "2026-13-40", "2026-01-01T10:00:00Z", "2026-01-01T10:00:00+02:00",
                        "abc", "", "true", "false", "1e999999999", "-5", "10.5", "NaN", "E-1", "Ł€\u0000", "x".repeat(
                                5000), "9".repeat(200)).map(F::textNode),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-0.0"), BigDecimal.TEN,
                        new BigDecimal("12.345678901234567890")).map(F::numberNode),
                Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.just(F.nullNode()));
    }

    private static Arbitrary<JsonNode> values(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<JsonNode> arrays = values(depth - 1).list().ofMaxSize(4).map(l -> {
            ArrayNode a = F.arrayNode();
            l.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.of(OPERATORS).injectDuplicates(0.1)
                .flatMap(o -> Arbitraries.of(o, "erp", "nested")), values(depth - 1)).as(Map::entry).list()
                .ofMaxSize(3).map(l -> {
                    ObjectNode o = F.objectNode();
                    l.forEach(e -> o.set(e.getKey(), e.getValue()));
                    return o;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalars()), net.jqwik.api.Tuple.of(1, arrays),
                net.jqwik.api.Tuple.of(2, objects));
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> structured = Combinators.combine(Arbitraries.of(NAMES), values(3)).as(Map::entry).list()
                .ofMaxSize(4).map(l -> {
                    ObjectNode o = F.objectNode();
                    l.forEach(e -> o.set(e.getKey(), e.getValue()));
                    return o.toString();
                });
        Arbitrary<String> cut = structured.flatMap(s -> Arbitraries.integers().between(0, s.length())
                .map(i -> s.substring(0, i)));
        Arbitrary<String> junk = Arbitraries.strings().withChars("{}[]\":,.-0123456789aeflnrstu ").ofMaxLength(40);
        return Arbitraries.oneOf(structured, structured, cut, junk, Arbitraries.of("[]", "null", "42", "\"x\"",
                "{\"total\": {}}", "{\"metadata\": {}}", "[".repeat(5000), "{\"a\":".repeat(3000)));
    }

    @Provide
    Arbitrary<String> orderings() {
        return Arbitraries.oneOf(Arbitraries.of(NAMES).map(n -> n).list().ofMaxSize(3)
                .map(l -> String.join(",", l)), Arbitraries.of("-date", "total,-number", "-", ",,", "date,date",
                        "items.name", String.join(",", java.util.Collections.nCopies(5000, "x"))),
                Arbitraries.just((String) null));
    }

    @Provide
    Arbitrary<String> cursors() {
        Arbitrary<String> tampered = Combinators.combine(Arbitraries.of("date,id", "-created_at,id", "total,id",
                "paid_in_full,id", "x"), Arbitraries.of("n", "p", "?"), values(2).list().ofMaxSize(3))
                .as((o, d, k) -> {
                    ObjectNode root = F.objectNode();
                    root.put("o", o);
                    root.put("d", d);
                    ArrayNode keys = root.putArray("k");
                    k.forEach(keys::add);
                    return Base64.getUrlEncoder().withoutPadding().encodeToString(
                            root.toString().getBytes(StandardCharsets.UTF_8));
                });
        return Arbitraries.oneOf(tampered, Arbitraries.strings().ofMaxLength(30), Arbitraries.just((String) null));
    }

    @Property(tries = 200)
    void list_withAnyRequest_worksOrIsAValidationError(@ForAll("queries") String query,
            @ForAll("orderings") String orderBy, @ForAll("cursors") String cursor,
            @ForAll("limits") Integer limit, @ForAll boolean backwards) {
        try {
            DocumentQuery.Builder b = DocumentQuery.builder().query(query).orderBy(orderBy).limit(limit)
                    .search(query.length() < 50 ? query : null);
            if (backwards) {
                b.prevCursor(cursor);
            } else {
                b.nextCursor(cursor);
            }
            Page<Document> page = store.list(ENTITY, DocumentType.INVOICE, b.build());
            assertThat(page.data().size()).isLessThanOrEqualTo(limit == null ? 10 : limit);
        } catch (ValidationException e) {
            for (Violation v : e.violations()) {
                assertThat(v.message().length()).as(v.message()).isLessThan(700);
                assertThat(v.path().length()).isLessThan(120);
            }
        }
    }

    @Provide
    Arbitrary<Integer> limits() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 120), Arbitraries.of(Integer.MIN_VALUE,
                Integer.MAX_VALUE), Arbitraries.just((Integer) null));
    }

    @Example
    void parse_deeplyNestedJson_isAValidationError() {
        for (String deep : List.of("[".repeat(100_000), "{\"total\":".repeat(100_000),
                "{\"total\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}")) {
            try {
                QueryParser.parse(deep);
            } catch (ValidationException e) {
                assertThat(e.violations()).isNotEmpty();
                continue;
            }
            throw new AssertionError("accepted a deeply nested query");
        }
    }

    @Example
    void parse_programmaticDeepJsonNode_isAValidationErrorWithAShortMessage() {
        JsonNode deep = F.arrayNode();
        for (int i = 0; i < 100_000; i++) {
            ArrayNode outer = F.arrayNode();
            outer.add(deep);
            deep = outer;
        }
        ObjectNode root = F.objectNode();
        root.set("total", F.objectNode().set("in", deep));
        List<Object> outcome = new ArrayList<>();
        try {
            QueryParser.parse(root);
        } catch (ValidationException e) {
            outcome.add(e.violations().get(0).message());
        }
        assertThat(outcome).singleElement().asString().hasSizeLessThan(200);
        try {
            QueryParser.parse(deep);
        } catch (ValidationException e) {
            assertThat(e.getMessage()).hasSizeLessThan(200);
            return;
        }
        throw new AssertionError("accepted an array as a query");
    }
}
