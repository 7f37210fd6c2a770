package eu.invoicing.core.model;

/**
 * The VAT classification of a sale.
 *
 * <p>Immutable and thread-safe.
 */
public enum TransactionType {
    /** Issuer and customer in the same country. */
    DOMESTIC,
    /** Customer in another EU country with an accepted VAT number. */
    INTRA_EU_B2B,
    /** Customer in another EU country without an accepted VAT number. */
    INTRA_EU_B2C,
    /** Customer outside the EU with a tax number ({@code 3w_b2b}). */
    THIRD_COUNTRY_B2B,
    /** Customer outside the EU without a tax number, or an end consumer ({@code 3w_b2c}). */
    THIRD_COUNTRY_B2C,
    /** Read from older documents; never produced by the engine. */
    EXPORT;

    /** @return true for the business-to-business types for which reverse charge may apply */
    public boolean isB2b() {
        return this == INTRA_EU_B2B || this == THIRD_COUNTRY_B2B;
    }
}
