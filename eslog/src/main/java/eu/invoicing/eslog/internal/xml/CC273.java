package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C273}: Item description composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C273", propOrder = {"text", "text2"})
public final class CC273 {

    /** Item name or description, max 256. */
    @XmlElement(name = "D_7008")
    public String text;

    /** Continuation, max 256. */
    @XmlElement(name = "D_7008_2")
    public String text2;

    /** Creates an empty element. */
    public CC273() {
        // JAXB needs a no-argument constructor
    }
}
