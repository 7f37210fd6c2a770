package eu.invoicing.eslog.internal.mapping;

import eu.invoicing.core.model.TransactionType;
import java.math.BigDecimal;

/**
 * VAT category codes (UNCL5305) as e-SLOG uses them, with the VATEX exemption code and the
 * default exemption text written in {@code FTX AGM} when the document has no tax clause.
 *
 * <p>Immutable and thread-safe.
 */
public enum VatCategory {
    /** Standard rate. */
    S("S", null, null),
    /** Exempt (a domestic 0 % line: Slovenia has no zero rate, only exemptions). */
    E("E", null, "Exempt from VAT"),
    /** Reverse charge: the customer accounts for the VAT. */
    AE("AE", "vatex-eu-ae", "Reverse charge"),
    /** Intra-community supply, exempt. */
    K("K", "vatex-eu-ic", "Intra-community supply"),
    /** Export outside the EU. */
    G("G", "vatex-eu-g", "Export outside the EU"),
    /** Not subject to VAT (an issuer outside the VAT system). */
    O("O", "vatex-eu-o", "Not subject to VAT"),
    Z("Z", null, null);

    private final String code;
    private final String vatex;
    private final String defaultText;

    VatCategory(String code, String vatex, String defaultText) {
        this.code = code;
        this.vatex = vatex;
        this.defaultText = defaultText;
    }

    /** @return the UNCL5305 code */
    public String code() {
        return code;
    }

    /** @return the VATEX code, or null */
    public String vatex() {
        return vatex;
    }

    /** @return the exemption text used when the document has no tax clause, or null for {@link #S} */
    public String defaultText() {
        return defaultText;
    }

    /** @return whether this category needs an exemption reason ({@code FTX AGM}) */
    public boolean needsExemptionReason() {
        return this != S && this != Z;
    }

    /** @return whether the category carries a rate in {@code C_C243} (EN 16931: not for O) */
    public boolean hasRate() {
        return this != O;
    }

    /**
     * @param rate the tax rate in percent, nullable when the line has no tax
     * @param reverseCharge whether the tax is reverse-charged
     * @param transactionType the document's transaction type, nullable
     * @return the category
     */
    public static VatCategory of(BigDecimal rate, boolean reverseCharge, TransactionType transactionType) {
        if (rate == null) {
            return O;
        }
        if (reverseCharge) {
            return AE;
        }
        if (rate.signum() > 0) {
            return S;
        }
        if (transactionType == TransactionType.INTRA_EU_B2B) {
            return K;
        }
        if (transactionType == TransactionType.THIRD_COUNTRY_B2B || transactionType == TransactionType.THIRD_COUNTRY_B2C
                || transactionType == TransactionType.EXPORT) {
            return G;
        }
        return E;
    }

    /**
     * @param code a UNCL5305 code, nullable
     * @return the category, or null when unknown
     */
    public static VatCategory ofCode(String code) {
        if (code != null) {
            for (VatCategory c : values()) {
                if (c.code.equals(code.trim())) {
                    return c;
                }
            }
        }
        return null;
    }
}
