/**
 * The e-SLOG 2.0 benchmark: serializing, validating and reading a calculated invoice.
 *
 * <p>Benchmark code, not API.
 */
package eu.invoicing.benchmarks.eslog;
