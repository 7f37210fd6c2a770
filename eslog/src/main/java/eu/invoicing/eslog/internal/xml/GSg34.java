package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG34}: Segment group 34: line VAT.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG34", propOrder = {"tax", "amounts"})
public final class GSg34 {

    /** VAT category and rate. */
    @XmlElement(name = "S_TAX")
    public STax tax;

    /** Taxable (125) and tax (124) amounts. */
    @XmlElement(name = "S_MOA")
    public final List<SMoa> amounts = new ArrayList<>();

    /** Creates an empty element. */
    public GSg34() {
        // JAXB needs a no-argument constructor
    }
}
