/**
 * Default, in-process implementations of the export SPIs: a thread-pool
 * {@link eu.invoicing.export.local.ExecutorJobRunner} and a directory-backed
 * {@link eu.invoicing.export.local.DirectoryBlobStore}.
 */
package eu.invoicing.export.local;
