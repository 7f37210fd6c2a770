package eu.invoicing.einvoice;

/** One validator with the bundled rules for every test class of a run: compiling the rules takes seconds. */
final class SharedValidator {

    private static EInvoiceValidator validator;

    private SharedValidator() {
    }

    static synchronized EInvoiceValidator get() {
        if (validator == null) {
            validator = EInvoiceValidator.bundled();
        }
        return validator;
    }
}
