package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_NAD}: Name and address segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_NAD", propOrder = {"partyFunction", "partyIdentification", "partyName", "street", "city", "countrySubdivision", "postCode", "countryCode"})
public final class SNad {

    /** Party role: SE, BY, PE, DP, LC. */
    @XmlElement(name = "D_3035")
    public String partyFunction;

    /** Party identifier with scheme. */
    @XmlElement(name = "C_C082")
    public CC082 partyIdentification;

    /** Party name lines. */
    @XmlElement(name = "C_C080")
    public CC080 partyName;

    /** Street lines. */
    @XmlElement(name = "C_C059")
    public CC059 street;

    /** City name, max 35. */
    @XmlElement(name = "D_3164")
    public String city;

    /** Region. */
    @XmlElement(name = "C_C819")
    public CC819 countrySubdivision;

    /** Post code, max 17. */
    @XmlElement(name = "D_3251")
    public String postCode;

    /** ISO 3166 alpha-2 country code. */
    @XmlElement(name = "D_3207")
    public String countryCode;

    /** Creates an empty element. */
    public SNad() {
        // JAXB needs a no-argument constructor
    }
}
