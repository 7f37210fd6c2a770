package eu.invoicing.core.model;

/**
 * The VAT category of a tax (EN 16931 BT-151 / BT-118, code list UNTDID 5305 as restricted by the norm's
 * schematron: S, Z, E, AE, K, G, O, L, M and the Italian split payment B). A
 * line's tax may name its category so that exempt, zero-rated, export and outside-scope supplies stay apart
 * even though all of them carry a rate of 0; without one, consumers derive it from the rate, the reverse
 * charge flag and the document's transaction type. On the wire the value is the code itself ({@code "S"},
 * {@code "AE"}, ...).
 *
 * <p>An enum: immutable and thread-safe.
 */
public enum TaxCategory {
    /** Standard rate (a rate above 0). */
    S,
    /** Zero rated goods (rate 0). */
    Z,
    /** Exempt from tax (rate 0, exemption reason required). */
    E,
    /** VAT reverse charge (rate 0, the buyer accounts for the tax). */
    AE,
    /** Intra-community supply of goods and services, VAT exempt (rate 0). */
    K,
    /** Free export item, tax not charged (export outside the EU, rate 0). */
    G,
    /** Services outside the scope of tax (no rate in EN 16931; 0 in this model). */
    O,
    /** Canary Islands general indirect tax (IGIC), its own rate. */
    L,
    /** Tax for production, services and importation in Ceuta and Melilla (IPSI), its own rate. */
    M,
    /** Transferred VAT, split payment (Italy): the tax is charged at its rate and paid by the buyer to the state. */
    B;

    /** @return whether the category charges no tax, so the line's rate must be 0 (BR-Z-5, BR-E-5, BR-AE-5, BR-IC-5, BR-G-5, BR-O-5) */
    public boolean isZeroRated() {
        return this != S && this != L && this != M && this != B;
    }

    /** @return whether EN 16931 requires an exemption reason text or code for it (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10) */
    public boolean needsExemptionReason() {
        return this == E || this == AE || this == K || this == G || this == O;
    }
}
