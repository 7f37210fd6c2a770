package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C078}: Account identification composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C078", propOrder = {"accountId", "accountHolderName"})
public final class CC078 {

    /** Account identifier (IBAN), max 35. */
    @XmlElement(name = "D_3194")
    public String accountId;

    /** Account name, max 35. */
    @XmlElement(name = "D_3192")
    public String accountHolderName;

    /** Creates an empty element. */
    public CC078() {
        // JAXB needs a no-argument constructor
    }
}
