package eu.invoicing.eslog;

import eu.invoicing.core.InvoicingException;

/**
 * An XML input was refused before or while it was read: it is not well-formed, it declares a
 * DOCTYPE (refused to rule out external entities and entity expansion), a text node exceeds the
 * size limit, or it is not an e-SLOG 2.0 {@code Invoice}. The message says which, with the line and
 * column where known.
 *
 * <p>Immutable and thread-safe.
 */
public final class EslogReadException extends InvoicingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused and why, not null
     * @param cause the underlying parser failure, nullable
     */
    public EslogReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
