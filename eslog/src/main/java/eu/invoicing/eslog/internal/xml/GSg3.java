package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG3}: Segment group 3: one party reference.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG3", propOrder = {"reference"})
public final class GSg3 {

    /** The reference. */
    @XmlElement(name = "S_RFF")
    public SRff reference;

    /** Creates an empty element. */
    public GSg3() {
        // JAXB needs a no-argument constructor
    }
}
