package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_FTX}: Free text segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_FTX", propOrder = {"subject", "reference", "literal"})
public final class SFtx {

    /** Text subject qualifier (GEN, AAB, DOC, AGM, TXD, ...). */
    @XmlElement(name = "D_4451")
    public String subject;

    /** Coded text reference. */
    @XmlElement(name = "C_C107")
    public CC107 reference;

    /** Up to five text components. */
    @XmlElement(name = "C_C108")
    public CC108 literal;

    /** Creates an empty element. */
    public SFtx() {
        // JAXB needs a no-argument constructor
    }
}
