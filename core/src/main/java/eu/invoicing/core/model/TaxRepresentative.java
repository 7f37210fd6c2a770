package eu.invoicing.core.model;

/**
 * The seller's VAT representative (EN 16931 BG-11): the party that accounts for VAT in the buyer's country on the
 * seller's behalf.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name BT-62 (BR-18), nullable here
 * @param vatId BT-63, with its country prefix (BR-56), nullable here
 * @param address BG-12, with at least a country (BR-19, BR-20), nullable here
 */
public record TaxRepresentative(String name, String vatId, PostalAddress address) {
}
