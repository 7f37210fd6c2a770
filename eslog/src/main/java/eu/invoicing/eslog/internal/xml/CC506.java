package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C506}: Reference composite: qualifier and value.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C506", propOrder = {"qualifier", "identifier", "lineId"})
public final class CC506 {

    /** Reference qualifier (OI, PQ, VA, AHP, ON ...). */
    @XmlElement(name = "D_1153")
    public String qualifier;

    /** Reference value, max 70. */
    @XmlElement(name = "D_1154")
    public String identifier;

    /** Referenced line id. */
    @XmlElement(name = "D_1156")
    public String lineId;

    /** Creates an empty element. */
    public CC506() {
        // JAXB needs a no-argument constructor
    }
}
