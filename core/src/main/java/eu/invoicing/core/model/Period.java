package eu.invoicing.core.model;

import java.time.LocalDate;

/**
 * A period of days, both ends included: the document's invoicing period (EN 16931 BG-14) or a line's (BG-26).
 * Either end may be absent, not both ({@code calc} refuses a period with neither and one that ends before it
 * starts).
 *
 * <p>Immutable and thread-safe.
 *
 * @param start BT-73 (a line's BT-134), nullable
 * @param end BT-74 (a line's BT-135), nullable
 */
public record Period(LocalDate start, LocalDate end) {
}
