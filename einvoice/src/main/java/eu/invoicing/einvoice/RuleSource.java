package eu.invoicing.einvoice;

/**
 * Which check produced a {@link RuleFailure}. An enum: immutable, thread-safe.
 */
public enum RuleSource {
    /** The input is not well-formed XML, is refused (DOCTYPE, too large) or has an unknown root element. */
    XML,
    /** The syntax's XML Schema (UBL 2.1 or CII D16B). */
    XSD,
    /** The official CEN EN 16931 schematron (rules BR-*, BR-CO-*, BR-S-*, UBL-* / CII-*, ...). */
    EN16931,
    /** The Peppol BIS Billing 3.0 CIUS schematron (rules PEPPOL-EN16931-*). */
    PEPPOL,
    /** The XRechnung 3.0 CIUS schematron of KoSIT (rules BR-DE-*, BR-DEX-*, PEPPOL-EN16931-R*). */
    XRECHNUNG
}
