/**
 * The {@code invoicing} command line (picocli): {@code demo}, {@code calculate}, {@code render}, {@code eslog},
 * {@code export}, {@code batch} (JSON operations, one per line; {@code docs/batch.md}) and {@code serve} (the
 * reference API over HTTP, docs/server.md).
 *
 * <p>A tool, not API: the examples module is not published. Each command runs once, on the main thread.
 */
package eu.invoicing.examples.cli;
