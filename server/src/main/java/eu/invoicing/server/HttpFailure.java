package eu.invoicing.server;

import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.Violation;
import java.util.List;
import java.util.Objects;

/**
 * A refusal that belongs to HTTP rather than to the library: no or a bad API key ({@code 401}), a body too large
 * ({@code 413}), too many requests ({@code 429}), a server shutting down ({@code 503}), an unknown route
 * ({@code 404}). It is written in the same error shape as every library failure
 * ({@code {"error":{"type","message","errors"}}}).
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpFailure extends InvoicingException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status. */
    private final int status;
    /** The error type written in the body. */
    private final String type;
    /** The violations written in the body; immutable. */
    private final transient List<Violation> violations;

    /**
     * @param status the HTTP status
     * @param type the error type, e.g. {@code unauthorized}, not null
     * @param message the message, not null
     * @param violations what was wrong, by path, not null (may be empty)
     */
    public HttpFailure(int status, String type, String message, List<Violation> violations) {
        super(Objects.requireNonNull(message, "message"));
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.violations = List.copyOf(violations);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the error type written in the body */
    public String type() {
        return type;
    }

    /** @return the violations written in the body, immutable */
    public List<Violation> violations() {
        return violations;
    }
}
