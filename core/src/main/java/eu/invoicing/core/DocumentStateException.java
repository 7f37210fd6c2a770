package eu.invoicing.core;

import java.util.Objects;

/**
 * A lifecycle rule refused the operation, e.g. "cannot update a voided document". Nothing was changed.
 *
 * <p>Immutable and thread-safe.
 */
public final class DocumentStateException extends InvoicingException {
    private static final long serialVersionUID = 1L;

    /** The rule that refused the operation, not null; serialized with the exception. */
    private final LifecycleRule rule;

    /**
     * Creates the exception for a refused operation.
     *
     * @param rule the rule that refused the operation, not null
     * @param message the human explanation, naming the document, not null; the message of the exception is this
     *     followed by the rule's wire name in brackets ({@code "... [void_draft]"})
     */
    public DocumentStateException(LifecycleRule rule, String message) {
        super(Objects.requireNonNull(message, "message") + " [" + Objects.requireNonNull(rule, "rule").wireName()
                + "]");
        this.rule = rule;
    }

    /** @return the rule that refused the operation; its {@link LifecycleRule#wireName()} is the stable name */
    public LifecycleRule rule() {
        return rule;
    }
}
