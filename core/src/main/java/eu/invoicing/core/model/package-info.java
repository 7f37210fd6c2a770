/**
 * The document model: the five kinds of {@link eu.invoicing.core.model.Document} (invoice, estimate, credit
 * note, advance invoice, delivery note) with their lines, taxes, discounts, parties, payments and relations,
 * the issuing {@link eu.invoicing.core.model.Entity} with its {@link eu.invoicing.core.model.EntitySettings},
 * the create request, and the enums of the wire format. Field names follow {@code docs/wire-format.md}.
 *
 * <p>API. Every type is immutable and thread-safe: collections are copied on the way in, and changes
 * return new instances; the builders are mutable, for one thread. Amounts are {@code BigDecimal}, and
 * {@code equals} is scale-sensitive (compare values with {@code compareTo}). The package depends on no
 * other package of the library but {@code eu.invoicing.core}.
 */
package eu.invoicing.core.model;
