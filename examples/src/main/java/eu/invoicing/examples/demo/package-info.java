/**
 * The README's demo: a sample Slovenian company whose documents are created, finalized, updated, voided and
 * paid through an in-memory {@link eu.invoicing.core.lifecycle.Invoicing}, then written out as HTML, PDF,
 * e-SLOG XML and an XLSX list; with a fixed clock and seeded ids, two runs write the same files.
 *
 * <p>A tool, not API: the examples module is not published. Runs on one thread.
 */
package eu.invoicing.examples.demo;
