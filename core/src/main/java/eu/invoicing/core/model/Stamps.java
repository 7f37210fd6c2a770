package eu.invoicing.core.model;

import java.time.Instant;

/**
 * A value of the times and marks the library sets on a document: creation, last update, trash, void (with
 * its reason) and whether an original was issued; part of a {@link Document}, which keeps its flat
 * accessors.
 *
 * <p>Immutable and thread-safe.
 *
 * @param createdAt nullable
 * @param updatedAt nullable
 * @param deletedAt nullable
 * @param voidedAt nullable
 * @param voidReason nullable
 * @param hasOriginalDocument nullable
 */
public record Stamps(
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        Instant voidedAt,
        String voidReason,
        Boolean hasOriginalDocument) {
    /** Every component absent: shared, so that a document without these values allocates no group. */
    public static final Stamps EMPTY = new Stamps(null, null, null, null, null, null);

    /** @return whether every component is absent */
    public boolean isEmpty() {
        return createdAt == null
                && updatedAt == null
                && deletedAt == null
                && voidedAt == null
                && voidReason == null
                && hasOriginalDocument == null;
    }

    /**
     * The value of the components, {@link #EMPTY} (not a new instance) when every one is absent.
     *
     * @param createdAt nullable
     * @param updatedAt nullable
     * @param deletedAt nullable
     * @param voidedAt nullable
     * @param voidReason nullable
     * @param hasOriginalDocument nullable
     * @return the group
     */
    public static Stamps of(Instant createdAt,
            Instant updatedAt,
            Instant deletedAt,
            Instant voidedAt,
            String voidReason,
            Boolean hasOriginalDocument) {
        if (createdAt == null
                && updatedAt == null
                && deletedAt == null
                && voidedAt == null
                && voidReason == null
                && hasOriginalDocument == null) {
            return EMPTY;
        }
        return new Stamps(createdAt, updatedAt, deletedAt, voidedAt, voidReason, hasOriginalDocument);
    }
}
