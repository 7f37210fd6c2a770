package eu.invoicing.fiscal;

import eu.invoicing.core.InvoicingException;

/**
 * A message to a tax authority or VIES that got no usable answer. {@link #outcome()} tells the two cases apart
 * that decide what a retry may do: {@link Outcome#NOT_SENT} (the connection or the TLS handshake failed, so the
 * authority never saw the message) and {@link Outcome#UNKNOWN} (the message may have been registered: a
 * timeout after sending, the connection closed before the answer, an HTTP error, an unreadable answer or one
 * whose signature does not verify). A message of unknown outcome is sent again under its own message id
 * ({@link RegisterGateway}).
 *
 * <p>Immutable and thread-safe.
 */
public final class FiscalTransportException extends InvoicingException {
    private static final long serialVersionUID = 1L;

    /** Whether the authority may have received the message. */
    public enum Outcome {
        /** The authority did not receive it: sending it again, under any id, is safe. */
        NOT_SENT,
        /** The authority may have received and registered it. */
        UNKNOWN
    }

    /** Whether the authority may have received the message. */
    private final Outcome outcome;

    /**
     * @param outcome whether the message may have arrived, not null
     * @param message what happened (never key material), not null
     * @param cause the transport's exception, nullable
     */
    public FiscalTransportException(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = java.util.Objects.requireNonNull(outcome, "outcome");
    }

    /** @return whether the authority may have received the message */
    public Outcome outcome() {
        return outcome;
    }
}
