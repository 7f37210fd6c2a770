package eu.invoicing.einvoice.internal;

import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.einvoice.internal.EnInvoice.EnLine;
import eu.invoicing.einvoice.internal.EnInvoice.EnParty;
import eu.invoicing.einvoice.internal.EnInvoice.EnTotals;
import eu.invoicing.einvoice.internal.EnInvoice.EnVat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Serializes an {@link EnInvoice} as a UN/CEFACT Cross Industry Invoice D16B with the EN 16931 CII binding,
 * in the element order of the D16B schema. Stateless and thread-safe.
 */
public final class CiiXml {

    static final String RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    static final String UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    static final String QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";
    /** Dates in CII: format 102 of UNTDID 2379, {@code yyyyMMdd}. */
    static final DateTimeFormatter FORMAT_102 = DateTimeFormatter.BASIC_ISO_DATE;

    private CiiXml() {
    }

    /**
     * @param in the semantic invoice, not null
     * @return the UTF-8 XML
     */
    public static byte[] write(EnInvoice in) {
        Xml root = Xml.root("rsm:CrossIndustryInvoice").attr("xmlns:rsm", RSM).attr("xmlns:ram", RAM)
                .attr("xmlns:udt", UDT).attr("xmlns:qdt", QDT);
        String cur = in.currency();
        Xml ctx = root.add("rsm:ExchangedDocumentContext");
        if (in.profileId() != null) {
            ctx.add("ram:BusinessProcessSpecifiedDocumentContextParameter").text("ram:ID", in.profileId());
        }
        ctx.add("ram:GuidelineSpecifiedDocumentContextParameter").text("ram:ID", in.customizationId());
        Xml ed = root.add("rsm:ExchangedDocument");
        ed.text("ram:ID", in.number());
        ed.text("ram:TypeCode", in.typeCode());
        dateTime(ed.add("ram:IssueDateTime"), "udt:DateTimeString", in.issueDate());
        for (String note : in.notes()) {
            ed.add("ram:IncludedNote").text("ram:Content", note);
        }
        CiiTerms.notes(ed, in.terms());
        Xml tx = root.add("rsm:SupplyChainTradeTransaction");
        for (EnLine l : in.lines()) {
            Xml li = tx.add("ram:IncludedSupplyChainTradeLineItem");
            Xml lineDocument = li.add("ram:AssociatedDocumentLineDocument").text("ram:LineID", l.id());
            LineDetailsXml.ciiNote(lineDocument, l.details());
            Xml prod = li.add("ram:SpecifiedTradeProduct");
            LineDetailsXml.ciiStandardId(prod, l.details());
            prod.text("ram:SellerAssignedID", l.sellerItemId());
            LineDetailsXml.ciiBuyerItemId(prod, l.details());
            prod.text("ram:Name", l.name());
            prod.text("ram:Description", l.description());
            LineDetailsXml.ciiProductDetails(prod, l.details());
            Xml lineAgreement = li.add("ram:SpecifiedLineTradeAgreement");
            LineDetailsXml.ciiAgreement(lineAgreement, l);
            Xml netPrice = lineAgreement.add("ram:NetPriceProductTradePrice")
                    .text("ram:ChargeAmount", l.netPrice().toPlainString());
            LineDetailsXml.basisQuantity(netPrice, l);
            li.add("ram:SpecifiedLineTradeDelivery").text("ram:BilledQuantity", l.quantity().toPlainString(), "unitCode", l.unit());
            Xml ls = li.add("ram:SpecifiedLineTradeSettlement");
            Xml lt = ls.add("ram:ApplicableTradeTax");
            lt.text("ram:TypeCode", "VAT");
            lt.text("ram:CategoryCode", l.category());
            lt.text("ram:RateApplicablePercent", l.rate() == null ? null : l.rate().toPlainString());
            LineDetailsXml.ciiPeriod(ls, l.details());
            if (l.allowance() != null) {
                Xml ac = ls.add("ram:SpecifiedTradeAllowanceCharge");
                ac.add("ram:ChargeIndicator").text("udt:Indicator", "false");
                ac.text("ram:ActualAmount", l.allowance().toPlainString());
                ac.text("ram:ReasonCode", "95");
                ac.text("ram:Reason", "Discount");
            }
            AllowanceChargeXml.cii(ls, l.charges());
            ls.add("ram:SpecifiedTradeSettlementLineMonetarySummation").text("ram:LineTotalAmount", l.netAmount().toPlainString());
            LineDetailsXml.ciiAccounting(ls, l.details());
        }
        Xml agr = tx.add("ram:ApplicableHeaderTradeAgreement");
        agr.text("ram:BuyerReference", in.buyerReference());
        party(agr.add("ram:SellerTradeParty"), in.seller());
        party(agr.add("ram:BuyerTradeParty"), in.buyer());
        CiiTerms.taxRepresentative(agr, in.terms());
        CiiTerms.salesOrder(agr, in.terms());
        if (in.orderReference() != null) {
            agr.add("ram:BuyerOrderReferencedDocument").text("ram:IssuerAssignedID", in.orderReference());
        }
        CiiTerms.contractAndProject(agr, in.terms());
        Xml del = tx.add("ram:ApplicableHeaderTradeDelivery");
        boolean intraCommunity = in.vat().stream().anyMatch(x -> "K".equals(x.category()));
        // BR-IC-12: the deliver-to country of an intra-community supply.
        CiiTerms.shipTo(del, in.terms(), intraCommunity ? in.buyer().countryCode() : null);
        if (in.deliveryDate() != null) {
            dateTime(del.add("ram:ActualDeliverySupplyChainEvent").add("ram:OccurrenceDateTime"), "udt:DateTimeString",
                    in.deliveryDate());
        }
        CiiTerms.adviceReferences(del, in.terms());
        Xml set = tx.add("ram:ApplicableHeaderTradeSettlement");
        CiiTerms.creditorAndRemittance(set, in.terms());
        set.text("ram:InvoiceCurrencyCode", cur);
        CiiTerms.payee(set, in.terms());
        CiiTerms.paymentMeans(set, in.terms());
        for (EnVat vat : in.vat()) {
            Xml t = set.add("ram:ApplicableTradeTax");
            t.text("ram:CalculatedAmount", vat.amount().toPlainString());
            t.text("ram:TypeCode", "VAT");
            t.text("ram:ExemptionReason", vat.exemptionReason());
            t.text("ram:BasisAmount", vat.base().toPlainString());
            t.text("ram:CategoryCode", vat.category());
            t.text("ram:ExemptionReasonCode", vat.exemptionCode());
            t.text("ram:RateApplicablePercent", vat.rate() == null ? null : vat.rate().toPlainString());
        }
        if (in.periodStart() != null || in.periodEnd() != null) {
            Xml p = set.add("ram:BillingSpecifiedPeriod");
            if (in.periodStart() != null) {
                dateTime(p.add("ram:StartDateTime"), "udt:DateTimeString", in.periodStart());
            }
            if (in.periodEnd() != null) {
                dateTime(p.add("ram:EndDateTime"), "udt:DateTimeString", in.periodEnd());
            }
        }
        AllowanceChargeXml.cii(set, in.allowanceCharges());
        String mandate = CiiTerms.mandate(in.terms());
        if (in.paymentTerms() != null || in.dueDate() != null || mandate != null) {
            Xml terms = set.add("ram:SpecifiedTradePaymentTerms");
            terms.text("ram:Description", in.paymentTerms());
            if (in.dueDate() != null) {
                dateTime(terms.add("ram:DueDateDateTime"), "udt:DateTimeString", in.dueDate());
            }
            terms.text("ram:DirectDebitMandateID", mandate);
        }
        EnTotals tot = in.totals();
        Xml sum = set.add("ram:SpecifiedTradeSettlementHeaderMonetarySummation");
        sum.text("ram:LineTotalAmount", plain(tot.lineTotal()));
        sum.text("ram:ChargeTotalAmount", plain(tot.chargeTotal()));
        sum.text("ram:AllowanceTotalAmount", plain(tot.allowanceTotal()));
        sum.text("ram:TaxBasisTotalAmount", plain(tot.taxExclusive()));
        sum.text("ram:TaxTotalAmount", plain(tot.vatTotal()), "currencyID", cur);
        sum.text("ram:RoundingAmount", plain(tot.rounding()));
        sum.text("ram:GrandTotalAmount", plain(tot.taxInclusive()));
        sum.text("ram:TotalPrepaidAmount", plain(tot.prepaid()));
        sum.text("ram:DuePayableAmount", plain(tot.payable()));
        CiiTerms.precedingAndAccounting(set, in.terms());
        return root.toBytes();
    }

