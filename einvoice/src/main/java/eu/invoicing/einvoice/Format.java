package eu.invoicing.einvoice;

/**
 * The e-invoice an {@link EInvoiceWriter} produces: a syntax and a specification identifier (BT-24).
 * An enum: immutable, thread-safe.
 */
public enum Format {
    /** UBL 2.1 with the plain EN 16931 specification id {@code urn:cen.eu:en16931:2017}. */
    UBL("urn:cen.eu:en16931:2017", null, Profile.EN16931),
    /** UBL 2.1, Peppol BIS Billing 3.0 (customization and profile ids of Peppol, endpoint ids required). */
    PEPPOL("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
            "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0", Profile.PEPPOL_BIS_3),
    /** UN/CEFACT CII D16B, EN 16931 (Factur-X / ZUGFeRD "EN 16931", formerly COMFORT) profile. */
    CII("urn:cen.eu:en16931:2017", null, Profile.EN16931),
    /**
     * UBL 2.1, XRechnung 3.0 (German CIUS): buyer reference (Leitweg-ID), seller contact, payment
     * instructions and endpoint ids required (docs/einvoice.md).
     */
    XRECHNUNG_UBL(Format.XRECHNUNG_ID, "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0", Profile.XRECHNUNG_3),
    /** UN/CEFACT CII D16B, XRechnung 3.0; the same requirements as {@link #XRECHNUNG_UBL}. */
    XRECHNUNG_CII(Format.XRECHNUNG_ID, "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0", Profile.XRECHNUNG_3);

    private static final String XRECHNUNG_ID = "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";

    private final String customizationId;
    private final String profileId;
    private final Profile validationProfile;

    Format(String customizationId, String profileId, Profile validationProfile) {
        this.customizationId = customizationId;
        this.profileId = profileId;
        this.validationProfile = validationProfile;
    }

    /** @return the specification identifier written as BT-24 */
    public String customizationId() {
        return customizationId;
    }

    /** @return the business process (BT-23), or null when the format has none */
    public String profileId() {
        return profileId;
    }

    /** @return the rules a document of this format must pass */
    public Profile validationProfile() {
        return validationProfile;
    }

    /** @return true for the UBL formats */
    public boolean isUbl() {
        return this != CII && this != XRECHNUNG_CII;
    }

    /** @return true for the XRechnung formats */
    public boolean isXRechnung() {
        return this == XRECHNUNG_UBL || this == XRECHNUNG_CII;
    }
}
