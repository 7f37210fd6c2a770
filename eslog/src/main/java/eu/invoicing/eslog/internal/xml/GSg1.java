package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG1}: Segment group 1: a document reference with its dates.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG1", propOrder = {"reference", "dates"})
public final class GSg1 {

    /** The reference. */
    @XmlElement(name = "S_RFF")
    public SRff reference;

    /** Dates of the reference (384 preceding invoice date). */
    @XmlElement(name = "S_DTM")
    public final List<SDtm> dates = new ArrayList<>();

    /** Creates an empty element. */
    public GSg1() {
        // JAXB needs a no-argument constructor
    }
}
