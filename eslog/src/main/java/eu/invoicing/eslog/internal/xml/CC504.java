package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code C_C504}: Currency details composite.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "C_C504", propOrder = {"usage", "code"})
public final class CC504 {

    /** Usage qualifier: 2 invoice currency, 6 VAT accounting currency. */
    @XmlElement(name = "D_6347")
    public String usage;

    /** ISO 4217 code. */
    @XmlElement(name = "D_6345")
    public String code;

    /** Creates an empty element. */
    public CC504() {
        // JAXB needs a no-argument constructor
    }
}
