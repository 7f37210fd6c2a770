package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_CUX}: Currencies segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_CUX", propOrder = {"details", "rate"})
public final class SCux {

    /** Currency usage and code. */
    @XmlElement(name = "C_C504")
    public CC504 details;

    /** Exchange rate (one unit of the invoice currency in this currency). */
    @XmlElement(name = "D_5402")
    public String rate;

    /** Creates an empty element. */
    public SCux() {
        // JAXB needs a no-argument constructor
    }
}
