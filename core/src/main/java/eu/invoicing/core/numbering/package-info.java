/**
 * Document numbering on finalize ({@code docs/lifecycle.md}, "Numbering"): the
 * {@link eu.invoicing.core.numbering.NumberFormat} patterns of an entity's settings, the fiscal series of
 * FURS and FINA ({@link eu.invoicing.core.numbering.FiscalSeries}), and
 * {@link eu.invoicing.core.numbering.DocumentNumbering}, which draws the next value from the host's
 * {@link eu.invoicing.core.spi.NumberSequencer} and formats it.
 *
 * <p>API. Immutable and thread-safe. A number is taken inside the unit of work that stores the document, so a
 * failed store gives it back; gap-free sequences are the {@code NumberSequencer}'s and the {@code Transactor}'s job.
 */
package eu.invoicing.core.numbering;
