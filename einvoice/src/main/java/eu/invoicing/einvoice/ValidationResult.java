package eu.invoicing.einvoice;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EInvoiceValidator} found: the detected syntax, the rule sets that ran and every failed rule
 * in document order per check (XML, XSD, EN 16931, Peppol). An immutable record, thread-safe.
 *
 * @param syntax the detected syntax; null when the input is not an EN 16931 document at all
 * @param profile the profile asked for, not null
 * @param rulesRun the checks that ran, with their version (e.g. {@code EN16931 1.3.15}), not null
 * @param failures every failed rule, not null
 */
public record ValidationResult(Syntax syntax, Profile profile, List<String> rulesRun, List<RuleFailure> failures) {

    /**
     * Copies the lists.
     *
     * @param syntax the detected syntax, nullable
     * @param profile the profile asked for, not null
     * @param rulesRun the checks that ran, not null
     * @param failures every failed rule, not null
     * @throws NullPointerException if profile or a list is null
     */
    public ValidationResult {
        Objects.requireNonNull(profile, "profile");
        rulesRun = List.copyOf(rulesRun);
        failures = List.copyOf(failures);
    }

    /** @return the detected syntax, empty when the root element is none of {@link Syntax} */
    public Optional<Syntax> detectedSyntax() {
        return Optional.ofNullable(syntax);
    }

    /** @return true when no failure is fatal */
    public boolean isValid() {
        return failures.stream().noneMatch(RuleFailure::isFatal);
    }

    /** @return the fatal failures */
    public List<RuleFailure> fatal() {
        return failures.stream().filter(RuleFailure::isFatal).toList();
    }

    /** @return the failures that are not fatal */
    public List<RuleFailure> warnings() {
        return failures.stream().filter(f -> !f.isFatal()).toList();
    }

    /**
     * @param id a rule id
     * @return true when a failure has that id
     */
    public boolean failed(String id) {
        return failures.stream().anyMatch(f -> f.id().equals(id));
    }
}
