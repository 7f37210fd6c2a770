package eu.invoicing.core;

/**
 * The requested document, version, token or job does not exist for the calling entity. The message
 * never reveals whether it exists for another entity.
 *
 * <p>Immutable and thread-safe.
 */
public final class NotFoundException extends InvoicingException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was not found, not null
     */
    public NotFoundException(String message) {
        super(message);
    }
}
