package eu.invoicing.einvoice;

import java.util.Optional;

/**
 * The XML syntaxes of EN 16931 this module reads, writes and validates. An enum: immutable, thread-safe.
 */
public enum Syntax {
    /** OASIS UBL 2.1 Invoice ({@code urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}). */
    UBL_INVOICE("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "Invoice"),
    /** OASIS UBL 2.1 CreditNote ({@code urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}). */
    UBL_CREDIT_NOTE("urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "CreditNote"),
    /** UN/CEFACT Cross Industry Invoice D16B ({@code urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}). */
    CII("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", "CrossIndustryInvoice");

    private final String namespace;
    private final String rootElement;

    Syntax(String namespace, String rootElement) {
        this.namespace = namespace;
        this.rootElement = rootElement;
    }

    /** @return the namespace URI of the root element */
    public String namespace() {
        return namespace;
    }

    /** @return the local name of the root element */
    public String rootElement() {
        return rootElement;
    }

    /** @return true for the two UBL document types */
    public boolean isUbl() {
        return this != CII;
    }

    /**
     * @param namespace the root element's namespace URI, nullable
     * @param localName the root element's local name, nullable
     * @return the syntax with that root element, or empty when it is none of them
     */
    public static Optional<Syntax> ofRoot(String namespace, String localName) {
        for (Syntax s : values()) {
            if (s.namespace.equals(namespace) && s.rootElement.equals(localName)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
