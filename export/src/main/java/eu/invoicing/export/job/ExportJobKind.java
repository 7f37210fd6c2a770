package eu.invoicing.export.job;

/**
 * What a bulk export job puts in its archive.
 *
 * <p>Immutable and thread-safe.
 */
public enum ExportJobKind {
    /** One PDF per document ({@code POST /documents/export/pdf}). */
    PDF("pdf", "pdf"),
    /** One e-SLOG 2.0 XML per valid document ({@code POST /documents/export/eslog}). */
    ESLOG("eslog", "xml");

    private final String wireValue;
    private final String entryExtension;

    ExportJobKind(String wireValue, String entryExtension) {
        this.wireValue = wireValue;
        this.entryExtension = entryExtension;
    }

    /** @return the value used in the wire format and in URLs, e.g. {@code "pdf"} */
    public String wireValue() {
        return wireValue;
    }

    /** @return the file extension of the entries in the archive, without dot */
    public String entryExtension() {
        return entryExtension;
    }
}
