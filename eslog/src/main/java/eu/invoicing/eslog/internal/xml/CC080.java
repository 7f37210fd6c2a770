package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C080}: Party name composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C080", propOrder = {"name", "name2", "name3", "name4", "name5"})
public final class CC080 {

    /** Party name (BT-27/44), max 70. */
    @XmlElement(name = "D_3036")
    public String name;

    /** Trading name or name continuation, max 70. */
    @XmlElement(name = "D_3036_2")
    public String name2;

    /** Name continuation, max 70. */
    @XmlElement(name = "D_3036_3")
    public String name3;

    /** Name continuation, max 70. */
    @XmlElement(name = "D_3036_4")
    public String name4;

    /** Name continuation, max 70. */
    @XmlElement(name = "D_3036_5")
    public String name5;

    /** Creates an empty element. */
    public CC080() {
        // JAXB needs a no-argument constructor
    }
}
