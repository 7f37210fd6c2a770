package eu.invoicing.eslog;

import eu.invoicing.core.InvoicingException;

/**
 * The official e-SLOG 2.0 XSD could not be loaded from the location the host supplied: the
 * location is missing, unreadable, lacks one of the two schema files, or does not compile. The
 * message names the location and what to do.
 *
 * <p>Immutable and thread-safe.
 */
public final class EslogSchemaException extends InvoicingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the location, not null
     * @param cause the underlying failure, nullable
     */
    public EslogSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
