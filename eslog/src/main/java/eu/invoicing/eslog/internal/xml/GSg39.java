package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG39}: Segment group 39: one line allowance or charge.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG39", propOrder = {"allowanceCharge", "percentage", "amounts"})
public final class GSg39 {

    /** Allowance (A) or charge (C) and reason. */
    @XmlElement(name = "S_ALC")
    public SAlc allowanceCharge;

    /** Percentage. */
    @XmlElement(name = "G_SG41")
    public GSg41 percentage;

    /** Amounts: 204 allowance, 23 charge, 25 base, 509 price discount. */
    @XmlElement(name = "G_SG42")
    public final List<GSg42> amounts = new ArrayList<>();

    /** Creates an empty element. */
    public GSg39() {
        // JAXB needs a no-argument constructor
    }
}
