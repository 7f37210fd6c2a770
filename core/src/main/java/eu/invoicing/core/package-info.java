/**
 * The failures every module of the library reports, and the validation vocabulary: the unchecked
 * {@link eu.invoicing.core.InvoicingException} and its subtypes ({@link eu.invoicing.core.ValidationException}
 * with its {@link eu.invoicing.core.Violation}s, {@link eu.invoicing.core.DocumentStateException} naming the
 * refusing {@link eu.invoicing.core.LifecycleRule}, {@link eu.invoicing.core.NotFoundException},
 * {@link eu.invoicing.core.SpiException} for a failing host implementation), and the
 * {@link eu.invoicing.core.ViolationCollector} a host's own checks can use to report every problem at once.
 *
 * <p>API. The exceptions and violations are immutable and thread-safe; a {@code ViolationCollector} is
 * mutable, for one thread and one input.
 */
package eu.invoicing.core;
