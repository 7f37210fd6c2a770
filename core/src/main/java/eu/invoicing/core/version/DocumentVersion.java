package eu.invoicing.core.version;

import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A version record: the whole document as it was before an update, with the names of the top-level
 * fields the update changed (docs/lifecycle.md, "Versions and timeline"). Versions are numbered 1, 2, … per document.
 *
 * <p>Immutable and thread-safe: the snapshot is an immutable {@link Document}.
 *
 * @param id version record id ({@code ver_…}), not null
 * @param documentType the document's kind, not null
 * @param documentId the document's id, not null
 * @param version 1-based version number, ≥ 1
 * @param snapshot the document before the change, not null
 * @param changedFields top-level wire field names the update changed, not null
 * @param user who updated, nullable
 * @param reason the update's {@code change_reason}, nullable
 * @param createdAt when recorded, not null
 */
public record DocumentVersion(String id, DocumentType documentType, DocumentId documentId, int version,
        Document snapshot, List<String> changedFields, User user, String reason, Instant createdAt) {
    /**
     * Validates and copies the field list.
     *
     * @param id version record id ({@code ver_…}), not null
     * @param documentType the document's kind, not null
     * @param documentId the document's id, not null
     * @param version 1-based version number, ≥ 1
     * @param snapshot the document before the change, not null
     * @param changedFields top-level wire field names the update changed, not null
     * @param user who updated, nullable
     * @param reason the update's {@code change_reason}, nullable
     * @param createdAt when recorded, not null
     * @throws NullPointerException if a component documented as not null is null
     * @throws IllegalArgumentException if {@code version} is below 1, or the id is not of {@code documentType}
     */
    public DocumentVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(createdAt, "createdAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        if (documentId.type() != documentType) {
            throw new IllegalArgumentException("document id " + documentId + " is not a " + documentType + " id");
        }
        changedFields = List.copyOf(changedFields);
    }
}
