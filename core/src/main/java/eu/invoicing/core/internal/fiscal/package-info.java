/**
 * Internals of core (not API; the module does not export this package): the FURS and FINA message
 * fields, the protected-code inputs and the FURS barcode that the lifecycle's fiscalization builds. A
 * host's {@link eu.invoicing.core.spi.FiscalGateway} only signs and sends what it is given.
 *
 * <p>Internal. Stateless and thread-safe.
 */
package eu.invoicing.core.internal.fiscal;
