package eu.invoicing.core.model;

import java.time.LocalDate;

/**
 * Where and when the goods or services were delivered (EN 16931 BG-13). Every component is nullable.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name BT-70, the deliver-to party's name
 * @param locationId BT-71, the deliver-to location identifier (e.g. a GLN)
 * @param address BG-15, the deliver-to address
 * @param date BT-72, the actual delivery date
 */
public record DeliveryInformation(String name, String locationId, PostalAddress address, LocalDate date) {
}