    private static void party(Xml p, EnParty party) {
        // BT-29 / BT-46: without a scheme ram:ID, with one ram:GlobalID (which needs its schemeID, CII-SR-046).
        for (PartyIdentifier id : party.identifiers()) {
            if (id.scheme() == null) {
                p.text("ram:ID", id.id());
            }
        }
        for (PartyIdentifier id : party.identifiers()) {
            if (id.scheme() != null) {
                p.text("ram:GlobalID", id.id(), "schemeID", id.scheme());
            }
        }
        p.text("ram:Name", party.name());
        if (party.legalId() != null || party.tradingName() != null) {
            Xml org = p.add("ram:SpecifiedLegalOrganization");
            org.text("ram:ID", party.legalId());
            org.text("ram:TradingBusinessName", party.tradingName());
        }
        if (party.email() != null || party.phone() != null || party.contactName() != null) {
            Xml c = p.add("ram:DefinedTradeContact");
            c.text("ram:PersonName", party.contactName());
            if (party.phone() != null) {
                c.add("ram:TelephoneUniversalCommunication").text("ram:CompleteNumber", party.phone());
            }
            if (party.email() != null) {
                c.add("ram:EmailURIUniversalCommunication").text("ram:URIID", party.email());
            }
        }
        Xml a = p.add("ram:PostalTradeAddress");
        a.text("ram:PostcodeCode", party.postCode());
        a.text("ram:LineOne", party.street());
        a.text("ram:LineTwo", party.street2());
        a.text("ram:CityName", party.city());
        a.text("ram:CountryID", party.countryCode());
        a.text("ram:CountrySubDivisionName", party.region());
        if (party.endpointId() != null) {
            p.add("ram:URIUniversalCommunication").text("ram:URIID", party.endpointId(), "schemeID", party.endpointScheme());
        }
        if (party.vatId() != null) {
            p.add("ram:SpecifiedTaxRegistration").text("ram:ID", party.vatId(), "schemeID", "VA");
        }
    }

    private static void dateTime(Xml parent, String name, LocalDate date) {
        parent.text(name, date.format(FORMAT_102), "format", "102");
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
