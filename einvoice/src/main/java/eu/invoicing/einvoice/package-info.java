/**
 * EN 16931 e-invoicing: {@link eu.invoicing.einvoice.EInvoiceValidator} checks a UBL 2.1 or CII D16B
 * invoice against its XSD, the official CEN EN 16931 schematron and, for UBL, the Peppol BIS Billing 3.0
 * rules; {@link eu.invoicing.einvoice.EInvoiceRules} says where those rules come from (the phive-rules jars
 * on the class path, or a directory the host supplies).
 *
 * <p>Every type here is immutable and thread-safe unless its Javadoc says otherwise.
 */
package eu.invoicing.einvoice;
