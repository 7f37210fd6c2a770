package eu.invoicing.export.job;

import java.util.List;
import java.util.Objects;

/**
 * The {@code result} of an export job: how many documents went into the archive, how many were
 * skipped, and which ones with their reasons. While the job runs, the counts are those of the
 * last published snapshot.
 *
 * <p>Immutable and thread-safe.
 *
 * @param exported documents written to the archive, not negative
 * @param skipped documents left out, not negative; equals {@code skippedDocuments.size()}
 * @param skippedDocuments the documents left out, in processing order, not null (copied)
 */
public record ExportJobResult(int exported, int skipped, List<SkippedDocument> skippedDocuments) {

    /** The result of a job that has not processed anything yet. */
    public static final ExportJobResult EMPTY = new ExportJobResult(0, 0, List.of());

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if {@code skippedDocuments} is or contains null
     * @throws IllegalArgumentException if a count is negative or {@code skipped} differs from the list size
     *
     * @param exported documents written to the archive, not negative
     * @param skipped documents left out, not negative; equals {@code skippedDocuments.size()}
     * @param skippedDocuments the documents left out, in processing order, not null (copied)
     */
    public ExportJobResult {
        skippedDocuments = List.copyOf(Objects.requireNonNull(skippedDocuments, "skippedDocuments"));
        if (exported < 0) {
            throw new IllegalArgumentException("exported: must be >= 0, was " + exported);
        }
        if (skipped != skippedDocuments.size()) {
            throw new IllegalArgumentException("skipped: must equal skippedDocuments.size() "
                    + skippedDocuments.size() + ", was " + skipped);
        }
    }

    /**
     * Builds a result from the exported count and the skipped documents.
     *
     * @param exported documents written, not negative
     * @param skippedDocuments the documents left out, not null
     * @return the result
     */
    public static ExportJobResult of(int exported, List<SkippedDocument> skippedDocuments) {
        return new ExportJobResult(exported, skippedDocuments.size(), skippedDocuments);
    }
}
