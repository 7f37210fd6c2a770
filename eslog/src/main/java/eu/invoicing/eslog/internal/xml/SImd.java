package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_IMD}: Item description segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_IMD", propOrder = {"formatCode", "description"})
public final class SImd {

    /** Description format: F item name, A description. */
    @XmlElement(name = "D_7077")
    public String formatCode;

    /** Description composite. */
    @XmlElement(name = "C_C273")
    public CC273 description;

    /** Creates an empty element. */
    public SImd() {
        // JAXB needs a no-argument constructor
    }
}
