package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C501}: Percentage details composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C501", propOrder = {"qualifier", "percentage"})
public final class CC501 {

    /** Percentage qualifier (1 allowance, 2 charge). */
    @XmlElement(name = "D_5245")
    public String qualifier;

    /** Percentage. */
    @XmlElement(name = "D_5482")
    public String percentage;

    /** Creates an empty element. */
    public CC501() {
        // JAXB needs a no-argument constructor
    }
}
