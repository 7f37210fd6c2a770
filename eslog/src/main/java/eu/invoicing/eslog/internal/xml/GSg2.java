package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG2}: Segment group 2: one party with its accounts, references and contacts.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG2", propOrder = {"nameAndAddress", "financialInstitutions", "references", "contacts"})
public final class GSg2 {

    /** Name and address. */
    @XmlElement(name = "S_NAD")
    public SNad nameAndAddress;

    /** Bank accounts (RB seller account, BB buyer account ...). */
    @XmlElement(name = "S_FII")
    public final List<SFii> financialInstitutions = new ArrayList<>();

    /** Party references (VA VAT id, AHP tax number, 0199 legal id ...). */
    @XmlElement(name = "G_SG3")
    public final List<GSg3> references = new ArrayList<>();

    /** Contacts and communication. */
    @XmlElement(name = "G_SG5")
    public final List<GSg5> contacts = new ArrayList<>();

    /** Creates an empty element. */
    public GSg2() {
        // JAXB needs a no-argument constructor
    }
}
