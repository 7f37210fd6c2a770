/**
 * Bulk export jobs: the job object of the API ({@link eu.invoicing.export.job.ExportJob}), its
 * status and result, and the {@link eu.invoicing.export.job.ExportJobManager} that runs archive
 * jobs on the {@link eu.invoicing.export.spi.JobRunner} and stores their ZIP through the
 * {@link eu.invoicing.export.spi.BlobStore}.
 *
 * <p>API. The manager is thread-safe (jobs are started, run and polled from any thread); job snapshots,
 * requests and results are immutable and thread-safe. A job calls its
 * {@link eu.invoicing.export.job.DocumentEntryProducer} from one thread, but several jobs may share a producer
 * concurrently.
 */
package eu.invoicing.export.job;
