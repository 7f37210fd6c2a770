package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_UNS}: Section control segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_UNS", propOrder = {"sectionId"})
public final class SUns {

    /** Section identification. */
    @XmlElement(name = "D_0081")
    public String sectionId;

    /** Creates an empty element. */
    public SUns() {
        // JAXB needs a no-argument constructor
    }
}
