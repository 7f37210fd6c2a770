package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * JAXB binding of e-SLOG 2.0 element {@code S_TAX}: Duty/tax/fee details segment.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "S_TAX", propOrder = {"functionQualifier", "type", "detail", "categoryCode"})
public final class STax {

    /** Function qualifier, 7 tax. */
    @XmlElement(name = "D_5283")
    public String functionQualifier;

    /** Tax type. */
    @XmlElement(name = "C_C241")
    public CC241 type;

    /** Tax rate. */
    @XmlElement(name = "C_C243")
    public CC243 detail;

    /** VAT category (UNCL5305): S, Z, E, AE, K, G, O. */
    @XmlElement(name = "D_5305")
    public String categoryCode;

    /** Creates an empty element. */
    public STax() {
        // JAXB needs a no-argument constructor
    }
}
