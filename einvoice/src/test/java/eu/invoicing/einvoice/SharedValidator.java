package eu.invoicing.einvoice;

/**
 * One validator with the bundled rules, and one with the shared official 1.3.16 rules, for every test class of a
 * run: compiling the rules takes seconds.
 */
final class SharedValidator {

    private static EInvoiceValidator validator;
    private static EInvoiceValidator official;

    private SharedValidator() {
    }

    static synchronized EInvoiceValidator get() {
        if (validator == null) {
            validator = EInvoiceValidator.bundled();
        }
        return validator;
    }

    /** @return a validator with the official CEN 1.3.16 rules of the shared folder (Peppol, XRechnung bundled) */
    static synchronized EInvoiceValidator official() {
        if (official == null) {
            official = new EInvoiceValidator(officialRules());
        }
        return official;
    }

    static EInvoiceRules officialRules() {
        return EInvoiceRules.cenDirectory(Standards.en16931(), "1.3.16");
    }
}
