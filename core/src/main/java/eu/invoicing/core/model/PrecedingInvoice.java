package eu.invoicing.core.model;

import java.time.LocalDate;

/**
 * An invoice that a credit note or a corrective invoice refers to (EN 16931 BG-3).
 *
 * <p>Immutable and thread-safe.
 *
 * @param number BT-25, required (BR-55), nullable here
 * @param date BT-26, the preceding invoice's issue date, nullable
 */
public record PrecedingInvoice(String number, LocalDate date) {
}
