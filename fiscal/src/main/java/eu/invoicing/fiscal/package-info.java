/**
 * Connectors to the tax authorities and to VIES: {@link eu.invoicing.fiscal.FursClient} (Slovenia),
 * {@link eu.invoicing.fiscal.CisClient} (Croatia), {@link eu.invoicing.fiscal.RegisterGateway} (the
 * library's {@link eu.invoicing.core.spi.FiscalGateway} over both, idempotent through
 * {@link eu.invoicing.fiscal.FiscalJournal}), {@link eu.invoicing.fiscal.FiscalBacklog} (pending and failed
 * documents, their legal deadline) and {@link eu.invoicing.fiscal.ViesValidator}. Keys and certificates come
 * from {@link eu.invoicing.fiscal.FiscalCredentials}; servers are trusted through
 * {@link eu.invoicing.fiscal.PinnedTrust}.
 *
 * <p>Every public type says whether it is immutable and thread-safe.
 */
package eu.invoicing.fiscal;
