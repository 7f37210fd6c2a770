package eu.invoicing.einvoice;

/**
 * The rule sets a validation runs on top of the syntax's XSD. An enum: immutable, thread-safe.
 */
public enum Profile {
    /** The CEN EN 16931 core rules only. */
    EN16931,
    /**
     * EN 16931 plus the Peppol BIS Billing 3.0 CIUS. Peppol BIS is a UBL specification: for a CII document
     * this profile runs the EN 16931 rules only (and says so in {@link ValidationResult#rulesRun()}).
     */
    PEPPOL_BIS_3,
    /**
     * EN 16931 plus the German CIUS XRechnung 3.0 (rules BR-DE-*, and the PEPPOL-EN16931-R* rules XRechnung
     * adopts), for UBL and CII alike.
     */
    XRECHNUNG_3
}
