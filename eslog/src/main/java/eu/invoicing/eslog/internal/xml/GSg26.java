package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB binding of e-SLOG 2.0 element {@code G_SG26}: Segment group 26: one invoice line.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "G_SG26", propOrder = {"line", "productIds", "descriptions", "quantities", "origins", "dates", "texts", "amounts", "prices", "references", "taxes", "allowancesCharges"})
public final class GSg26 {

    /** Line id. */
    @XmlElement(name = "S_LIN")
    public SLin line;

    /** Additional product ids (seller item id ...). */
    @XmlElement(name = "S_PIA")
    public final List<SPia> productIds = new ArrayList<>();

    /** Item name (F) and description (A). */
    @XmlElement(name = "S_IMD")
    public final List<SImd> descriptions = new ArrayList<>();

    /** Invoiced quantity (47) and unit. */
    @XmlElement(name = "S_QTY")
    public final List<SQty> quantities = new ArrayList<>();

    /** Additional information: the country of origin (BT-159). */
    @XmlElement(name = "S_ALI")
    public final List<SAli> origins = new ArrayList<>();

    /** Line period (167/168). */
    @XmlElement(name = "S_DTM")
    public final List<SDtm> dates = new ArrayList<>();

    /** Line notes (ACB). */
    @XmlElement(name = "S_FTX")
    public final List<SFtx> texts = new ArrayList<>();

    /** Line amounts: 203 net, 38 with VAT. */
    @XmlElement(name = "G_SG27")
    public final List<GSg27> amounts = new ArrayList<>();

    /** Prices: AAA net, AAB gross. */
    @XmlElement(name = "G_SG29")
    public final List<GSg29> prices = new ArrayList<>();

    /** Line references. */
    @XmlElement(name = "G_SG30")
    public final List<GSg30> references = new ArrayList<>();

    /** Line VAT. */
    @XmlElement(name = "G_SG34")
    public final List<GSg34> taxes = new ArrayList<>();

    /** Line allowances and charges. */
    @XmlElement(name = "G_SG39")
    public final List<GSg39> allowancesCharges = new ArrayList<>();

    /** Creates an empty element. */
    public GSg26() {
        // JAXB needs a no-argument constructor
    }
}
