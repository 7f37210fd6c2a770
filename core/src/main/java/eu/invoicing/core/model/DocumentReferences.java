package eu.invoicing.core.model;

/**
 * A value of the references a document states to the buyer's and seller's other papers (EN 16931 BT-10 to
 * BT-19); part of a {@link Document}. Every component is nullable text, as the buyer or seller gave it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param buyerReference BT-10, the buyer's reference (for German public buyers the Leitweg-ID)
 * @param orderReference BT-13, the buyer's purchase order number
 * @param salesOrderReference BT-14, the seller's sales order number
 * @param contractReference BT-12
 * @param projectReference BT-11
 * @param despatchAdviceReference BT-16
 * @param receivingAdviceReference BT-15
 * @param accountingReference BT-19, the buyer's accounting reference (cost centre, account)
 */
public record DocumentReferences(String buyerReference, String orderReference, String salesOrderReference,
        String contractReference, String projectReference, String despatchAdviceReference,
        String receivingAdviceReference, String accountingReference) {
    /** No reference: shared, so that a document without references allocates no group. */
    public static final DocumentReferences EMPTY = new DocumentReferences(null, null, null, null, null, null, null,
            null);

    /** @return whether every component is absent */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /**
     * @param v nullable
     * @return a copy with BT-10 changed; this instance is unaffected
     */
    public DocumentReferences withBuyerReference(String v) {
        return new DocumentReferences(v, orderReference, salesOrderReference, contractReference, projectReference,
                despatchAdviceReference, receivingAdviceReference, accountingReference);
    }

    /**
     * @param v nullable
     * @return a copy with BT-13 changed; this instance is unaffected
     */
    public DocumentReferences withOrderReference(String v) {
        return new DocumentReferences(buyerReference, v, salesOrderReference, contractReference, projectReference,
                despatchAdviceReference, receivingAdviceReference, accountingReference);
    }

    /**
     * @param v nullable
     * @return a copy with BT-14 changed; this instance is unaffected
     */
    public DocumentReferences withSalesOrderReference(String v) {
        return new DocumentReferences(buyerReference, orderReference, v, contractReference, projectReference,
                despatchAdviceReference, receivingAdviceReference, accountingReference);
    }

    /**
     * @param v nullable
     * @return a copy with BT-12 changed; this instance is unaffected
     */
    public DocumentReferences withContractReference(String v) {
        return new DocumentReferences(buyerReference, orderReference, salesOrderReference, v, projectReference,
                despatchAdviceReference, receivingAdviceReference, accountingReference);
    }

    /**
     * @param v nullable
     * @return a copy with BT-11 changed; this instance is unaffected
     */
    public DocumentReferences withProjectReference(String v) {
        return new DocumentReferences(buyerReference, orderReference, salesOrderReference, contractReference, v,
                despatchAdviceReference, receivingAdviceReference, accountingReference);
    }

    /**
     * @param v nullable
     * @return a copy with BT-16 changed; this instance is unaffected
     */
    public DocumentReferences withDespatchAdviceReference(String v) {
        return new DocumentReferences(buyerReference, orderReference, salesOrderReference, contractReference,
                projectReference, v, receivingAdviceReference, accountingReference);
    }

    /**
     * @param v nullable
     * @return a copy with BT-15 changed; this instance is unaffected
     */
    public DocumentReferences withReceivingAdviceReference(String v) {
        return new DocumentReferences(buyerReference, orderReference, salesOrderReference, contractReference,
                projectReference, despatchAdviceReference, v, accountingReference);
    }

    /**
     * @param v nullable
     * @return a copy with BT-19 changed; this instance is unaffected
     */
    public DocumentReferences withAccountingReference(String v) {
        return new DocumentReferences(buyerReference, orderReference, salesOrderReference, contractReference,
                projectReference, despatchAdviceReference, receivingAdviceReference, v);
    }

    /**
     * @param v nullable
     * @return {@link #EMPTY} for null or an empty value, else {@code v}
     */
    static DocumentReferences orEmpty(DocumentReferences v) {
        return v == null || v.isEmpty() ? EMPTY : v;
    }
}
