package eu.invoicing.einvoice;

import java.time.LocalDate;

/**
 * The EN 16931 data a document of this library does not carry (yet) and a writer needs: buyer and order
 * reference, endpoint ids, the preceding invoice of a credit note. Every component is nullable; where
 * a component is null the writer derives what it can (see {@code docs/einvoice.md}): the buyer reference
 * from the document's {@code reference}, the preceding invoice of a credit note from its
 * {@code reference}, the endpoints from the VAT numbers of the countries whose EAS scheme is known.
 * An immutable record, thread-safe.
 *
 * @param buyerReference BT-10
 * @param orderReference BT-13
 * @param sellerEndpoint BT-34
 * @param buyerEndpoint BT-49
 * @param precedingInvoice BT-25
 * @param precedingInvoiceDate BT-26
 * @param sellerContact BT-41, the seller's contact person or department (XRechnung requires it, BR-DE-5)
 */
public record EInvoiceOptions(String buyerReference, String orderReference, Endpoint sellerEndpoint,
        Endpoint buyerEndpoint, String precedingInvoice, LocalDate precedingInvoiceDate, String sellerContact) {

    private static final EInvoiceOptions NONE = new EInvoiceOptions(null, null, null, null, null, null, null);

    /** @return options with every component null: everything derived from the document */
    public static EInvoiceOptions none() {
        return NONE;
    }

    /**
     * @param value BT-10, nullable
     * @return a copy with that buyer reference; this instance is unaffected
     */
    public EInvoiceOptions withBuyerReference(String value) {
        return new EInvoiceOptions(value, orderReference, sellerEndpoint, buyerEndpoint, precedingInvoice, precedingInvoiceDate, sellerContact);
    }

    /**
     * @param value BT-13, nullable
     * @return a copy with that order reference; this instance is unaffected
     */
    public EInvoiceOptions withOrderReference(String value) {
        return new EInvoiceOptions(buyerReference, value, sellerEndpoint, buyerEndpoint, precedingInvoice, precedingInvoiceDate, sellerContact);
    }

    /**
     * @param seller BT-34, nullable
     * @param buyer BT-49, nullable
     * @return a copy with those endpoints; this instance is unaffected
     */
    public EInvoiceOptions withEndpoints(Endpoint seller, Endpoint buyer) {
        return new EInvoiceOptions(buyerReference, orderReference, seller, buyer, precedingInvoice, precedingInvoiceDate, sellerContact);
    }

    /**
     * @param number BT-25, nullable
     * @param date BT-26, nullable
     * @return a copy with that preceding invoice; this instance is unaffected
     */
    public EInvoiceOptions withPrecedingInvoice(String number, LocalDate date) {
        return new EInvoiceOptions(buyerReference, orderReference, sellerEndpoint, buyerEndpoint, number, date, sellerContact);
    }

    /**
     * @param value BT-41, the seller's contact person or department, nullable
     * @return a copy with that seller contact; this instance is unaffected
     */
    public EInvoiceOptions withSellerContact(String value) {
        return new EInvoiceOptions(buyerReference, orderReference, sellerEndpoint, buyerEndpoint, precedingInvoice,
                precedingInvoiceDate, value);
    }
}
