package eu.invoicing.export.job;

/**
 * What a bulk export job puts in its archive.
 *
 * <p>Immutable and thread-safe.
 */
public enum ExportJobKind {
    /** One PDF per document ({@code POST /documents/export/pdf}). */
    PDF("pdf", "pdf", false),
    /** One e-SLOG 2.0 XML per valid document ({@code POST /documents/export/eslog}). */
    ESLOG("eslog", "xml", true);

    private final String wireValue;
    private final String entryExtension;
    private final boolean compressEntries;

    ExportJobKind(String wireValue, String entryExtension, boolean compressEntries) {
        this.wireValue = wireValue;
        this.entryExtension = entryExtension;
        this.compressEntries = compressEntries;
    }

    /**
     * Whether the archive deflates the entries. PDFs are stored as they are: their streams are
     * compressed already, and deflating them again cost more than rendering them (about 1.9 ms
     * against 1.2 ms per invoice) for 4.6 % of their size (docs/exports.md).
     *
     * @return true to deflate, false to store
     */
    boolean compressEntries() {
        return compressEntries;
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
