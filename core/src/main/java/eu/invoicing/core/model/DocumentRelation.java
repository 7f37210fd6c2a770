package eu.invoicing.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A link from the owning document to another one; every link is recorded on both sides with
 * {@link RelationType#inverse()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param relationType the kind of link, not null
 * @param targetId the other document's id, not null
 * @param targetType the other document's kind, not null
 * @param targetNumber the other document's number, nullable (a draft has none)
 * @param createdAt when linked, nullable
 */
public record DocumentRelation(RelationType relationType, DocumentId targetId, DocumentType targetType,
        String targetNumber, Instant createdAt) {
    /**
     * Rejects nulls in the required components.
     *
     * @param relationType the kind of link, not null
     * @param targetId the other document's id, not null
     * @param targetType the other document's kind, not null
     * @param targetNumber the other document's number, nullable (a draft has none)
     * @param createdAt when linked, nullable
     * @throws NullPointerException if a component documented as not null is null
     */
    public DocumentRelation {
        Objects.requireNonNull(relationType, "relationType");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(targetType, "targetType");
        if (targetId.type() != targetType) {
            throw new IllegalArgumentException("target " + targetId + " is not a " + targetType);
        }
    }
}
