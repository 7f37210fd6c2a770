/**
 * Internals of the export module (not API): table columns and the streaming XLSX and CSV table
 * writers shared by the document list and sales-per-item exports, and the document column set.
 */
package eu.invoicing.export.internal;
