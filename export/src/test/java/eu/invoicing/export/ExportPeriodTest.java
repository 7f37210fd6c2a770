package eu.invoicing.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExportPeriodTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    @Test
    void of_exactlyOneYear_accepted() {
        assertThat(ExportPeriod.of(JAN_1, LocalDate.of(2024, 12, 31)).contains(LocalDate.of(2024, 12, 31))).isTrue();
        assertThat(ExportPeriod.of(JAN_1, LocalDate.of(2025, 1, 1)).to()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(ExportPeriod.of(JAN_1, JAN_1).contains(JAN_1)).isTrue();
    }

    @Test
    void of_longerThanOneYear_rejectedNamingDateTo() {
        assertThatThrownBy(() -> ExportPeriod.of(JAN_1, LocalDate.of(2025, 1, 2)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("date_to", "range_too_long")));
    }

    @Test
    void of_reversed_rejected() {
        assertThatThrownBy(() -> ExportPeriod.of(LocalDate.of(2024, 2, 1), JAN_1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code).containsExactly("before_date_from"));
    }

    @Test
    void of_bothMissing_reportsBothFields() {
        assertThatThrownBy(() -> ExportPeriod.of(null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("date_from", "date_to"));
    }

    @Test
    void optional_noneOrOneEnd_emptyOrRequiresOther() {
        assertThat(ExportPeriod.optional(null, null)).isNull();
        assertThatThrownBy(() -> ExportPeriod.optional(JAN_1, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("date_to"));
    }

    @Test
    void contains_boundsInclusiveNullNever() {
        ExportPeriod june = ExportPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));
        assertThat(june.contains(LocalDate.of(2024, 5, 31))).isFalse();
        assertThat(june.contains(LocalDate.of(2024, 6, 30))).isTrue();
        assertThat(june.contains(null)).isFalse();
    }

    @Test
    void formatParse_unknown_validationNamingFormat() {
        assertThat(ExportFormat.parse(" XLSX ")).isEqualTo(ExportFormat.XLSX);
        assertThatThrownBy(() -> ExportFormat.parse("pdf")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).path()).isEqualTo("format"));
        assertThatThrownBy(() -> ExportFormat.parse(null)).isInstanceOf(ValidationException.class);
    }
}
