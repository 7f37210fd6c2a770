package eu.invoicing.core.model;

/**
 * How the buyer is expected to pay (EN 16931 BG-16), with the card (BG-18) and direct debit (BG-19) details
 * where the means uses them. Every component is nullable.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code BT-81, a UNTDID 4461 payment means code: {@code 30} credit transfer, {@code 58} SEPA credit
 *     transfer, {@code 48} bank card, {@code 54} credit card, {@code 55} debit card, {@code 49} direct debit,
 *     {@code 59} SEPA direct debit, {@code 10} cash, {@code 1} not defined
 * @param information BT-82, the means as text
 * @param iban BT-84, the account to pay to (an IBAN for SEPA); for a credit transfer without one the writer
 *     takes the entity's default bank account
 * @param bic BT-86
 * @param cardLastDigits BT-87, the last 4 to 6 digits of the card (never the whole number)
 * @param cardHolder BT-88
 * @param mandateReference BT-89, the direct debit mandate
 * @param creditorId BT-90, the seller's (or payee's) SEPA creditor identifier
 * @param debitedAccount BT-91, the buyer's account to be debited
 * @param remittance BT-83, the text the buyer quotes with the payment
 */
public record PaymentMeans(String code, String information, String iban, String bic, String cardLastDigits,
        String cardHolder, String mandateReference, String creditorId, String debitedAccount, String remittance) {
    /**
     * @param code BT-81, nullable
     * @return a means with only its code
     */
    public static PaymentMeans ofCode(String code) {
        return new PaymentMeans(code, null, null, null, null, null, null, null, null, null);
    }
}
