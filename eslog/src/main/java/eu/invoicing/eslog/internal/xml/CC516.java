package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C516}: Monetary amount composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C516", propOrder = {"qualifier", "value"})
public final class CC516 {

    /** Amount qualifier (79, 389, 176, 388, 9, 203, 38, 125, 124 ...). */
    @XmlElement(name = "D_5025")
    public String qualifier;

    /** Amount, dot decimal separator. */
    @XmlElement(name = "D_5004")
    public String value;

    /** Creates an empty element. */
    public CC516() {
        // JAXB needs a no-argument constructor
    }
}
