/**
 * The export benchmarks: the document list export to XLSX and CSV against Apache POI SXSSF, and a bulk
 * PDF ZIP job, on pools of calculated sample invoices.
 *
 * <p>Benchmark code, not API. Shared state is immutable and thread-safe.
 */
package eu.invoicing.benchmarks.export;
