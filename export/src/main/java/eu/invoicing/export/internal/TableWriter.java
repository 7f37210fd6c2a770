package eu.invoicing.export.internal;

import java.io.IOException;

/**
 * Writes one table (a header row, then one row per source object, with the cells given by its
 * {@link Column}s) to a file format, row by row, without holding the rows in memory.
 *
 * <p>Mutable and not thread-safe: one writer per output, used by one thread.
 *
 * @param <R> the row source type
 */
public interface TableWriter<R> {

    /**
     * Writes the row of one source object.
     *
     * @param source the row source, not null
     * @throws IOException if the output fails
     * @throws IllegalArgumentException if a column yields a value of the wrong type for its kind
     */
    void row(R source) throws IOException;

    /**
     * Completes the file; the caller's output stream is flushed, not closed.
     *
     * @throws IOException if the output fails
     */
    void finish() throws IOException;

    /** @return the number of data rows written so far */
    long rowCount();
}
