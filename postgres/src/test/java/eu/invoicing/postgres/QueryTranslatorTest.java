package eu.invoicing.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.query.DocumentQuery;
import org.junit.jupiter.api.Test;

/** Which filtered pages the translator chooses in two steps (docs/postgres.md, "Filtered and sorted pages"). */
class QueryTranslatorTest {
    private static boolean twoSteps(String filter, String order) {
        DocumentQuery q = DocumentQuery.builder().query(filter).orderBy(order).build();
        return QueryTranslator.rangeBeyondOrder(q.filter(), q.order());
    }

    @Test
    void aSargableTestOnAQueryColumnOtherThanTheOrderingsFirst_twoSteps() {
        assertThat(twoSteps("{\"date\":{\"gte\":\"2025-06-01\",\"lte\":\"2025-06-30\"}}", "number")).isTrue();
        assertThat(twoSteps("{\"total\":{\"gte\":900}}", "-date")).isTrue();
        assertThat(twoSteps("{\"customer.name\":\"Kupec 7 d.o.o.\"}", "-date")).isTrue();
        assertThat(twoSteps("{\"total\":{\"in\":[1,2]},\"date\":{\"gte\":\"2025-06-01\"}}", "date")).isTrue();
    }

    @Test
    void noFilter_orOnlyTheOrderingsFirstField_orNotSargable_oneStatement() {
        assertThat(twoSteps("{}", "-date")).isFalse();
        assertThat(twoSteps("{\"date\":{\"gte\":\"2025-06-01\"}}", "date")).isFalse();
        assertThat(twoSteps("{\"total\":{\"notIn\":[1]}}", "-date")).isFalse();
        assertThat(twoSteps("{\"total\":null}", "-date")).isFalse();
    }

    @Test
    void aTestOutsideTheQueryColumns_oneStatement() {
        // A text operator, a metadata key and a multi-valued field read the row: the walk would not be index-only.
        assertThat(twoSteps("{\"total\":{\"gte\":900},\"customer.name\":{\"contains\":\"kupec\"}}", "-date")).isFalse();
        assertThat(twoSteps("{\"total\":{\"gte\":900},\"metadata.erp\":\"42\"}", "-date")).isFalse();
        assertThat(twoSteps("{\"total\":{\"gte\":900},\"items.name\":\"x\"}", "-date")).isFalse();
    }
}
