package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG30}: Segment group 30: one line reference.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG30", propOrder = {"reference"})
public final class GSg30 {

    /** Reference. */
    @XmlElement(name = "S_RFF")
    public SRff reference;

    /** Creates an empty element. */
    public GSg30() {
        // JAXB needs a no-argument constructor
    }
}
