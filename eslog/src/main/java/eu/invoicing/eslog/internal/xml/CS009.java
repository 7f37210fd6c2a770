package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_S009}: Message identifier composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_S009", propOrder = {"type", "version", "release", "agency"})
public final class CS009 {

    /** Message type, {@code INVOIC}. */
    @XmlElement(name = "D_0065")
    public String type;

    /** Version, {@code D}. */
    @XmlElement(name = "D_0052")
    public String version;

    /** Release, {@code 01B}. */
    @XmlElement(name = "D_0054")
    public String release;

    /** Controlling agency, {@code UN}. */
    @XmlElement(name = "D_0051")
    public String agency;

    /** Creates an empty element. */
    public CS009() {
        // JAXB needs a no-argument constructor
    }
}
