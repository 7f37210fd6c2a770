package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG27}: Segment group 27: one line amount.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG27", propOrder = {"amount"})
public final class GSg27 {

    /** Amount. */
    @XmlElement(name = "S_MOA")
    public SMoa amount;

    /** Creates an empty element. */
    public GSg27() {
        // JAXB needs a no-argument constructor
    }
}
