package eu.invoicing.core.model;

/**
 * How a payment was made.
 *
 * <p>Immutable and thread-safe.
 */
public enum PaymentType {
    /** Cash. */
    CASH,
    /** Bank transfer. */
    BANK_TRANSFER,
    /** Payment card. */
    CARD,
    /** Cheque. */
    CHECK,
    /** PayPal. */
    PAYPAL,
    /** Coupon or voucher. */
    COUPON,
    /** Anything else. */
    OTHER,
    /** A credit note applied to the document. */
    CREDIT_NOTE,
    /** A paid advance invoice applied to the document. */
    ADVANCE
}
