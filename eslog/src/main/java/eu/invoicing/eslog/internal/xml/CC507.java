package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C507}: Date composite: qualifier and ISO date.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C507", propOrder = {"qualifier", "date"})
public final class CC507 {

    /** Date qualifier (137, 35, 167, 168, 13, 384, 134 ...). */
    @XmlElement(name = "D_2005")
    public String qualifier;

    /** The date as {@code YYYY-MM-DD}. */
    @XmlElement(name = "D_2380")
    public String date;

    /** Creates an empty element. */
    public CC507() {
        // JAXB needs a no-argument constructor
    }
}
