package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_BGM}: Beginning of message: document type and number.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_BGM", propOrder = {"documentName", "documentIdentification"})
public final class SBgm {

    /** Document name composite. */
    @XmlElement(name = "C_C002")
    public CC002 documentName;

    /** Document identification composite. */
    @XmlElement(name = "C_C106")
    public CC106 documentIdentification;

    /** Creates an empty element. */
    public SBgm() {
        // JAXB needs a no-argument constructor
    }
}
