/**
 * The service provider interfaces of core, implemented by the host to plug the library into its
 * persistence and services: {@link eu.invoicing.core.spi.DocumentStore}, {@link eu.invoicing.core.spi.VersionStore},
 * {@link eu.invoicing.core.spi.NumberSequencer}, {@link eu.invoicing.core.spi.Transactor} (units of work),
 * {@link eu.invoicing.core.spi.ExportLedger}, {@link eu.invoicing.core.spi.CustomerDirectory},
 * {@link eu.invoicing.core.spi.VatNumberValidator}, {@link eu.invoicing.core.spi.FiscalGateway},
 * {@link eu.invoicing.core.spi.ExchangeRateProvider} and
 * {@link eu.invoicing.core.spi.IdGenerator}, with the value types they exchange. In-memory implementations
 * are in {@code eu.invoicing.core.memory}.
 *
 * <p>SPI. Implementations must be thread-safe: the library calls them from any thread. A failure an
 * implementation throws reaches the caller as an {@link eu.invoicing.core.SpiException} with the cause kept.
 * The value types are immutable and thread-safe. The package names no default implementation.
 */
package eu.invoicing.core.spi;
