package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG7}: Segment group 7: one currency with its dates.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG7", propOrder = {"currency", "dates"})
public final class GSg7 {

    /** Currency details. */
    @XmlElement(name = "S_CUX")
    public SCux currency;

    /** Dates (134 exchange rate date). */
    @XmlElement(name = "S_DTM")
    public final List<SDtm> dates = new ArrayList<>();

    /** Creates an empty element. */
    public GSg7() {
        // JAXB needs a no-argument constructor
    }
}
