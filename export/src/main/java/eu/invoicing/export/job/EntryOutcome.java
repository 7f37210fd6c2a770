package eu.invoicing.export.job;

import java.util.Objects;

/**
 * What a {@link DocumentEntryProducer} made of one document: the bytes of its archive entry, or
 * the reason it is left out (for example an e-SLOG document that fails validation).
 *
 * <p>Immutable and thread-safe (the content array is not copied: the producer hands it over and
 * must not change it afterwards).
 */
public sealed interface EntryOutcome {

    /**
     * The document becomes an entry with this content.
     *
     * @param content the entry's bytes, not null
     * @return the outcome
     * @throws NullPointerException if {@code content} is null
     */
    static EntryOutcome file(byte[] content) {
        return new File(content);
    }

    /**
     * The document is left out and listed in the job result with this reason.
     *
     * @param reason a human-readable reason, not null or blank
     * @return the outcome
     * @throws NullPointerException if {@code reason} is null
     * @throws IllegalArgumentException if {@code reason} is blank
     */
    static EntryOutcome skip(String reason) {
        return new Skip(reason);
    }

    /**
     * The entry content.
     *
     * @param content the bytes, not null
     */
    record File(byte[] content) implements EntryOutcome {
        /**
         * Checks the content.
         *
         * @param content the bytes, not null
         * @throws NullPointerException if {@code content} is null
         */
        public File {
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * The reason a document is left out.
     *
     * @param reason the reason, not null or blank
     */
    record Skip(String reason) implements EntryOutcome {
        /**
         * Checks the reason.
         *
         * @param reason the reason, not null or blank
         * @throws NullPointerException if {@code reason} is null
         * @throws IllegalArgumentException if {@code reason} is blank
         */
        public Skip {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("reason: must not be blank");
            }
        }
    }
}
