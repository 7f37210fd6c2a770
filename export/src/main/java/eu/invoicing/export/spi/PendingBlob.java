package eu.invoicing.export.spi;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A blob being written, not yet visible to readers of its {@link BlobStore}.
 *
 * <p>Exactly one of {@link #commit()} and {@link #abort()} ends its life; {@link #close()}
 * aborts unless the blob was committed, so try-with-resources never leaks a partial blob.
 *
 * <p><b>Thread-safety contract:</b> not thread-safe; used by the one thread that writes it.
 */
public interface PendingBlob extends AutoCloseable {

    /**
     * The stream to write the content to. The caller may close it before {@link #commit()};
     * closing it does not publish anything.
     *
     * @return the output stream, always the same instance
     */
    OutputStream output();

    /**
     * Publishes the written content atomically under the key given to
     * {@link BlobStore#begin(String)}, replacing any earlier blob with that key.
     *
     * @return the stored blob with its download URL
     * @throws IOException if the content cannot be published; the pending content is then discarded
     * @throws IllegalStateException if already committed or aborted
     */
    StoredBlob commit() throws IOException;

    /** Discards the written content. Idempotent; does nothing after a successful commit. */
    void abort();

    /** Same as {@link #abort()}: a blob that was not committed is discarded. */
    @Override
    void close();
}
