package eu.invoicing.fiscal;

import java.util.Locale;

/**
 * The FURS error codes (technical specification v3.2, chapter 4, "Error code table"), each with what it means
 * for the taxpayer and what to do.
 *
 * <p>Immutable and thread-safe.
 */
public enum FursError {
    /** The message does not follow the XML schema. */
    S001("the message does not follow the XML schema", "a defect of the connector: report it"),
    /** The message does not follow the JSON schema. */
    S002("the message does not follow the JSON schema", "check the invoice's amounts, tax numbers and ids"),
    /** The digital signature is not valid. */
    S003("the digital signature is not valid", "check that the certificate in use is the one FURS issued"),
    /** No certificate with this serial number is known to FURS. */
    S004("FURS knows no certificate with this serial number",
            "use a certificate FURS issued for this environment (Tax CA Test certificates only on the test one)"),
    /** The tax number in the message is not the certificate's. */
    S005("the tax number in the message is not the one of the certificate",
            "set the entity's tax number to the certificate's, or use that taxpayer's certificate"),
    /** The business premise is not registered, or is closed. */
    S006("the business premise is not registered or is closed",
            "register the premise first (docs/fiscal.md, \"Business premises\"), then retry"),
    /** The certificate has been revoked. */
    S007("the certificate has been revoked", "order a new certificate from FURS (eDavki)"),
    /** The certificate has expired. */
    S008("the certificate has expired", "order a new certificate from FURS (eDavki)"),
    /** A system error at FURS. */
    S100("a system error at FURS while processing the message", "retry later; FURS has not registered it");

    private final String meaning;
    private final String action;

    FursError(String meaning, String action) {
        this.meaning = meaning;
        this.action = action;
    }

    /** @return what the code means */
    public String meaning() {
        return meaning;
    }

    /** @return what the taxpayer should do */
    public String action() {
        return action;
    }

    /**
     * @param code the code as FURS sends it ({@code s006} or {@code S006}), nullable
     * @return the error, or null when the code is not in the table
     */
    public static FursError of(String code) {
        if (code == null) {
            return null;
        }
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param code the code FURS sent, nullable
     * @param message FURS's own message, nullable
     * @return a clear explanation: the code, its meaning, what to do, and FURS's message
     */
    public static String explain(String code, String message) {
        FursError e = of(code);
        String c = code == null ? "(no code)" : code.trim().toUpperCase(Locale.ROOT);
        return c + ": " + (e == null ? "an error FURS did not document" : e.meaning + "; " + e.action)
                + (message == null || message.isBlank() ? "" : " (FURS: " + message.trim() + ")");
    }
}
