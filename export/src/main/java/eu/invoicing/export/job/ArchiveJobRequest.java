package eu.invoicing.export.job;

import eu.invoicing.export.spi.ExportSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything an archive job needs: what it exports, the archive's file name, the documents,
 * how to identify and name each one, and the producer that turns a document into an entry.
 *
 * <p>Immutable and thread-safe if its functions and source are.
 *
 * @param kind what the archive holds (decides the entry extension), not null
 * @param fileName the archive's file name, not null; sanitised before use as a blob key
 * @param source the documents, not null
 * @param idOf gives a document's id (for the skipped list), not null
 * @param numberOf gives a document's number, the base of its entry name; may return null
 *     (the id is then used), not null itself
 * @param producer turns a document into its entry, not null
 * @param unresolved called once, after the source is used up: what the selection named that the source did
 *     not yield (e.g. an id unknown to the entity), each listed as skipped with its reason; not null
 * @param <D> the document type
 */
public record ArchiveJobRequest<D>(ExportJobKind kind, String fileName, ExportSource<D> source,
                                   Function<? super D, String> idOf, Function<? super D, String> numberOf,
                                   DocumentEntryProducer<? super D> producer,
                                   Supplier<List<SkippedDocument>> unresolved) {

    /**
     * Checks that no component is null.
     *
     * @param kind what the archive holds (decides the entry extension), not null
     * @param fileName the archive's file name, not null; sanitised before use as a blob key
     * @param source the documents, not null
     * @param idOf gives a document's id (for the skipped list), not null
     * @param numberOf gives a document's number, the base of its entry name; may return null
     *     (the id is then used), not null itself
     * @param producer turns a document into its entry, not null
     * @param unresolved called once, after the source is used up: what the selection named that the source
     *     did not yield, each listed as skipped with its reason; not null
     * @throws NullPointerException if a component is null
     */
    public ArchiveJobRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(idOf, "idOf");
        Objects.requireNonNull(numberOf, "numberOf");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(unresolved, "unresolved");
    }

    /**
     * A request whose selection is exactly what the source yields (nothing is listed as unresolved).
     *
     * @param kind what the archive holds (decides the entry extension), not null
     * @param fileName the archive's file name, not null; sanitised before use as a blob key
     * @param source the documents, not null
     * @param idOf gives a document's id (for the skipped list), not null
     * @param numberOf gives a document's number, the base of its entry name; may return null
     *     (the id is then used), not null itself
     * @param producer turns a document into its entry, not null
     * @throws NullPointerException if a component is null
     */
    public ArchiveJobRequest(ExportJobKind kind, String fileName, ExportSource<D> source,
                             Function<? super D, String> idOf, Function<? super D, String> numberOf,
                             DocumentEntryProducer<? super D> producer) {
        this(kind, fileName, source, idOf, numberOf, producer, List::of);
    }
}
