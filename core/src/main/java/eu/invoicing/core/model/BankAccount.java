package eu.invoicing.core.model;

/**
 * A bank account of the entity, printed on documents and used for payment QR codes. Every component is
 * nullable except the IBAN, which the host should always give.
 *
 * <p>Immutable and thread-safe.
 *
 * @param iban IBAN without spaces
 * @param bic BIC / SWIFT code
 * @param bankName the bank's name
 * @param isDefault whether this is the account printed by default
 */
public record BankAccount(String iban, String bic, String bankName, boolean isDefault) {
}
