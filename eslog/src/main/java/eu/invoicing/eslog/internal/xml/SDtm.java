package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_DTM}: Date/time/period segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_DTM", propOrder = {"dateTimePeriod"})
public final class SDtm {

    /** The qualified date. */
    @XmlElement(name = "C_C507")
    public CC507 dateTimePeriod;

    /** Creates an empty element. */
    public SDtm() {
        // JAXB needs a no-argument constructor
    }
}
