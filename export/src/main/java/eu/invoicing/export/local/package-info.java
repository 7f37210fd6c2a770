/**
 * Default, in-process implementations of the export SPIs: a thread-pool
 * {@link eu.invoicing.export.local.ExecutorJobRunner}, a directory-backed
 * {@link eu.invoicing.export.local.DirectoryBlobStore}, and {@link eu.invoicing.export.local.StoreDocuments},
 * which reads a job's documents from the core {@link eu.invoicing.core.spi.DocumentStore} page by page.
 *
 * <p>API (the defaults a host may instantiate; docs/architecture.md). Thread-safe, as the SPIs require.
 */
package eu.invoicing.export.local;
