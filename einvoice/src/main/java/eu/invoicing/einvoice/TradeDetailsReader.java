package eu.invoicing.einvoice;

import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.DocumentNote;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.Period;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.XdmItem;

/**
 * Reads the EN 16931 references (BT-10 to BT-19) and trade details (BG-14 period, BG-13 delivery, BG-10 payee,
 * BG-11 tax representative, BG-16 payment means, BG-3 preceding invoices, notes with a subject) of a UBL or CII
 * invoice into the model's {@link DocumentReferences} and {@link TradeDetails}, for {@link EInvoiceReader}.
 * One instance per file; single-thread.
 */
final class TradeDetailsReader {
    /** The UBL binding writes a note's subject code (BT-21) before its text as {@code #CODE#}. */
    private static final Pattern SUBJECT_NOTE = Pattern.compile("#([A-Z]{3})#(.*)", Pattern.DOTALL);
    private static final String AGR = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/";
    private static final String DEL = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeDelivery/";
    private static final String SET = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/";

    private final EInvoiceReader r;
    private final XdmItem root;
    private final boolean ubl;
    private final ViolationCollector problems;

    TradeDetailsReader(EInvoiceReader r, XdmItem root, boolean ubl, ViolationCollector problems) {
        this.r = r;
        this.root = root;
        this.ubl = ubl;
        this.problems = problems;
    }

    DocumentReferences references() {
        String order = ubl ? r.text(root, "cac:OrderReference/cbc:ID") : text(AGR + "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID");
        return new DocumentReferences(
                ubl ? text("cbc:BuyerReference") : text(AGR + "ram:BuyerReference"),
                "NA".equals(order) && ubl ? null : order,
                ubl ? text("cac:OrderReference/cbc:SalesOrderID") : text(AGR + "ram:SellerOrderReferencedDocument/ram:IssuerAssignedID"),
                ubl ? text("cac:ContractDocumentReference/cbc:ID") : text(AGR + "ram:ContractReferencedDocument/ram:IssuerAssignedID"),
                ubl ? text("(cac:ProjectReference/cbc:ID | cac:AdditionalDocumentReference[normalize-space(cbc:DocumentTypeCode) = '50']/cbc:ID)[1]")
                        : text(AGR + "ram:SpecifiedProcuringProject/ram:ID"),
                ubl ? text("cac:DespatchDocumentReference/cbc:ID") : text(DEL + "ram:DespatchAdviceReferencedDocument/ram:IssuerAssignedID"),
                ubl ? text("cac:ReceiptDocumentReference/cbc:ID") : text(DEL + "ram:ReceivingAdviceReferencedDocument/ram:IssuerAssignedID"),
                ubl ? text("cbc:AccountingCost") : text(SET + "ram:ReceivableSpecifiedTradeAccountingAccount/ram:ID"));
    }

    /**
     * @param plainNotes receives the notes without a subject, in order
     * @return the trade details
     */
    TradeDetails tradeDetails(List<String> plainNotes) {
        LocalDate start = date(root, ubl ? "cac:InvoicePeriod/cbc:StartDate" : SET + "ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString");
        LocalDate end = date(root, ubl ? "cac:InvoicePeriod/cbc:EndDate" : SET + "ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString");
        Period period = start == null && end == null ? null : new Period(start, end);
        return new TradeDetails(period, delivery(), payee(), taxRepresentative(), paymentMeans(), preceding(),
                notes(plainNotes));
    }

    private DeliveryInformation delivery() {
        LocalDate date = date(root, ubl ? "cac:Delivery/cbc:ActualDeliveryDate"
                : DEL + "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString");
        String name = ubl ? text("cac:Delivery/cac:DeliveryParty/cac:PartyName/cbc:Name") : text(DEL + "ram:ShipToTradeParty/ram:Name");
        String location = ubl ? text("cac:Delivery/cac:DeliveryLocation/cbc:ID")
                : text(DEL + "ram:ShipToTradeParty/(ram:ID | ram:GlobalID)[1]");
        XdmItem a = r.first(root, ubl ? "cac:Delivery/cac:DeliveryLocation/cac:Address" : DEL + "ram:ShipToTradeParty/ram:PostalTradeAddress");
        PostalAddress address = a == null ? null : address(a);
        if (date == null && name == null && location == null && address == null) {
            return null;
        }
        return new DeliveryInformation(name, location, address, date);
    }

    private Payee payee() {
        XdmItem p = r.first(root, ubl ? "cac:PayeeParty" : SET + "ram:PayeeTradeParty");
        if (p == null) {
            return null;
        }
        return ubl ? new Payee(r.text(p, "cac:PartyName/cbc:Name"),
                r.text(p, "cac:PartyIdentification/cbc:ID[not(upper-case(@schemeID) = 'SEPA')]"),
                r.text(p, "cac:PartyLegalEntity/cbc:CompanyID"))
                : new Payee(r.text(p, "ram:Name"), r.text(p, "(ram:ID | ram:GlobalID)[1]"),
                        r.text(p, "ram:SpecifiedLegalOrganization/ram:ID"));
    }

    private TaxRepresentative taxRepresentative() {
        XdmItem p = r.first(root, ubl ? "cac:TaxRepresentativeParty" : AGR + "ram:SellerTaxRepresentativeTradeParty");
        if (p == null) {
            return null;
        }
        XdmItem a = r.first(p, ubl ? "cac:PostalAddress" : "ram:PostalTradeAddress");
        return ubl ? new TaxRepresentative(r.text(p, "cac:PartyName/cbc:Name"), r.text(p, "cac:PartyTaxScheme/cbc:CompanyID"),
                a == null ? null : address(a))
                : new TaxRepresentative(r.text(p, "ram:Name"), r.text(p, "ram:SpecifiedTaxRegistration/ram:ID"),
                        a == null ? null : address(a));
    }

