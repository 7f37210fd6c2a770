package eu.invoicing.einvoice;

import eu.invoicing.core.InvoicingException;

/**
 * A failure of this module that is not bad input: the validation rules or schemas cannot be found or
 * compiled, or a rule set fails while running. Unchecked, under {@link InvoicingException}; immutable.
 */
public class EInvoiceException extends InvoicingException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the resource
     */
    public EInvoiceException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the resource
     * @param cause the underlying failure
     */
    public EInvoiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
