package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C214}: Special services identification composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C214", propOrder = {"code", "description"})
public final class CC214 {

    /** Charge reason code (UNCL7161). */
    @XmlElement(name = "D_7161")
    public String code;

    /** Description. */
    @XmlElement(name = "D_7160")
    public String description;

    /** Creates an empty element. */
    public CC214() {
        // JAXB needs a no-argument constructor
    }
}
