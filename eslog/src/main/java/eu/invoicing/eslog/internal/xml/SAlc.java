package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_ALC}: Allowance or charge segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_ALC", propOrder = {"qualifier", "reason", "specialServices"})
public final class SAlc {

    /** A allowance, C charge. */
    @XmlElement(name = "D_5463")
    public String qualifier;

    /** Reason. */
    @XmlElement(name = "C_C552")
    public CC552 reason;

    /** Charge reason code. */
    @XmlElement(name = "C_C214")
    public CC214 specialServices;

    /** Creates an empty element. */
    public SAlc() {
        // JAXB needs a no-argument constructor
    }
}
