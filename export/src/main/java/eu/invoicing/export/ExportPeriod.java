package eu.invoicing.export;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The date range of an export, both ends inclusive, at most one year long: {@code date_to} may
 * be at most one calendar year after {@code date_from} (so 2024-01-01..2024-12-31 and
 * 2024-01-01..2025-01-01 are allowed, 2024-01-01..2025-01-02 is not). Documents are selected by
 * their {@code date}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the first day, not null
 * @param to the last day, not null, not before {@code from}, at most one year after it
 */
public record ExportPeriod(LocalDate from, LocalDate to) {

    /**
     * Validates the range.
     *
     * @throws ValidationException naming {@code date_from} and/or {@code date_to} for every problem
     *
     * @param from the first day, not null
     * @param to the last day, not null, not before {@code from}, at most one year after it
     */
    public ExportPeriod {
        ViolationCollector violations = new ViolationCollector();
        if (from == null) {
            violations.add("date_from", "required", "is required");
        }
        if (to == null) {
            violations.add("date_to", "required", "is required");
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                violations.add("date_to", "before_date_from",
                        "must not be before date_from " + from + ", was " + to);
            } else if (to.isAfter(from.plusYears(1))) {
                violations.add("date_to", "range_too_long",
                        "date range must not exceed 1 year (latest " + from.plusYears(1) + " for date_from "
                                + from + "), was " + to);
            }
        }
        violations.throwIfAny();
    }

    /**
     * A required period.
     *
     * @param from the first day, nullable (null is reported)
     * @param to the last day, nullable (null is reported)
     * @return the period
     * @throws ValidationException if an end is missing, the range is reversed or longer than a year
     */
    public static ExportPeriod of(LocalDate from, LocalDate to) {
        return new ExportPeriod(from, to);
    }

    /**
     * An optional period: none when both ends are absent; when one is given the other is required.
     *
     * @param from the first day, nullable
     * @param to the last day, nullable
     * @return the period, or null when both are null
     * @throws ValidationException if only one end is given, or the range is invalid
     */
    public static ExportPeriod optional(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return null;
        }
        return new ExportPeriod(from, to);
    }

    /**
     * @param date a date, nullable
     * @return true if the date is within the period (null is never within)
     */
    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }

    @Override
    public String toString() {
        return Objects.toString(from) + "_" + Objects.toString(to);
    }
}
