package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C076}: Communication contact composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C076", propOrder = {"address", "channel"})
public final class CC076 {

    /** Address or number, max 512. */
    @XmlElement(name = "D_3148")
    public String address;

    /** Channel qualifier: EM e-mail, TE telephone. */
    @XmlElement(name = "D_3155")
    public String channel;

    /** Creates an empty element. */
    public CC076() {
        // JAXB needs a no-argument constructor
    }
}
