/**
 * Bulk export jobs: the job object of the API ({@link eu.invoicing.export.job.ExportJob}), its
 * status and result, and the {@link eu.invoicing.export.job.ExportJobManager} that runs archive
 * jobs on the {@link eu.invoicing.export.spi.JobRunner} and stores their ZIP through the
 * {@link eu.invoicing.export.spi.BlobStore}.
 */
package eu.invoicing.export.job;
