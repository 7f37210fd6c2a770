/**
 * Table exports and bulk exports ({@code docs/exports.md}): the document list to XLSX or CSV
 * ({@link eu.invoicing.export.DocumentListExporter}, {@link eu.invoicing.export.DocumentListExport}), sales per
 * item for a period ({@link eu.invoicing.export.SalesPerItemExporter}), and bulk PDF and e-SLOG ZIP archives
 * run as background jobs ({@link eu.invoicing.export.BulkExports}). Exports stream their documents and rows:
 * memory does not grow with the number of documents.
 *
 * <p>API. The exporters, requests and rows are immutable or stateless and thread-safe; share one exporter.
 */
package eu.invoicing.export;
