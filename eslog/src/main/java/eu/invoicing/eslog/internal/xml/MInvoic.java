package eu.invoicing.eslog.internal.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * JAXB binding of e-SLOG 2.0 element {@code M_INVOIC}: The message body: every segment and segment group of the invoice, in XSD order.
 * <p>Internal: a mutable data holder used only while marshalling or unmarshalling one
 * document; not thread-safe. Field order follows the XSD sequence exactly; elements the
 * library neither writes nor reads are left out, and JAXB ignores them on input.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "M_INVOIC", propOrder = {"header", "beginning", "dates", "texts", "references", "parties", "currencies", "paymentTerms", "allowancesCharges", "lines", "sectionControl", "totals", "taxBreakdown"})
public final class MInvoic {

    /** Fixed attribute {@code Id="data"}, the target of an XML signature. */
    @XmlAttribute(name = "Id")
    public String id;

    /** Message header. */
    @XmlElement(name = "S_UNH")
    public SUnh header;

    /** Document type (BT-3) and number (BT-1). */
    @XmlElement(name = "S_BGM")
    public SBgm beginning;

    /** Document dates: 137 issue, 35 supply, 167/168 period. */
    @XmlElement(name = "S_DTM")
    public final List<SDtm> dates = new ArrayList<>();

    /** Free texts by subject qualifier (GEN, AAB, DOC, AGM, TXD, ...). */
    @XmlElement(name = "S_FTX")
    public final List<SFtx> texts = new ArrayList<>();

    /** Document references (OI preceding invoice, PQ payment reference, ...). */
    @XmlElement(name = "G_SG1")
    public final List<GSg1> references = new ArrayList<>();

    /** Parties (SE seller, BY buyer, ...). */
    @XmlElement(name = "G_SG2")
    public final List<GSg2> parties = new ArrayList<>();

    /** Currencies: 2 invoice currency, 6 VAT accounting currency. */
    @XmlElement(name = "G_SG7")
    public final List<GSg7> currencies = new ArrayList<>();

    /** Payment terms: due date and payment means. */
    @XmlElement(name = "G_SG8")
    public final List<GSg8> paymentTerms = new ArrayList<>();

    /** Document-level allowances and charges (read only). */
    @XmlElement(name = "G_SG16")
    public final List<GSg16> allowancesCharges = new ArrayList<>();

    /** Invoice lines. */
    @XmlElement(name = "G_SG26")
    public final List<GSg26> lines = new ArrayList<>();

    /** Section control before the summary. */
    @XmlElement(name = "S_UNS")
    public SUns sectionControl;

    /** Document totals, one amount each. */
    @XmlElement(name = "G_SG50")
    public final List<GSg50> totals = new ArrayList<>();

    /** VAT breakdown, one per category and rate. */
    @XmlElement(name = "G_SG52")
    public final List<GSg52> taxBreakdown = new ArrayList<>();

    /** Creates an empty element. */
    public MInvoic() {
        // JAXB needs a no-argument constructor
    }
}
