package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C059}: Street composite: up to four lines of at most 35 characters.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C059", propOrder = {"street1", "street2", "street3", "street4"})
public final class CC059 {

    /** First street line. */
    @XmlElement(name = "D_3042")
    public String street1;

    /** Second street line. */
    @XmlElement(name = "D_3042_2")
    public String street2;

    /** Third street line. */
    @XmlElement(name = "D_3042_3")
    public String street3;

    /** Fourth street line. */
    @XmlElement(name = "D_3042_4")
    public String street4;

    /** Creates an empty element. */
    public CC059() {
        // JAXB needs a no-argument constructor
    }
}
