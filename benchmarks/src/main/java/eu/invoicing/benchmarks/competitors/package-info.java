/**
 * The competitors of the benchmarks: the same sample invoice as a Mustang {@code Invoice}, rendered with
 * Mustang's visualizer, and the floor of the rendering benchmark, a minimal OpenPDF program.
 *
 * <p>Benchmark code, not API. Stateless or immutable and thread-safe.
 */
package eu.invoicing.benchmarks.competitors;
