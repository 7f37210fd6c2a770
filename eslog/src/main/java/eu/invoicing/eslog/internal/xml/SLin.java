package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_LIN}: Line item segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_LIN", propOrder = {"lineNumber", "itemNumber"})
public final class SLin {

    /** Line id (BT-126), max 6. */
    @XmlElement(name = "D_1082")
    public String lineNumber;

    /** Standard item id. */
    @XmlElement(name = "C_C212")
    public CC212 itemNumber;

    /** Creates an empty element. */
    public SLin() {
        // JAXB needs a no-argument constructor
    }
}
