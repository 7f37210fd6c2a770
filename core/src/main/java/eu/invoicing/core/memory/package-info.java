/**
 * The in-memory implementations of the core SPIs, which {@link eu.invoicing.core.lifecycle.Invoicing} uses for
 * every SPI a host does not supply: document, version and customer stores, the number sequencer, the export
 * ledger, the transactor whose rollback they join, the fiscal gateway simulator and the SecureRandom id
 * generator. Suitable for tests, demos and single-process hosts; nothing survives the process.
 *
 * <p>API (the defaults a host may instantiate; docs/architecture.md). Every type is thread-safe.
 */
package eu.invoicing.core.memory;
