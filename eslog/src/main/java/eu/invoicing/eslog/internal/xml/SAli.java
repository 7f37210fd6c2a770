package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_ALI}: Additional information segment, in a line the item's
 * country of origin (BT-159).
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_ALI", propOrder = {"countryOfOrigin"})
public final class SAli {

    /** Country of origin, ISO 3166-1 alpha-2. */
    @XmlElement(name = "D_3239")
    public String countryOfOrigin;

    public SAli() {
        // JAXB needs a no-argument constructor
    }
}
