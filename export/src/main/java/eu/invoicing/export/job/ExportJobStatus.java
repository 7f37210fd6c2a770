package eu.invoicing.export.job;

/**
 * Where an export job is in its life: {@code queued → processing → completed | failed}.
 *
 * <p>Immutable and thread-safe.
 */
public enum ExportJobStatus {
    /** Accepted, waiting for the {@link eu.invoicing.export.spi.JobRunner} to start it. */
    QUEUED("queued"),
    /** Running: documents are being rendered into the archive. */
    PROCESSING("processing"),
    /** Done: the archive is stored and {@code file_url} is set. */
    COMPLETED("completed"),
    /** Failed: {@code error} says why; no archive was stored. */
    FAILED("failed");

    private final String wireValue;

    ExportJobStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** @return the value used in the JSON wire format, e.g. {@code "processing"} */
    public String wireValue() {
        return wireValue;
    }

    /** @return true for {@link #COMPLETED} and {@link #FAILED}, after which nothing changes */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
