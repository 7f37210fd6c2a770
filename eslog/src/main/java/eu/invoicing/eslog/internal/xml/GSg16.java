package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG16}: Segment group 16: a document-level allowance or charge (read only).
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG16", propOrder = {"allowanceCharge", "percentage", "amounts", "taxes"})
public final class GSg16 {

    /** Allowance (A) or charge (C) and reason. */
    @XmlElement(name = "S_ALC")
    public SAlc allowanceCharge;

    /** Percentage. */
    @XmlElement(name = "G_SG19")
    public GSg19 percentage;

    /** Amounts: 204 allowance, 23 charge, 25 base. */
    @XmlElement(name = "G_SG20")
    public final List<GSg20> amounts = new ArrayList<>();

    /** VAT category and rate of the allowance or charge. */
    @XmlElement(name = "G_SG22")
    public final List<GSg22> taxes = new ArrayList<>();

    /** Creates an empty element. */
    public GSg16() {
        // JAXB needs a no-argument constructor
    }
}
