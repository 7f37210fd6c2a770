package eu.invoicing.einvoice.internal;

import eu.invoicing.einvoice.internal.EnTerms.EnAddress;
import eu.invoicing.einvoice.internal.EnTerms.EnMeans;
import eu.invoicing.einvoice.internal.EnTerms.EnNote;
import eu.invoicing.einvoice.internal.EnTerms.EnPayee;
import eu.invoicing.einvoice.internal.EnTerms.EnPreceding;
import eu.invoicing.einvoice.internal.EnTerms.EnTaxRepresentative;
import java.time.LocalDate;

/**
 * Writes the {@link EnTerms} of an invoice in UBL 2.1, each part at its place in the schema's element order
 * ({@link UblXml} calls them in that order). The EN 16931 UBL binding decides the shapes: a note's subject
 * as {@code #CODE#} before its text, BT-14 without BT-13 under an order reference {@code NA}, a credit note's
 * project reference as an additional document of type 50, BT-90 as the seller's (or payee's) party
 * identification of scheme {@code SEPA}. Stateless and thread-safe.
 */
final class UblTerms {
    /** The order reference id written when only the sales order (BT-14) is known: UBL requires an id. */
    static final String NO_ORDER = "NA";

    private UblTerms() {
    }

    /** BT-21 + BT-22, after the plain notes. */
    static void notes(Xml root, EnTerms t) {
        for (EnNote n : t.subjectNotes()) {
            root.text("cbc:Note", n.subject() == null ? n.text() : "#" + n.subject() + "#" + n.text());
        }
    }

    /** BT-19, after the currency codes. */
    static void accountingCost(Xml root, EnTerms t) {
        root.text("cbc:AccountingCost", t.accountingReference());
    }

    /** BT-13 + BT-14. */
    static void orderReference(Xml root, String orderReference, EnTerms t) {
        if (orderReference != null || t.salesOrderReference() != null) {
            Xml o = root.add("cac:OrderReference");
            o.text("cbc:ID", orderReference == null ? NO_ORDER : orderReference);
            o.text("cbc:SalesOrderID", t.salesOrderReference());
        }
    }

    /** BG-3, then BT-16, BT-15, BT-12 and BT-11 (in the schema's order for an Invoice and a CreditNote). */
    static void documentReferences(Xml root, EnTerms t, boolean credit) {
        for (EnPreceding p : t.precedingInvoices()) {
            Xml ref = root.add("cac:BillingReference").add("cac:InvoiceDocumentReference");
            ref.text("cbc:ID", p.number());
            ref.text("cbc:IssueDate", date(p.date()));
        }
        if (t.despatchAdviceReference() != null) {
            root.add("cac:DespatchDocumentReference").text("cbc:ID", t.despatchAdviceReference());
        }
        if (t.receivingAdviceReference() != null) {
            root.add("cac:ReceiptDocumentReference").text("cbc:ID", t.receivingAdviceReference());
        }
        if (t.contractReference() != null) {
            root.add("cac:ContractDocumentReference").text("cbc:ID", t.contractReference());
        }
        if (t.projectReference() != null) {
            if (credit) {
                // A CreditNote has no ProjectReference: the binding puts BT-11 in a document reference of type 50.
                Xml a = root.add("cac:AdditionalDocumentReference");
                a.text("cbc:ID", t.projectReference());
                a.text("cbc:DocumentTypeCode", "50");
            } else {
                root.add("cac:ProjectReference").text("cbc:ID", t.projectReference());
            }
        }
    }

    /** BT-90 on the seller, when there is no payee to carry it; called right after the seller's EndpointID. */
    static void sellerCreditorId(Xml party, EnTerms t) {
        if (t.payee() == null) {
            creditorId(party, t);
        }
    }

    private static void creditorId(Xml party, EnTerms t) {
        for (EnMeans m : t.paymentMeans()) {
            if (m.creditorId() != null) {
                party.add("cac:PartyIdentification").text("cbc:ID", m.creditorId(), "schemeID", "SEPA");
                return;
            }
        }
    }

