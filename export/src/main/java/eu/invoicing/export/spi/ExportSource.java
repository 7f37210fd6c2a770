package eu.invoicing.export.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The documents a job exports: how many there are (for {@code total_docs} and progress) and a
 * stream that yields them one at a time, so that a store can page through a large selection
 * without holding it in memory.
 *
 * <p>Implementations must be safe to use from the job's thread; {@link #stream()} is called once
 * per job.
 *
 * @param <D> the document type
 */
public interface ExportSource<D> {

    /** @return the number of documents {@link #stream()} will yield, not negative */
    int size();

    /**
     * Opens the documents. The job closes the stream when it is done.
     *
     * @return the documents, in archive order, none null
     */
    Stream<D> stream();

    /**
     * A source over a list held in memory (the list is copied).
     *
     * @param documents the documents, not null, no null elements
     * @param <D> the document type
     * @return the source
     * @throws NullPointerException if {@code documents} is or contains null
     */
    static <D> ExportSource<D> of(List<? extends D> documents) {
        List<D> copy = List.copyOf(Objects.requireNonNull(documents, "documents"));
        return of(copy.size(), copy::stream);
    }

    /**
     * A source of a known size whose documents are opened on demand (e.g. paged from a store).
     *
     * @param size the number of documents {@code opener} yields, not negative
     * @param opener opens the documents, not null
     * @param <D> the document type
     * @return the source
     * @throws IllegalArgumentException if {@code size} is negative
     */
    static <D> ExportSource<D> of(int size, Supplier<Stream<D>> opener) {
        Objects.requireNonNull(opener, "opener");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, was " + size);
        }
        return new ExportSource<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Stream<D> stream() {
                return opener.get();
            }
        };
    }
}
