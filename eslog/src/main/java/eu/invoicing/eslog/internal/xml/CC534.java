package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C534}: Payment instruction details composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C534", propOrder = {"meansCode"})
public final class CC534 {

    /** Payment means code (UNCL4461): 30 credit transfer, 10 cash ... */
    @XmlElement(name = "D_4461")
    public String meansCode;

    /** Creates an empty element. */
    public CC534() {
        // JAXB needs a no-argument constructor
    }
}
