package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C002}: Document name composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C002", propOrder = {"documentNameCode"})
public final class CC002 {

    /** Document type code (BT-3): 380, 381, 386, 325 ... */
    @XmlElement(name = "D_1001")
    public String documentNameCode;

    /** Creates an empty element. */
    public CC002() {
        // JAXB needs a no-argument constructor
    }
}
