package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C108}: Text literal composite: up to five components of at most 512 characters.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C108", propOrder = {"text1", "text2", "text3", "text4", "text5"})
public final class CC108 {

    /** First text component. */
    @XmlElement(name = "D_4440")
    public String text1;

    /** Second text component. */
    @XmlElement(name = "D_4440_2")
    public String text2;

    /** Third text component. */
    @XmlElement(name = "D_4440_3")
    public String text3;

    /** Fourth text component. */
    @XmlElement(name = "D_4440_4")
    public String text4;

    /** Fifth text component. */
    @XmlElement(name = "D_4440_5")
    public String text5;

    /** Creates an empty element. */
    public CC108() {
        // JAXB needs a no-argument constructor
    }
}
