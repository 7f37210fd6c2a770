package eu.invoicing.export.job;

import java.util.Objects;

/**
 * A snapshot of a bulk export job, as returned by {@code GET /documents/export/pdf/{jobId}}:
 * {@code {id, status, progress, total_docs, file_name, file_url, error, result}}.
 *
 * <p>Immutable and thread-safe: the {@link ExportJobManager} publishes a new snapshot as the job
 * advances, so a snapshot read from another thread is always internally consistent.
 *
 * @param id the job id, {@code expjob_} followed by 24 lowercase hex digits, not null
 * @param kind what the archive holds, not null
 * @param status the status, not null
 * @param progress percent of documents processed, 0-100; 100 only when completed
 * @param totalDocs the number of documents selected for the job, not negative: the source's size
 *     while the job is queued or processing (a store counts when the job starts), and the number
 *     processed ({@code exported + skipped}) once completed, should the source have yielded
 *     another number meanwhile
 * @param fileName the archive's file name, e.g. {@code acme_documents_2024-06-01_2024-06-30.zip}, not null
 * @param fileUrl where to download the archive; null until completed
 * @param error why the job failed; null unless failed
 * @param result counts and skipped documents, not null
 */
public record ExportJob(String id, ExportJobKind kind, ExportJobStatus status, int progress, int totalDocs,
                        String fileName, String fileUrl, String error, ExportJobResult result) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a non-nullable component is null
     * @throws IllegalArgumentException if {@code progress} is outside 0-100 or {@code totalDocs} negative
     *
     * @param id the job id, {@code expjob_} followed by 24 lowercase hex digits, not null
     * @param kind what the archive holds, not null
     * @param status the status, not null
     * @param progress percent of documents processed, 0-100; 100 only when completed
     * @param totalDocs the number of documents selected for the job, not negative: the source's size
     *     while the job is queued or processing (a store counts when the job starts), and the number
     *     processed ({@code exported + skipped}) once completed, should the source have yielded
     *     another number meanwhile
     * @param fileName the archive's file name, e.g. {@code acme_documents_2024-06-01_2024-06-30.zip}, not null
     * @param fileUrl where to download the archive; null until completed
     * @param error why the job failed; null unless failed
     * @param result counts and skipped documents, not null
     */
    public ExportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(result, "result");
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress: must be 0-100, was " + progress);
        }
        if (totalDocs < 0) {
            throw new IllegalArgumentException("totalDocs: must be >= 0, was " + totalDocs);
        }
    }

    ExportJob processing(int newProgress, ExportJobResult newResult) {
        return new ExportJob(id, kind, ExportJobStatus.PROCESSING, newProgress, totalDocs, fileName, null, null,
                newResult);
    }

    ExportJob completed(String url, ExportJobResult finalResult, int processedDocs) {
        return new ExportJob(id, kind, ExportJobStatus.COMPLETED, 100, processedDocs, fileName, url, null, finalResult);
    }

    ExportJob failed(String message, ExportJobResult lastResult) {
        return new ExportJob(id, kind, ExportJobStatus.FAILED, progress, totalDocs, fileName, null, message,
                lastResult);
    }
}
