package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG8}: Segment group 8: payment terms, due date and means.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG8", propOrder = {"terms", "dates", "instructions"})
public final class GSg8 {

    /** Payment terms type. */
    @XmlElement(name = "S_PAT")
    public SPat terms;

    /** Dates (13 due date). */
    @XmlElement(name = "S_DTM")
    public final List<SDtm> dates = new ArrayList<>();

    /** Payment means. */
    @XmlElement(name = "S_PAI")
    public SPai instructions;

    /** Creates an empty element. */
    public GSg8() {
        // JAXB needs a no-argument constructor
    }
}
