package eu.invoicing.core;

/**
 * Root of every failure the library reports. Unchecked: callers catch the subtypes they can act on.
 *
 * <p>Subtypes: {@link ValidationException} (bad input, with every offending path),
 * {@link DocumentStateException} (a lifecycle rule refused the operation), {@link NotFoundException}
 * and {@link SpiException} (a host-provided implementation failed; the cause is kept).
 *
 * <p>Instances are immutable once thrown and safe to share between threads.
 */
public class InvoicingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, not null
     */
    public InvoicingException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, not null
     * @param cause the underlying failure, nullable
     */
    public InvoicingException(String message, Throwable cause) {
        super(message, cause);
    }
}
