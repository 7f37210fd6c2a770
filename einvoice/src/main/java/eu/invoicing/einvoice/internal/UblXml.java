package eu.invoicing.einvoice.internal;

import eu.invoicing.core.model.PartyIdentifier;
import eu.invoicing.einvoice.internal.EnInvoice.EnLine;
import eu.invoicing.einvoice.internal.EnInvoice.EnParty;
import eu.invoicing.einvoice.internal.EnInvoice.EnTotals;
import eu.invoicing.einvoice.internal.EnInvoice.EnVat;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Serializes an {@link EnInvoice} as a UBL 2.1 Invoice or, for type 381, CreditNote, in the element order
 * of the UBL schemas and with the EN 16931 UBL binding. Stateless and thread-safe.
 */
public final class UblXml {

    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private UblXml() {
    }

    /**
     * @param in the semantic invoice, not null
     * @return the UTF-8 XML
     */
    public static byte[] write(EnInvoice in) {
        boolean credit = in.isCreditNote();
        Xml root = Xml.root(credit ? "CreditNote" : "Invoice")
                .attr("xmlns", credit ? "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
                        : "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2")
                .attr("xmlns:cac", CAC).attr("xmlns:cbc", CBC);
        String cur = in.currency();
        root.text("cbc:CustomizationID", in.customizationId());
        root.text("cbc:ProfileID", in.profileId());
        root.text("cbc:ID", in.number());
        root.text("cbc:IssueDate", date(in.issueDate()));
        if (!credit) {
            root.text("cbc:DueDate", date(in.dueDate()));
        }
        root.text(credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", in.typeCode());
        for (String note : in.notes()) {
            root.text("cbc:Note", note);
        }
        UblTerms.notes(root, in.terms());
        root.text("cbc:DocumentCurrencyCode", cur);
        UblTerms.accountingCost(root, in.terms());
        root.text("cbc:BuyerReference", in.buyerReference());
        if (in.periodStart() != null || in.periodEnd() != null) {
            Xml p = root.add("cac:InvoicePeriod");
            p.text("cbc:StartDate", date(in.periodStart()));
            p.text("cbc:EndDate", date(in.periodEnd()));
        }
        UblTerms.orderReference(root, in.orderReference(), in.terms());
        UblTerms.documentReferences(root, in.terms(), credit);
        party(root.add("cac:AccountingSupplierParty").add("cac:Party"), in.seller(), in.terms());
        party(root.add("cac:AccountingCustomerParty").add("cac:Party"), in.buyer(), EnTerms.NONE);
        UblTerms.payeeAndTaxRepresentative(root, in.terms());
        boolean intraCommunity = in.vat().stream().anyMatch(x -> "K".equals(x.category()));
        if (in.deliveryDate() != null || intraCommunity || in.terms().hasDeliveryParty()) {
            Xml d = root.add("cac:Delivery");
            d.text("cbc:ActualDeliveryDate", date(in.deliveryDate()));
            // BR-IC-12: the deliver-to country of an intra-community supply.
            UblTerms.deliveryParty(d, in.terms(), intraCommunity ? in.buyer().countryCode() : null);
        }
        UblTerms.paymentMeans(root, in.terms(), credit ? in.dueDate() : null);
        if (in.paymentTerms() != null) {
            root.add("cac:PaymentTerms").text("cbc:Note", in.paymentTerms());
        }
        AllowanceChargeXml.ubl(root, in.allowanceCharges(), cur);
        Xml tt = root.add("cac:TaxTotal");
        amount(tt, "cbc:TaxAmount", in.totals().vatTotal(), cur);
        for (EnVat vat : in.vat()) {
            Xml sub = tt.add("cac:TaxSubtotal");
            amount(sub, "cbc:TaxableAmount", vat.base(), cur);
            amount(sub, "cbc:TaxAmount", vat.amount(), cur);
            Xml cat = sub.add("cac:TaxCategory");
            cat.text("cbc:ID", vat.category());
            cat.text("cbc:Percent", vat.rate() == null ? null : vat.rate().toPlainString());
            cat.text("cbc:TaxExemptionReasonCode", vat.exemptionCode());
            cat.text("cbc:TaxExemptionReason", vat.exemptionReason());
            cat.add("cac:TaxScheme").text("cbc:ID", "VAT");
        }
        EnTotals t = in.totals();
        Xml lmt = root.add("cac:LegalMonetaryTotal");
        amount(lmt, "cbc:LineExtensionAmount", t.lineTotal(), cur);
        amount(lmt, "cbc:TaxExclusiveAmount", t.taxExclusive(), cur);
        amount(lmt, "cbc:TaxInclusiveAmount", t.taxInclusive(), cur);
        amount(lmt, "cbc:AllowanceTotalAmount", t.allowanceTotal(), cur);
        amount(lmt, "cbc:ChargeTotalAmount", t.chargeTotal(), cur);
        amount(lmt, "cbc:PrepaidAmount", t.prepaid(), cur);
        amount(lmt, "cbc:PayableRoundingAmount", t.rounding(), cur);
        amount(lmt, "cbc:PayableAmount", t.payable(), cur);
        for (EnLine l : in.lines()) {
            Xml line = root.add(credit ? "cac:CreditNoteLine" : "cac:InvoiceLine");
            line.text("cbc:ID", l.id());
            LineDetailsXml.ublNote(line, l.details());
            line.text(credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", l.quantity().toPlainString(), "unitCode", l.unit());
            amount(line, "cbc:LineExtensionAmount", l.netAmount(), cur);
            LineDetailsXml.ublReferences(line, l.details());
            if (l.allowance() != null) {
                Xml ac = line.add("cac:AllowanceCharge");
                ac.text("cbc:ChargeIndicator", "false");
                ac.text("cbc:AllowanceChargeReasonCode", "95");
                ac.text("cbc:AllowanceChargeReason", "Discount");
                amount(ac, "cbc:Amount", l.allowance(), cur);
            }
            AllowanceChargeXml.ubl(line, l.charges(), cur);
            Xml item = line.add("cac:Item");
            item.text("cbc:Description", l.description());
            item.text("cbc:Name", l.name());
            LineDetailsXml.ublBuyerItemId(item, l.details());
            if (l.sellerItemId() != null) {
                item.add("cac:SellersItemIdentification").text("cbc:ID", l.sellerItemId());
            }
            LineDetailsXml.ublItemIds(item, l.details());
            Xml cat = item.add("cac:ClassifiedTaxCategory");
            cat.text("cbc:ID", l.category());
            cat.text("cbc:Percent", l.rate() == null ? null : l.rate().toPlainString());
            cat.add("cac:TaxScheme").text("cbc:ID", "VAT");
            LineDetailsXml.ublAttributes(item, l.details());
            Xml price = line.add("cac:Price");
            amount(price, "cbc:PriceAmount", l.netPrice(), cur);
            LineDetailsXml.ublPrice(price, l, cur);
        }
        return root.toBytes();
    }

    private static void party(Xml p, EnParty party, EnTerms terms) {
        p.text("cbc:EndpointID", party.endpointId(), "schemeID", party.endpointScheme());
        for (PartyIdentifier id : party.identifiers()) {
            p.add("cac:PartyIdentification").text("cbc:ID", id.id(), "schemeID", id.scheme());
        }
        UblTerms.sellerCreditorId(p, terms);
        if (party.tradingName() != null) {
            p.add("cac:PartyName").text("cbc:Name", party.tradingName());
        }
        Xml a = p.add("cac:PostalAddress");
        a.text("cbc:StreetName", party.street());
        a.text("cbc:AdditionalStreetName", party.street2());
        a.text("cbc:CityName", party.city());
        a.text("cbc:PostalZone", party.postCode());
        a.text("cbc:CountrySubentity", party.region());
        a.add("cac:Country").text("cbc:IdentificationCode", party.countryCode());
        if (party.vatId() != null) {
            Xml ts = p.add("cac:PartyTaxScheme");
            ts.text("cbc:CompanyID", party.vatId());
            ts.add("cac:TaxScheme").text("cbc:ID", "VAT");
        }
        Xml le = p.add("cac:PartyLegalEntity");
        le.text("cbc:RegistrationName", party.name());
        le.text("cbc:CompanyID", party.legalId());
        if (party.email() != null || party.phone() != null || party.contactName() != null) {
            Xml c = p.add("cac:Contact");
            c.text("cbc:Name", party.contactName());
            c.text("cbc:Telephone", party.phone());
            c.text("cbc:ElectronicMail", party.email());
        }
    }

    private static void amount(Xml parent, String name, BigDecimal value, String currency) {
        if (value != null) {
            parent.text(name, value.toPlainString(), "currencyID", currency);
        }
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
