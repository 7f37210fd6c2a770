package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_COM}: Communication contact segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_COM", propOrder = {"contact"})
public final class SCom {

    /** Address and channel. */
    @XmlElement(name = "C_C076")
    public CC076 contact;

    /** Creates an empty element. */
    public SCom() {
        // JAXB needs a no-argument constructor
    }
}
