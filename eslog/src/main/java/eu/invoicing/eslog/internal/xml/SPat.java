package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_PAT}: Payment terms basis segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_PAT", propOrder = {"type"})
public final class SPat {

    /** Payment terms type qualifier, {@code 1}. */
    @XmlElement(name = "D_4279")
    public String type;

    /** Creates an empty element. */
    public SPat() {
        // JAXB needs a no-argument constructor
    }
}
