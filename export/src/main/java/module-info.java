/**
 * Invoicing export: XLSX and CSV exports, sales per item, and bulk PDF and e-SLOG ZIP jobs.
 *
 * <p>Exported: {@code eu.invoicing.export}, {@code .i18n}, {@code .safety}, {@code .job}, {@code .spi} and
 * {@code .local} (the in-process SPI defaults a host may use). Not exported:
 * {@code eu.invoicing.export.internal} (the table writers and columns).
 */
module eu.invoicing.export {
    requires transitive eu.invoicing.core;
    // BulkExports takes a PdfRenderer and an EslogValidator: both modules are part of this API.
    requires transitive eu.invoicing.rendering;
    requires transitive eu.invoicing.eslog;
    requires org.apache.commons.csv;

    exports eu.invoicing.export;
    exports eu.invoicing.export.i18n;
    exports eu.invoicing.export.job;
    exports eu.invoicing.export.local;
    exports eu.invoicing.export.safety;
    exports eu.invoicing.export.spi;
}
