package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C186}: Quantity details composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C186", propOrder = {"qualifier", "quantity", "unitCode"})
public final class CC186 {

    /** Quantity qualifier, 47 invoiced. */
    @XmlElement(name = "D_6063")
    public String qualifier;

    /** Quantity (18 digits, 6 decimals). */
    @XmlElement(name = "D_6060")
    public String quantity;

    /** UN/ECE Rec 20 unit code. */
    @XmlElement(name = "D_6411")
    public String unitCode;

    /** Creates an empty element. */
    public CC186() {
        // JAXB needs a no-argument constructor
    }
}
