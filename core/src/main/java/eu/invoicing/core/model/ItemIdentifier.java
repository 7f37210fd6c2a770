package eu.invoicing.core.model;

/**
 * An item's identifier under a registered scheme, the item standard identifier of EN 16931 (BT-157),
 * e.g. a GTIN: {@code id} "4012345678901" under {@code scheme} "0160" (ISO 6523 ICD list).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the identifier, nullable on input (the calculation reports it missing)
 * @param scheme the scheme identifier (BT-157-1, ISO 6523 ICD), nullable on input (EN 16931 BR-64 needs it)
 */
public record ItemIdentifier(String id, String scheme) {
}
