package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of the e-SLOG 2.0 root element {@code Invoice}: one {@code M_INVOIC}; an optional
 * {@code ds:Signature} after it is ignored on read and never written.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one document;
 * not thread-safe.
 */
@XmlRootElement(name = "Invoice")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"message"})
public final class EslogInvoice {

    /** The fixed namespace of e-SLOG 2.0. */
    public static final String NAMESPACE = "urn:eslog:2.00";

    /** The message. */
    @XmlElement(name = "M_INVOIC")
    public MInvoic message;

    /** Creates an empty root element. */
    public EslogInvoice() {
        // JAXB needs a no-argument constructor
    }
}
