package eu.invoicing.core;

/**
 * A host-provided SPI implementation (store, sequencer, gateway, ...) failed; the cause is kept.
 *
 * <p>Immutable and thread-safe.
 */
public final class SpiException extends InvoicingException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what the library was doing, not null
     * @param cause the SPI's failure, not null
     */
    public SpiException(String message, Throwable cause) {
        super(message, cause);
    }
}
