package eu.invoicing.core.model;

import java.time.LocalDate;

/**
 * The invoicing period of one line (EN 16931 BG-26): the dates the line's goods or services were
 * delivered over. Either end may be open; the calculation refuses a period with neither date or with
 * {@code end} before {@code start}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start first day (BT-134), nullable
 * @param end last day (BT-135), nullable
 */
public record LinePeriod(LocalDate start, LocalDate end) {
}
