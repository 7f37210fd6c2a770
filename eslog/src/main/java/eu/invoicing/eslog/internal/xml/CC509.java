package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C509}: Price information composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C509", propOrder = {"qualifier", "price", "basisQuantity", "unitCode"})
public final class CC509 {

    /** Price qualifier: AAA net, AAB gross. */
    @XmlElement(name = "D_5125")
    public String qualifier;

    /** Unit price (15 digits, 6 decimals). */
    @XmlElement(name = "D_5118")
    public String price;

    /** Price base quantity. */
    @XmlElement(name = "D_5284")
    public String basisQuantity;

    /** Unit of the base quantity. */
    @XmlElement(name = "D_6411")
    public String unitCode;

    /** Creates an empty element. */
    public CC509() {
        // JAXB needs a no-argument constructor
    }
}
