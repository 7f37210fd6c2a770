package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C107}: Text reference composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C107", propOrder = {"code"})
public final class CC107 {

    /** Free text code (e.g. VATEX code, business process). */
    @XmlElement(name = "D_4441")
    public String code;

    /** Creates an empty element. */
    public CC107() {
        // JAXB needs a no-argument constructor
    }
}
