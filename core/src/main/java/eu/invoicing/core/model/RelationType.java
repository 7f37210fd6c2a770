package eu.invoicing.core.model;

/**
 * The kind of link between two documents; every link is recorded on both sides with the paired type.
 *
 * <p>Immutable and thread-safe.
 */
public enum RelationType {
    /** This document was converted from the target (estimate). */
    CONVERTED_FROM,
    /** The target was converted from this document. */
    CONVERTED_TO,
    /** This credit note credits the target invoice. */
    CREDIT_FOR,
    /** The target credit note credits this invoice. */
    HAS_CREDIT,
    /** The target advance invoice is applied to this invoice. */
    ADVANCE_APPLIED,
    /** This advance invoice is applied to the target invoice. */
    APPLIED_TO,
    /** This delivery note delivers the target invoice. */
    DELIVERED_FOR,
    /** The target delivery note delivers this invoice. */
    HAS_DELIVERY,
    /** A plain link given with {@code linked_documents}. */
    LINKED;

    /** @return the type recorded on the other side of the link */
    public RelationType inverse() {
        return switch (this) {
            case CONVERTED_FROM -> CONVERTED_TO;
            case CONVERTED_TO -> CONVERTED_FROM;
            case CREDIT_FOR -> HAS_CREDIT;
            case HAS_CREDIT -> CREDIT_FOR;
            case ADVANCE_APPLIED -> APPLIED_TO;
            case APPLIED_TO -> ADVANCE_APPLIED;
            case DELIVERED_FOR -> HAS_DELIVERY;
            case HAS_DELIVERY -> DELIVERED_FOR;
            case LINKED -> LINKED;
        };
    }
}
