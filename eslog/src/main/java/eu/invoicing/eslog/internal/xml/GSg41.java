package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG41}: Segment group 41: percentage of a line allowance or charge.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG41", propOrder = {"percentage"})
public final class GSg41 {

    /** Percentage. */
    @XmlElement(name = "S_PCD")
    public SPcd percentage;

    /** Creates an empty element. */
    public GSg41() {
        // JAXB needs a no-argument constructor
    }
}
