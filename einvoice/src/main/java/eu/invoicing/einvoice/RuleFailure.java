package eu.invoicing.einvoice;

import java.util.Objects;

/**
 * One failed rule of a validation: which check, the rule's id, its flag, where in the document (an XPath
 * for a schematron rule, {@code line:column} for the XSD and XML checks) and the rule's message.
 * An immutable record, thread-safe.
 *
 * @param source the check that failed, not null
 * @param id the rule id (e.g. {@code BR-CO-10}; {@code XSD} or {@code XML} for those checks), not null
 * @param flag the severity, not null
 * @param location where the failure is, not null (may be empty)
 * @param message the rule's text, not null
 */
public record RuleFailure(RuleSource source, String id, Flag flag, String location, String message) {

    /**
     * Checks the components.
     *
     * @param source the check that failed, not null
     * @param id the rule id, not null
     * @param flag the severity, not null
     * @param location where the failure is, not null
     * @param message the rule's text, not null
     * @throws NullPointerException if a component is null
     */
    public RuleFailure {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** @return true when the flag is {@link Flag#FATAL} */
    public boolean isFatal() {
        return flag == Flag.FATAL;
    }
}
