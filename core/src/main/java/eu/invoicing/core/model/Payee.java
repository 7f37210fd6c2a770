package eu.invoicing.core.model;

/**
 * The party that receives the payment when it is not the seller (EN 16931 BG-10), e.g. a factoring company.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name BT-59, required by EN 16931 (BR-17) when a payee is given; nullable here
 * @param identifier BT-60, nullable
 * @param legalRegistrationId BT-61, nullable
 */
public record Payee(String name, String identifier, String legalRegistrationId) {
}
