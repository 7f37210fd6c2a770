/**
 * JMH benchmarks of the library, each side by side with what a Java developer would otherwise use:
 * calculation, the finalize lifecycle, list queries and rendering ({@code docs/benchmarks.md}).
 *
 * <p>A tool, not API: built only in the {@code benchmarks} profile and never published. JMH drives the
 * threads; shared state is immutable.
 */
package eu.invoicing.benchmarks;
