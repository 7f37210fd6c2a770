package eu.invoicing.core;

import java.util.Objects;

/**
 * A lifecycle rule refused the operation, e.g. "cannot update a voided document". Nothing was changed.
 *
 * <p>Immutable and thread-safe.
 */
public final class DocumentStateException extends InvoicingException {
    private static final long serialVersionUID = 1L;

    private final String rule;

    /**
     * @param rule a stable snake_case name of the rule, e.g. {@code voided_document_is_read_only}
     * @param message the human explanation, naming the document
     */
    public DocumentStateException(String rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** @return the stable name of the rule that refused the operation */
    public String rule() {
        return rule;
    }
}
