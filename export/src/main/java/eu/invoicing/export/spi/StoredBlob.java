package eu.invoicing.export.spi;

import java.util.Objects;

/**
 * A committed blob: its key, the URL clients download it from, and its size.
 *
 * <p>Immutable and thread-safe.
 *
 * @param key the key under which the blob is stored, not null
 * @param url the download URL ({@code file_url} of an export job), not null
 * @param size the size in bytes, not negative
 */
public record StoredBlob(String key, String url, long size) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException if {@code key} or {@code url} is null
     * @throws IllegalArgumentException if {@code size} is negative
     *
     * @param key the key under which the blob is stored, not null
     * @param url the download URL ({@code file_url} of an export job), not null
     * @param size the size in bytes, not negative
     */
    public StoredBlob {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(url, "url");
        if (size < 0) {
            throw new IllegalArgumentException("size: must be >= 0, was " + size);
        }
    }
}
