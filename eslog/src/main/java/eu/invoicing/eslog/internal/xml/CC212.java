package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C212}: Item number identification composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C212", propOrder = {"itemId", "typeCode"})
public final class CC212 {

    /** Item id, max 35. */
    @XmlElement(name = "D_7140")
    public String itemId;

    /** Item id type (SA seller, IN buyer, 0160 GTIN). */
    @XmlElement(name = "D_7143")
    public String typeCode;

    /** Creates an empty element. */
    public CC212() {
        // JAXB needs a no-argument constructor
    }
}