    /** BG-10 and BG-11, after the buyer. */
    static void payeeAndTaxRepresentative(Xml root, EnTerms t) {
        EnPayee p = t.payee();
        if (p != null) {
            Xml party = root.add("cac:PayeeParty");
            if (p.id() != null) {
                party.add("cac:PartyIdentification").text("cbc:ID", p.id());
            }
            creditorId(party, t);
            party.add("cac:PartyName").text("cbc:Name", p.name());
            if (p.legalId() != null) {
                party.add("cac:PartyLegalEntity").text("cbc:CompanyID", p.legalId());
            }
        }
        EnTaxRepresentative r = t.taxRepresentative();
        if (r != null) {
            Xml party = root.add("cac:TaxRepresentativeParty");
            party.add("cac:PartyName").text("cbc:Name", r.name());
            address(party.add("cac:PostalAddress"), r.address());
            Xml ts = party.add("cac:PartyTaxScheme");
            ts.text("cbc:CompanyID", r.vatId());
            ts.add("cac:TaxScheme").text("cbc:ID", "VAT");
        }
    }

    /**
     * BG-13 inside {@code cac:Delivery}, after the delivery date.
     *
     * @param fallbackCountry the deliver-to country of an intra-community supply without address (BR-IC-12), nullable
     */
    static void deliveryParty(Xml d, EnTerms t, String fallbackCountry) {
        if (t.deliveryLocationId() != null || t.deliveryAddress() != null || fallbackCountry != null) {
            Xml loc = d.add("cac:DeliveryLocation");
            loc.text("cbc:ID", t.deliveryLocationId());
            if (t.deliveryAddress() != null) {
                address(loc.add("cac:Address"), t.deliveryAddress());
            } else if (fallbackCountry != null) {
                loc.add("cac:Address").add("cac:Country").text("cbc:IdentificationCode", fallbackCountry);
            }
        }
        if (t.deliveryName() != null) {
            d.add("cac:DeliveryParty").add("cac:PartyName").text("cbc:Name", t.deliveryName());
        }
    }

    /** BG-16 with BG-17 to BG-19; a credit note's due date goes into the first. */
    static void paymentMeans(Xml root, EnTerms t, LocalDate creditDueDate) {
        if (t.paymentMeans().isEmpty() && creditDueDate != null) {
            Xml m = root.add("cac:PaymentMeans");
            m.text("cbc:PaymentMeansCode", "1");
            m.text("cbc:PaymentDueDate", date(creditDueDate));
            return;
        }
        boolean first = true;
        for (EnMeans pm : t.paymentMeans()) {
            Xml m = root.add("cac:PaymentMeans");
            m.text("cbc:PaymentMeansCode", pm.code(), "name", pm.information());
            if (first) {
                m.text("cbc:PaymentDueDate", date(creditDueDate));
                first = false;
            }
            m.text("cbc:PaymentID", pm.remittance());
            if (pm.cardLastDigits() != null) {
                Xml card = m.add("cac:CardAccount");
                card.text("cbc:PrimaryAccountNumberID", pm.cardLastDigits());
                // Mandatory in UBL, not an EN 16931 term: the card network is not known.
                card.text("cbc:NetworkID", "NA");
                card.text("cbc:HolderName", pm.cardHolder());
            }
            if (pm.iban() != null) {
                Xml acc = m.add("cac:PayeeFinancialAccount");
                acc.text("cbc:ID", pm.iban());
                acc.text("cbc:Name", pm.accountName());
                if (pm.bic() != null) {
                    acc.add("cac:FinancialInstitutionBranch").text("cbc:ID", pm.bic());
                }
            }
            if (pm.mandate() != null || pm.debitedAccount() != null) {
                Xml mandate = m.add("cac:PaymentMandate");
                mandate.text("cbc:ID", pm.mandate());
                if (pm.debitedAccount() != null) {
                    mandate.add("cac:PayerFinancialAccount").text("cbc:ID", pm.debitedAccount());
                }
            }
        }
    }

    private static void address(Xml a, EnAddress address) {
        if (address == null) {
            return;
        }
        a.text("cbc:StreetName", address.street());
        a.text("cbc:AdditionalStreetName", address.street2());
        a.text("cbc:CityName", address.city());
        a.text("cbc:PostalZone", address.postCode());
        a.text("cbc:CountrySubentity", address.region());
        a.add("cac:Country").text("cbc:IdentificationCode", address.countryCode());
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
