package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_FII}: Financial institution information: a bank account.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_FII", propOrder = {"partyFunction", "account", "institution"})
public final class SFii {

    /** Account role: RB receiving bank (seller), BB buyer bank. */
    @XmlElement(name = "D_3035")
    public String partyFunction;

    /** Account identification. */
    @XmlElement(name = "C_C078")
    public CC078 account;

    /** Institution identification (BIC). */
    @XmlElement(name = "C_C088")
    public CC088 institution;

    /** Creates an empty element. */
    public SFii() {
        // JAXB needs a no-argument constructor
    }
}
