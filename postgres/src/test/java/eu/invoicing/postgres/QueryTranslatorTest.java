package eu.invoicing.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.query.DocumentQuery;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Which filtered pages the translator chooses in two steps, and which days a loose index scan of a date range
 * ordered by number reads (docs/postgres.md, Query plans).
 */
class QueryTranslatorTest {
    private static DocumentQuery query(String filter, String order) {
        return DocumentQuery.builder().query(filter).orderBy(order).build();
    }

    private static boolean twoSteps(String filter, String order) {
        DocumentQuery q = query(filter, order);
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

    private static long[] days(String filter, String order) {
        DocumentQuery q = query(filter, order);
        return QueryTranslator.daysByNumber(q.filter(), q.order());
    }

    @Test
    void aDateRangeOrderedByNumber_itsEpochDays() {
        long june1 = LocalDate.of(2025, 6, 1).toEpochDay();
        assertThat(days("{\"date\":{\"gte\":\"2025-06-01\",\"lte\":\"2025-06-30\"}}", "number"))
                .containsExactly(june1, june1 + 29);
        assertThat(days("{\"date\":{\"gt\":\"2025-06-01\",\"lt\":\"2025-06-30\"},\"total\":{\"gte\":1}}", "-number"))
                .containsExactly(june1 + 1, june1 + 28);
        assertThat(days("{\"date\":{\"between\":[\"2025-06-01\",\"2025-06-30\"]},\"number\":{\"gte\":\"A\"}}",
                "number,-total")).containsExactly(june1, june1 + 29);
        assertThat(days("{\"date\":\"2025-06-01\"}", "number")).containsExactly(june1, june1);
    }

    @Test
    void anEmptyDateRange_noDay() {
        long[] none = days("{\"date\":{\"gt\":\"2025-06-01\",\"lt\":\"2025-06-02\"}}", "number");
        assertThat(none[0]).isGreaterThan(none[1]);
    }

    @Test
    void aRangeOpenOnOneSide_orAnotherOrder_noDays() {
        assertThat(days("{\"date\":{\"gte\":\"2025-06-01\"}}", "number")).isNull();
        assertThat(days("{\"date\":{\"in\":[\"2025-06-01\"]}}", "number")).isNull();
        assertThat(days("{\"date\":{\"gte\":\"2025-06-01\",\"lte\":\"2025-06-30\"}}", "-date")).isNull();
        assertThat(days("{\"date\":{\"gte\":\"2025-06-01\",\"lte\":\"2025-06-30\"}}", "total,number")).isNull();
    }
}
