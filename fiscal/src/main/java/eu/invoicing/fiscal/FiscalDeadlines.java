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
 * The legal deadline of a late submission: an invoice issued without EOR / JIR (the authority unreachable) must
 * be submitted within two working days (Slovenia: ZDavPR, article 9, "v dveh delovnih dneh"; Croatia: the same
 * period, docs/fiscal.md says how sure that is). The deadline is the end of the second working day after the
 * issue day, in the authority's zone; working days are Monday to Friday except the public holidays the host
 * gives (none by default: the calendar is the host's, docs/fiscal.md).
 *
 * <p>Immutable and thread-safe.
 */
public final class FiscalDeadlines {
    private static final int WORKING_DAYS = 2;
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
     * @return the last instant a late submission is on time (the end of the second working day after)
     */
    public Instant deadline(FiscalAuthority authority, Instant issuedAt) {
        ZoneId zone = zone(authority);
        LocalDate day = LocalDateTime.ofInstant(issuedAt, zone).toLocalDate();
        int counted = 0;
        while (counted < WORKING_DAYS) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.contains(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant().minusSeconds(1);
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
        return "late: the legal deadline for the subsequent submission (2 working days after issue) passed at "
                + LocalDateTime.ofInstant(deadline, zone(authority)) + " " + zone(authority).getId();
    }
}
