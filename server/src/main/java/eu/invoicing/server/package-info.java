/**
 * The reference API over HTTP: {@link eu.invoicing.server.InvoicingServer} serves every endpoint of the reference
 * documents on an {@link eu.invoicing.core.lifecycle.Invoicing} instance (docs/server.md).
 */
package eu.invoicing.server;
