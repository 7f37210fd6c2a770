package eu.invoicing.core.model;

/**
 * One classification of an item (EN 16931 BT-158), e.g. code "86776" in list "STI" (CPV, UNTDID 7143).
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the classification code (BT-158), nullable on input (the calculation reports it missing)
 * @param listId the classification scheme (BT-158-1, UNTDID 7143), nullable on input (EN 16931 BR-65 needs it)
 * @param listVersion the scheme's version (BT-158-2), nullable
 */
public record ItemClassification(String code, String listId, String listVersion) {
}
