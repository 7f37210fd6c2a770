/**
 * Internals of the export module: table columns, the streaming XLSX and CSV table writers shared by the
 * document list and sales-per-item exports, the XLSX package rewriter, and the document column set.
 *
 * <p>Internal: not part of the API (the module does not export this package; the published Javadoc leaves
 * it out). Columns and helpers are immutable or stateless and thread-safe; a table writer is mutable and
 * writes one table on one thread.
 */
package eu.invoicing.export.internal;
