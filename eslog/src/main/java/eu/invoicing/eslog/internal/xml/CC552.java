package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C552}: Allowance/charge information composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C552", propOrder = {"reasonText", "reasonCode"})
public final class CC552 {

    /** Reason text, max 35. */
    @XmlElement(name = "D_1230")
    public String reasonText;

    /** Reason code (UNCL5189), e.g. 95 discount. */
    @XmlElement(name = "D_5189")
    public String reasonCode;

    /** Creates an empty element. */
    public CC552() {
        // JAXB needs a no-argument constructor
    }
}
