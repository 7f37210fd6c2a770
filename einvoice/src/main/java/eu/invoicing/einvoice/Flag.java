package eu.invoicing.einvoice;

import java.util.Locale;

/**
 * The severity a rule gives its failure (the schematron {@code flag}). An enum: immutable, thread-safe.
 */
public enum Flag {
    /** The document does not conform: a receiver rejects it. */
    FATAL,
    /** Conforms, but something is suspicious or deprecated. */
    WARNING,
    /** Information only. */
    INFORMATION;

    /**
     * Maps a schematron flag attribute; a missing or unknown flag counts as {@link #FATAL} (an assert
     * without a flag is a violation).
     *
     * @param flag the attribute value, nullable
     * @return the flag
     */
    public static Flag ofSchematron(String flag) {
        if (flag == null) {
            return FATAL;
        }
        switch (flag.trim().toLowerCase(Locale.ROOT)) {
            case "warning":
            case "warn":
                return WARNING;
            case "information":
            case "info":
                return INFORMATION;
            default:
                return FATAL;
        }
    }
}
