package eu.invoicing.fiscal;

import eu.invoicing.core.spi.FiscalAuthority;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * The legal deadline of a late submission: an invoice issued without EOR / JIR (the authority unreachable).
 * <ul>
 * <li>Slovenia (FURS): within two <em>working</em> days from the day of the interruption (ZDavPR, article 9(2),
 * "v dveh delovnih dneh"): the end of the second working day after the issue day; working days are Monday
 * to Friday except the public holidays the host gives (none by default: the calendar is the host's).</li>
 * <li>Croatia (FINA / CIS): within two days counting from the day of the interruption (the Tax Administration:
 * "u roku od dva dana, računajući od dana u kojem je došlo do prekida veze"): the end of the second calendar
 * day after the issue day; weekends and holidays count.</li>
 * </ul>
 * Both in the authority's zone; docs/fiscal.md cites the sources.
 *
 * <p>Immutable and thread-safe.
 */
public final class FiscalDeadlines {
    private static final int DAYS = 2;
    private final Set<LocalDate> holidays;

    /**
     * @param holidays public holidays that are not working days, not null
     */
    public FiscalDeadlines(Set<LocalDate> holidays) {
        this.holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
    }

    /** @return deadlines counting Monday to Friday as working days, without holidays */
    public static FiscalDeadlines weekdays() {
        return new FiscalDeadlines(Set.of());
    }

    /**
     * @param authority FURS or FINA, not null
     * @return its local zone
     */
    public static ZoneId zone(FiscalAuthority authority) {
        return ZoneId.of(authority == FiscalAuthority.FURS ? "Europe/Ljubljana" : "Europe/Zagreb");
    }

    /**
     * @param authority FURS or FINA, not null
     * @param issuedAt when the invoice was issued, not null
     * @return the last instant a late submission is on time (the end of the second working day after for
     *     FURS, of the second day after for FINA)
     */
    public Instant deadline(FiscalAuthority authority, Instant issuedAt) {
        ZoneId zone = zone(authority);
        LocalDate day = LocalDateTime.ofInstant(issuedAt, zone).toLocalDate();
        int counted = 0;
        while (counted < DAYS) {
            day = day.plusDays(1);
            if (authority != FiscalAuthority.FURS || isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant().minusSeconds(1);
    }

    private boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /**
     * @param authority FURS or FINA, not null
     * @param issuedAt when the invoice was issued, not null
     * @param now the time to judge at, not null
     * @return the warning when the deadline has passed, or null while it has not
     */
    public String warning(FiscalAuthority authority, Instant issuedAt, Instant now) {
        Instant deadline = deadline(authority, issuedAt);
        if (!now.isAfter(deadline)) {
            return null;
        }
        String period = authority == FiscalAuthority.FURS ? "2 working days" : "2 days";
        return "late: the legal deadline for the subsequent submission (" + period + " after issue) passed at "
                + LocalDateTime.ofInstant(deadline, zone(authority)) + " " + zone(authority).getId();
    }
}
