package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG5}: Segment group 5: a contact and its communication channels.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG5", propOrder = {"contact", "communications"})
public final class GSg5 {

    /** Contact. */
    @XmlElement(name = "S_CTA")
    public SCta contact;

    /** Communication channels (EM e-mail, TE phone). */
    @XmlElement(name = "S_COM")
    public final List<SCom> communications = new ArrayList<>();

    /** Creates an empty element. */
    public GSg5() {
        // JAXB needs a no-argument constructor
    }
}