    private PostalAddress address(XdmItem a) {
        PostalAddress address = ubl
                ? new PostalAddress(r.text(a, "cbc:StreetName"), r.text(a, "cbc:AdditionalStreetName"), r.text(a, "cbc:PostalZone"),
                        r.text(a, "cbc:CityName"), r.text(a, "cbc:CountrySubentity"), r.text(a, "cac:Country/cbc:IdentificationCode"))
                : new PostalAddress(r.text(a, "ram:LineOne"), r.text(a, "ram:LineTwo"), r.text(a, "ram:PostcodeCode"),
                        r.text(a, "ram:CityName"), r.text(a, "ram:CountrySubDivisionName"), r.text(a, "ram:CountryID"));
        return address.isEmpty() ? null : address;
    }

    private List<PaymentMeans> paymentMeans() {
        List<PaymentMeans> out = new ArrayList<>();
        if (ubl) {
            // BT-90 is the seller's or the payee's party identification of scheme SEPA (one per invoice).
            String creditor = text("(cac:PayeeParty | cac:AccountingSupplierParty/cac:Party)/cac:PartyIdentification"
                    + "/cbc:ID[upper-case(@schemeID) = 'SEPA']");
            for (XdmItem m : r.select(root, "cac:PaymentMeans")) {
                String mandate = r.text(m, "cac:PaymentMandate/cbc:ID");
                String debited = r.text(m, "cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID");
                out.add(new PaymentMeans(r.text(m, "cbc:PaymentMeansCode"), r.text(m, "cbc:PaymentMeansCode/@name"),
                        r.text(m, "cac:PayeeFinancialAccount/cbc:ID"),
                        r.text(m, "cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"),
                        r.text(m, "cac:CardAccount/cbc:PrimaryAccountNumberID"), r.text(m, "cac:CardAccount/cbc:HolderName"),
                        mandate, mandate != null || debited != null ? creditor : null, debited, r.text(m, "cbc:PaymentID")));
            }
            return out;
        }
        // CII states BT-83, BT-89 and BT-90 once per invoice: the remittance goes to the first means, mandate and
        // creditor id to each direct debit.
        String remittance = text(SET + "ram:PaymentReference");
        String creditor = text(SET + "ram:CreditorReferenceID");
        String mandate = text(SET + "ram:SpecifiedTradePaymentTerms/ram:DirectDebitMandateID");
        for (XdmItem m : r.select(root, SET + "ram:SpecifiedTradeSettlementPaymentMeans")) {
            String code = r.text(m, "ram:TypeCode");
            String debited = r.text(m, "ram:PayerPartyDebtorFinancialAccount/ram:IBANID");
            boolean debit = "49".equals(code) || "59".equals(code) || debited != null;
            out.add(new PaymentMeans(code, r.text(m, "ram:Information"),
                    r.text(m, "(ram:PayeePartyCreditorFinancialAccount/ram:IBANID | ram:PayeePartyCreditorFinancialAccount/ram:ProprietaryID)[1]"),
                    r.text(m, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID"),
                    r.text(m, "ram:ApplicableTradeSettlementFinancialCard/ram:ID"),
                    r.text(m, "ram:ApplicableTradeSettlementFinancialCard/ram:CardholderName"),
                    debit ? mandate : null, debit ? creditor : null, debited, out.isEmpty() ? remittance : null));
        }
        return out;
    }

    private List<PrecedingInvoice> preceding() {
        List<PrecedingInvoice> out = new ArrayList<>();
        for (XdmItem p : r.select(root, ubl ? "cac:BillingReference/cac:InvoiceDocumentReference" : SET + "ram:InvoiceReferencedDocument")) {
            String number = r.text(p, ubl ? "cbc:ID" : "ram:IssuerAssignedID");
            if (number != null) {
                out.add(new PrecedingInvoice(number, date(p, ubl ? "cbc:IssueDate" : "ram:FormattedIssueDateTime/qdt:DateTimeString")));
            }
        }
        return out;
    }

    private List<DocumentNote> notes(List<String> plain) {
        List<DocumentNote> out = new ArrayList<>();
        for (XdmItem n : r.select(root, ubl ? "cbc:Note" : "rsm:ExchangedDocument/ram:IncludedNote")) {
            String text = ubl ? n.getStringValue().strip() : r.text(n, "ram:Content");
            String subject = ubl ? null : r.text(n, "ram:SubjectCode");
            if (ubl && text != null) {
                Matcher m = SUBJECT_NOTE.matcher(text);
                if (m.matches()) {
                    subject = m.group(1);
                    text = m.group(2).strip();
                }
            }
            if (text == null || text.isEmpty()) {
                continue;
            }
            if (subject == null) {
                plain.add(text);
            } else {
                out.add(new DocumentNote(subject, text));
            }
        }
        return out;
    }

    private String text(String xpath) {
        return r.text(root, xpath);
    }

    private LocalDate date(XdmItem context, String xpath) {
        XdmItem n = r.first(context, xpath);
        if (n == null) {
            return null;
        }
        String s = n.getStringValue().strip();
        try {
            return ubl ? LocalDate.parse(s) : LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            XdmItem p = r.first(n, "path(.)");
            problems.add(p == null ? "" : p.getStringValue(), "invalid_date", "must be a date ("
                    + (ubl ? "YYYY-MM-DD" : "format 102, YYYYMMDD") + "), was " + Violation.quote(s));
            return null;
        }
    }
}
