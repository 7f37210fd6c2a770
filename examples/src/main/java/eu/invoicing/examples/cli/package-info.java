/**
 * The {@code invoicing} command line (picocli): {@code demo}, {@code calculate}, {@code render}, {@code eslog},
 * {@code export} and {@code batch} (JSON operations, one per line; {@code docs/batch.md}).
 *
 * <p>A tool, not API: the examples module is not published. Each command runs once, on the main thread.
 */
package eu.invoicing.examples.cli;
