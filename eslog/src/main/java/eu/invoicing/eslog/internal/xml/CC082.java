package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C082}: Party identification composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C082", propOrder = {"partyId", "scheme"})
public final class CC082 {

    /** Party identifier. */
    @XmlElement(name = "D_3039")
    public String partyId;

    /** Identifier scheme (e.g. 0088 GLN). */
    @XmlElement(name = "D_1131")
    public String scheme;

    /** Creates an empty element. */
    public CC082() {
        // JAXB needs a no-argument constructor
    }
}
