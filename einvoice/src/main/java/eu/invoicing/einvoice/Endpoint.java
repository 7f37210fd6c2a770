package eu.invoicing.einvoice;

import eu.invoicing.core.ValidationException;

/**
 * An electronic address (BT-34 seller, BT-49 buyer): a scheme of the EAS code list (e.g. {@code 9949}
 * for a Slovenian VAT number, {@code 0088} for a GLN, {@code 0208} for a Belgian enterprise number) and the
 * identifier. An immutable record, thread-safe.
 *
 * @param scheme the EAS code, not blank
 * @param id the identifier, not blank
 */
public record Endpoint(String scheme, String id) {

    /**
     * Checks the components.
     *
     * @param scheme the EAS code, not blank
     * @param id the identifier, not blank
     * @throws ValidationException (path {@code endpoint}) when a component is null or blank
     */
    public Endpoint {
        if (scheme == null || scheme.isBlank() || id == null || id.isBlank()) {
            throw ValidationException.of("endpoint", "required", "an endpoint needs a scheme and an id, was "
                    + scheme + ":" + id);
        }
    }
}
