/**
 * The document lifecycle ({@code docs/lifecycle.md}): {@link eu.invoicing.core.lifecycle.Invoicing}, the
 * entry point holding the host's SPI implementations, and {@link eu.invoicing.core.lifecycle.EntityDocuments},
 * every operation of one issuing entity: create, get, list, update with versions
 * ({@link eu.invoicing.core.lifecycle.DocumentPatch}), finalize with numbering and fiscalization, void,
 * trash, conversions, payments, sharing and export tracking. Each operation runs in one unit of work of the
 * {@link eu.invoicing.core.spi.Transactor}: it changes everything or nothing.
 *
 * <p>API. {@code Invoicing}, {@code EntityDocuments} and the request and result types are immutable and
 * thread-safe: share them; concurrency between operations is the transactor's. The builders
 * ({@code Invoicing.Builder}, {@code DocumentPatch.Builder}) are mutable, for one thread.
 */
package eu.invoicing.core.lifecycle;
