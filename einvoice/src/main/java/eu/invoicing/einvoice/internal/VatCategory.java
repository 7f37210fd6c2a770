package eu.invoicing.einvoice.internal;

import eu.invoicing.core.model.TransactionType;
import java.math.BigDecimal;

/**
 * The VAT category codes (UNTDID 5305) a document of this library maps to, with the VATEX exemption code
 * and the default exemption text (BT-120, BT-121) used when neither the line's tax nor the document's tax
 * clause gives one. A line's tax that names its category ({@code LineTax.category}) keeps it; otherwise it is
 * derived from the rate, the reverse-charge flag and the transaction type (as the e-SLOG mapping does). An
 * enum: immutable, thread-safe.
 */
public enum VatCategory {
    /** Standard rate. */
    S(null, null),
    /** Exempt: a domestic 0 % line. */
    E(null, "Exempt from VAT"),
    /** Reverse charge. */
    AE("VATEX-EU-AE", "Reverse charge"),
    /** Intra-community supply. */
    K("VATEX-EU-IC", "Intra-community supply"),
    /** Export outside the EU. */
    G("VATEX-EU-G", "Export outside the EU"),
    /** Not subject to VAT (an issuer outside the VAT system, or a line without tax). */
    O("VATEX-EU-O", "Not subject to VAT"),
    /** Zero rated. */
    Z(null, null),
    /** Canary Islands general indirect tax (IGIC). */
    L(null, null),
    /** Ceuta and Melilla tax (IPSI). */
    M(null, null),
    /** Split payment (Italy). */
    B(null, null);

    private final String vatex;
    private final String defaultText;

    VatCategory(String vatex, String defaultText) {
        this.vatex = vatex;
        this.defaultText = defaultText;
    }

    /** @return the VATEX code, or null */
    public String vatex() {
        return vatex;
    }

    /** @return the default exemption text, or null when the category needs none */
    public String defaultText() {
        return defaultText;
    }

    /** @return whether EN 16931 requires an exemption reason (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10) */
    public boolean needsExemptionReason() {
        return this != S && this != Z && this != L && this != M && this != B;
    }

    /** @return whether the group's tax is charged at its rate (S, L, M, B); the other categories charge none */
    public boolean chargesTax() {
        return this == S || this == L || this == M || this == B;
    }

    /** @return whether the category carries a rate (EN 16931: not O) */
    public boolean hasRate() {
        return this != O;
    }

    /**
     * @param tax the line's tax, nullable (null: no tax on the line)
     * @param reverseCharge whether reverse charge applies
     * @param issuerIsTaxSubject whether the issuer is in the VAT system
     * @param type the document's transaction type, nullable
     * @return the tax's named category, or the derived one
     */
    public static VatCategory of(eu.invoicing.core.model.LineTax tax, boolean reverseCharge, boolean issuerIsTaxSubject,
            TransactionType type) {
        if (tax != null && tax.category() != null) {
            return valueOf(tax.category().name());
        }
        return of(tax == null ? null : tax.rate(), reverseCharge, issuerIsTaxSubject, type);
    }

    /**
     * @param rate the rate, nullable (null: no tax on the line, {@link #O})
     * @param reverseCharge whether reverse charge applies
     * @param issuerIsTaxSubject whether the issuer is in the VAT system
     * @param type the document's transaction type, nullable
     * @return the category
     */
    public static VatCategory of(BigDecimal rate, boolean reverseCharge, boolean issuerIsTaxSubject, TransactionType type) {
        if (rate == null || !issuerIsTaxSubject) {
            return O;
        }
        if (reverseCharge) {
            return AE;
        }
        if (rate.signum() > 0) {
            return S;
        }
        if (type == TransactionType.INTRA_EU_B2B) {
            return K;
        }
        if (type == TransactionType.THIRD_COUNTRY_B2B || type == TransactionType.THIRD_COUNTRY_B2C
                || type == TransactionType.EXPORT) {
            return G;
        }
        return E;
    }
}
