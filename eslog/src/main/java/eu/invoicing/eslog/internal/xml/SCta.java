package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_CTA}: Contact information segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_CTA", propOrder = {"function", "details"})
public final class SCta {

    /** Contact function (IC, SU, PD). */
    @XmlElement(name = "D_3139")
    public String function;

    /** Contact name. */
    @XmlElement(name = "C_C056")
    public CC056 details;

    /** Creates an empty element. */
    public SCta() {
        // JAXB needs a no-argument constructor
    }
}
