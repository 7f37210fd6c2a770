package eu.invoicing.fiscal;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.spi.FiscalAuthority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The subsequent-submission deadlines of docs/fiscal.md, one rule per authority. */
class FiscalDeadlinesTest {

    // Friday 2026-03-13, 10:00 in Ljubljana and Zagreb (CET, UTC+1).
    private static final Instant FRIDAY_MORNING = Instant.parse("2026-03-13T09:00:00Z");

    @Test
    void furs_twoWorkingDaysFromTheInterruption_skipsTheWeekend() {
        // ZDavPR 9(2): "v dveh delovnih dneh od dneva prekinitve povezave": Monday and Tuesday.
        assertThat(FiscalDeadlines.weekdays().deadline(FiscalAuthority.FURS, FRIDAY_MORNING))
                .isEqualTo(Instant.parse("2026-03-17T22:59:59Z"));
    }

    @Test
    void furs_aHostHolidayIsNotAWorkingDay() {
        FiscalDeadlines withHoliday = new FiscalDeadlines(Set.of(LocalDate.parse("2026-03-16")));
        assertThat(withHoliday.deadline(FiscalAuthority.FURS, FRIDAY_MORNING))
                .isEqualTo(Instant.parse("2026-03-18T22:59:59Z"));
    }

    @Test
    void fina_twoDaysCountingFromTheInterruption_weekendsCount() {
        // Porezna uprava, "Prekid internetske veze s Poreznom upravom": "u roku od dva dana, računajući od dana u
        // kojem je došlo do prekida veze": Saturday and Sunday, so the end of Sunday in Zagreb.
        assertThat(FiscalDeadlines.weekdays().deadline(FiscalAuthority.FINA, FRIDAY_MORNING))
                .isEqualTo(Instant.parse("2026-03-15T22:59:59Z"));
    }

    @Test
    void fina_holidaysOfTheHostDoNotMoveTheCalendarDeadline() {
        FiscalDeadlines withHoliday = new FiscalDeadlines(Set.of(LocalDate.parse("2026-03-14")));
        assertThat(withHoliday.deadline(FiscalAuthority.FINA, FRIDAY_MORNING))
                .isEqualTo(Instant.parse("2026-03-15T22:59:59Z"));
    }

    @Test
    void warning_namesThePeriodOfTheAuthority() {
        Instant later = Instant.parse("2026-03-20T09:00:00Z");
        assertThat(FiscalDeadlines.weekdays().warning(FiscalAuthority.FURS, FRIDAY_MORNING, later))
                .startsWith("late: the legal deadline for the subsequent submission (2 working days after issue)");
        assertThat(FiscalDeadlines.weekdays().warning(FiscalAuthority.FINA, FRIDAY_MORNING, later))
                .startsWith("late: the legal deadline for the subsequent submission (2 days after issue)")
                .endsWith("2026-03-15T23:59:59 Europe/Zagreb");
        assertThat(FiscalDeadlines.weekdays().warning(FiscalAuthority.FINA, FRIDAY_MORNING,
                Instant.parse("2026-03-15T22:59:59Z"))).isNull();
    }
}
