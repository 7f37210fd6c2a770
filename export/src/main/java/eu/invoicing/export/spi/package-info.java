/**
 * Service provider interfaces of the export module, implemented by the host: where background
 * export jobs run ({@link eu.invoicing.export.spi.JobRunner}), where their archives are
 * stored ({@link eu.invoicing.export.spi.BlobStore}) and where their documents come from
 * ({@link eu.invoicing.export.spi.BulkDocumentSource}). Defaults live in {@code eu.invoicing.export.local}.
 *
 * <p>SPI. Implementations must be thread-safe; a {@link eu.invoicing.export.spi.PendingBlob} is written by
 * one thread. The package names no default implementation.
 */
package eu.invoicing.export.spi;
