package eu.invoicing.core.lifecycle;

import eu.invoicing.core.model.DocumentId;

/**
 * One entry of a mark-as-exported call: the document, the external system and a note for the timeline.
 *
 * <p>Immutable and thread-safe.
 *
 * @param documentId the document exported, nullable (reported as a validation error)
 * @param systemId the external system, nullable (reported as a validation error)
 * @param note shown in the document's timeline, nullable
 */
public record ExportMark(DocumentId documentId, String systemId, String note) {
}
