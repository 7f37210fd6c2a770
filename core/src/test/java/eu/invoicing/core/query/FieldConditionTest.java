package eu.invoicing.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.model.DocumentType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A condition built in code is checked like a parsed one: field, type, operator and operands. */
class FieldConditionTest {
    private static void assertRefused(Runnable build, String path, String code) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo(path);
                    assertThat(v.code()).isEqualTo(code);
                }));
    }

    @Test
    void new_withOperandsOfAnotherTypeThanTheField_isRefused() {
        assertRefused(() -> new FieldCondition("total", FieldType.DECIMAL, Operator.GT, List.of("abc")),
                "query.total.gt", "invalid_value");
        assertRefused(() -> new FieldCondition("total", FieldType.STRING, Operator.EQUALS, List.of("1")),
                "query.total", "invalid_type");
        assertRefused(() -> new FieldCondition("nope", FieldType.STRING, Operator.EQUALS, List.of("1")),
                "query.nope", "unknown_field");
        assertRefused(() -> new FieldCondition("total", FieldType.DECIMAL, Operator.BETWEEN,
                List.of(BigDecimal.ONE)), "query.total.between", "invalid_value");
        assertRefused(() -> new FieldCondition("total", FieldType.DECIMAL, Operator.CONTAINS,
                List.of(BigDecimal.ONE)), "query.total.contains", "operator_not_applicable");
        assertRefused(() -> new FieldCondition("number", FieldType.STRING, Operator.GT, Arrays.asList((Object) null)),
                "query.number.gt", "invalid_value");
        assertRefused(() -> new FieldCondition("number", FieldType.STRING, Operator.EQUALS, List.of()),
                "query.number", "invalid_value");
    }

    @Test
    void list_withAProgrammaticConditionOfTheWrongType_neverReachesTheStore() {
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        assertThatThrownBy(() -> store.list("ent_x", DocumentType.INVOICE, DocumentQuery.builder()
                .filter(new FieldCondition("date", FieldType.DATE, Operator.LT, List.of("2026-01-01"))).build()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void allOf_nested_isFlattenedSoDeepTreesCannotOverflow() {
        Condition c = new FieldCondition("number", FieldType.STRING, Operator.EQUALS, List.of("1"));
        for (int i = 0; i < 100_000; i++) {
            c = new AllOf(List.of(c));
        }
        assertThat(((AllOf) c).conditions()).singleElement().isInstanceOf(FieldCondition.class);
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        assertThat(store.list("ent_x", DocumentType.INVOICE, DocumentQuery.builder().filter(c).build()).data())
                .isEmpty();
    }
}
