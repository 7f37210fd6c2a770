package eu.invoicing.export.job;

/**
 * Turns one document into the content of its archive entry: a PDF renderer for the bulk PDF
 * export, the e-SLOG validator and serializer for the bulk e-SLOG export, or a fake in tests.
 *
 * <p>A producer that throws a {@link RuntimeException} does not stop the job: the document is
 * listed as skipped with the exception as the reason and the job goes on.
 *
 * <p>Implementations must be safe to call from the job's thread; one job calls its producer from
 * one thread, documents one after another, but several jobs may share a producer concurrently. A
 * manager built with {@link ExportJobManager.Builder#renderThreads(int) renderThreads} above 1 calls
 * it from several threads at once within one job, so it must then be thread-safe.
 *
 * @param <D> the document type
 */
@FunctionalInterface
public interface DocumentEntryProducer<D> {

    /**
     * Produces the entry for one document.
     *
     * @param document the document, not null
     * @return the entry content or a skip reason, not null
     */
    EntryOutcome produce(D document);
}
