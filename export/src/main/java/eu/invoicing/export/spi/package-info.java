/**
 * Service provider interfaces of the export module, implemented by the host: where background
 * export jobs run ({@link eu.invoicing.export.spi.JobRunner}) and where their archives are
 * stored ({@link eu.invoicing.export.spi.BlobStore}). Defaults live in
 * {@code eu.invoicing.export.local}.
 */
package eu.invoicing.export.spi;
