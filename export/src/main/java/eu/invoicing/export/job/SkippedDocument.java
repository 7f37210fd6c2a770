package eu.invoicing.export.job;

import java.util.Objects;

/**
 * A document that a bulk export left out of its archive, and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param documentId the document id, not null
 * @param number the document number, nullable (drafts have none)
 * @param reason a human-readable reason, not null (e.g. the e-SLOG validation errors, or the
 *     renderer's failure)
 */
public record SkippedDocument(String documentId, String number, String reason) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if {@code documentId} or {@code reason} is null
     *
     * @param documentId the document id, not null
     * @param number the document number, nullable (drafts have none)
     * @param reason a human-readable reason, not null (e.g. the e-SLOG validation errors, or the
     *     renderer's failure)
     */
    public SkippedDocument {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(reason, "reason");
    }
}
