package eu.invoicing.core.model;

import java.time.LocalDate;

/**
 * A period of days, both ends included (EN 16931 BG-14, the invoicing period). Either end may be absent, not
 * both ({@code calc} refuses a period with neither and one that ends before it starts).
 *
 * <p>Immutable and thread-safe.
 *
 * @param start BT-73, nullable
 * @param end BT-74, nullable
 */
public record Period(LocalDate start, LocalDate end) {
}
