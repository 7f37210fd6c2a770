package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_PIA}: Additional product id segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_PIA", propOrder = {"functionCode", "itemNumber"})
public final class SPia {

    /** Product id function (5 additional, 1 classification). */
    @XmlElement(name = "D_4347")
    public String functionCode;

    /** Item number. */
    @XmlElement(name = "C_C212")
    public CC212 itemNumber;

    /** Creates an empty element. */
    public SPia() {
        // JAXB needs a no-argument constructor
    }
}
