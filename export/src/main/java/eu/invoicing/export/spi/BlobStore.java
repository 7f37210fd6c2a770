package eu.invoicing.export.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Stores the archives that export jobs produce and gives out the URL a client downloads them
 * from ({@code file_url} of the export job).
 *
 * <p>Writing is two-phase so that a failed job never leaves a partial archive behind: the job
 * {@linkplain #begin begins} a {@link PendingBlob}, streams into its output, and only on
 * success {@linkplain PendingBlob#commit commits} it, which must publish the complete content
 * atomically under its key (readers see either nothing or the whole blob). On failure the job
 * {@linkplain PendingBlob#abort aborts} and the store discards whatever was written.
 *
 * <p>The library ships {@link eu.invoicing.export.local.DirectoryBlobStore} (a directory on the
 * local file system, atomic rename on commit).
 *
 * <p><b>Thread-safety contract:</b> implementations must allow {@link #begin}, {@link #open}
 * and {@link #delete} from many threads at once, including for different keys concurrently.
 * A single {@link PendingBlob} is used by one thread at a time.
 */
public interface BlobStore {

    /**
     * Starts writing a blob under a key. Keys are built by the library from safe segments
     * separated by {@code /} (e.g. {@code expjob_0a1b.../acme_documents_2024-06-01_2024-06-30.zip}).
     *
     * @param key the key the blob will have once committed, not null
     * @return a pending blob, invisible to readers until committed
     * @throws IOException if the store cannot start a write
     * @throws IllegalArgumentException if the store refuses the key
     */
    PendingBlob begin(String key) throws IOException;

    /**
     * Opens a committed blob for reading.
     *
     * @param key the key, not null
     * @return the content stream (the caller closes it), or empty if no committed blob has the key
     * @throws IOException if the blob exists but cannot be read
     */
    Optional<InputStream> open(String key) throws IOException;

    /**
     * Deletes a committed blob.
     *
     * @param key the key, not null
     * @return true if a blob was deleted, false if there was none
     * @throws IOException if the blob exists but cannot be deleted
     */
    boolean delete(String key) throws IOException;
}
