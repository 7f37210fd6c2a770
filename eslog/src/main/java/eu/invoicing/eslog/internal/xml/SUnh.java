package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_UNH}: Message header segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_UNH", propOrder = {"messageReference", "messageIdentifier"})
public final class SUnh {

    /** Message reference number (max 14). */
    @XmlElement(name = "D_0062")
    public String messageReference;

    /** Message type identifier (INVOIC D 01B UN). */
    @XmlElement(name = "C_S009")
    public CS009 messageIdentifier;

    /** Creates an empty element. */
    public SUnh() {
        // JAXB needs a no-argument constructor
    }
}
