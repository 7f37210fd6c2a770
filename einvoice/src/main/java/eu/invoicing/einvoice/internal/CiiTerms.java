package eu.invoicing.einvoice.internal;

import eu.invoicing.einvoice.internal.EnTerms.EnAddress;
import eu.invoicing.einvoice.internal.EnTerms.EnMeans;
import eu.invoicing.einvoice.internal.EnTerms.EnNote;
import eu.invoicing.einvoice.internal.EnTerms.EnPayee;
import eu.invoicing.einvoice.internal.EnTerms.EnPreceding;
import eu.invoicing.einvoice.internal.EnTerms.EnTaxRepresentative;

/**
 * Writes the {@link EnTerms} of an invoice in CII D16B, each part at its place in the schema's element order
 * ({@link CiiXml} calls them in that order). D16B has one BT-83, BT-89, BT-90 and BG-3 per invoice: the first
 * given is written (the mapping refuses documents that give several). Stateless and thread-safe.
 */
final class CiiTerms {
    private CiiTerms() {
    }

    /** BT-21 + BT-22, after the plain notes. */
    static void notes(Xml ed, EnTerms t) {
        for (EnNote n : t.subjectNotes()) {
            Xml note = ed.add("ram:IncludedNote");
            note.text("ram:Content", n.text());
            note.text("ram:SubjectCode", n.subject());
        }
    }

    /** BG-11, after the buyer. */
    static void taxRepresentative(Xml agr, EnTerms t) {
        EnTaxRepresentative r = t.taxRepresentative();
        if (r != null) {
            Xml p = agr.add("ram:SellerTaxRepresentativeTradeParty");
            p.text("ram:Name", r.name());
            address(p.add("ram:PostalTradeAddress"), r.address());
            p.add("ram:SpecifiedTaxRegistration").text("ram:ID", r.vatId(), "schemeID", "VA");
        }
    }

    /** BT-14, before the buyer's order reference. */
    static void salesOrder(Xml agr, EnTerms t) {
        if (t.salesOrderReference() != null) {
            agr.add("ram:SellerOrderReferencedDocument").text("ram:IssuerAssignedID", t.salesOrderReference());
        }
    }

    /** BT-12 and BT-11, after the buyer's order reference. */
    static void contractAndProject(Xml agr, EnTerms t) {
        if (t.contractReference() != null) {
            agr.add("ram:ContractReferencedDocument").text("ram:IssuerAssignedID", t.contractReference());
        }
        if (t.projectReference() != null) {
            Xml p = agr.add("ram:SpecifiedProcuringProject");
            p.text("ram:ID", t.projectReference());
            // Name is mandatory in D16B and no EN 16931 term: the binding's examples write this text.
            p.text("ram:Name", "Project reference");
        }
    }

    /**
     * BG-13 (the delivery party and address) as the ship-to party.
     *
     * @param fallbackCountry the deliver-to country of an intra-community supply without address, nullable
     */
    static void shipTo(Xml del, EnTerms t, String fallbackCountry) {
        if (!t.hasDeliveryParty() && fallbackCountry == null) {
            return;
        }
        Xml p = del.add("ram:ShipToTradeParty");
        p.text("ram:ID", t.deliveryLocationId());
        p.text("ram:Name", t.deliveryName());
        if (t.deliveryAddress() != null) {
            address(p.add("ram:PostalTradeAddress"), t.deliveryAddress());
        } else if (fallbackCountry != null) {
            p.add("ram:PostalTradeAddress").text("ram:CountryID", fallbackCountry);
        }
    }

    /** BT-16 and BT-15, after the delivery event. */
    static void adviceReferences(Xml del, EnTerms t) {
        if (t.despatchAdviceReference() != null) {
            del.add("ram:DespatchAdviceReferencedDocument").text("ram:IssuerAssignedID", t.despatchAdviceReference());
        }
        if (t.receivingAdviceReference() != null) {
            del.add("ram:ReceivingAdviceReferencedDocument").text("ram:IssuerAssignedID", t.receivingAdviceReference());
        }
    }

    /** BT-90 and BT-83, first in the settlement. */
    static void creditorAndRemittance(Xml set, EnTerms t) {
        set.text("ram:CreditorReferenceID", first(t, EnMeans::creditorId));
        set.text("ram:PaymentReference", first(t, EnMeans::remittance));
    }

    /** BG-10, after the currency. */
    static void payee(Xml set, EnTerms t) {
        EnPayee p = t.payee();
        if (p != null) {
            Xml party = set.add("ram:PayeeTradeParty");
            party.text("ram:ID", p.id());
            party.text("ram:Name", p.name());
            if (p.legalId() != null) {
                party.add("ram:SpecifiedLegalOrganization").text("ram:ID", p.legalId());
            }
        }
    }

    /** BG-16 with BG-17 to BG-19 (BT-89 goes into the payment terms). */
    static void paymentMeans(Xml set, EnTerms t) {
        for (EnMeans pm : t.paymentMeans()) {
            Xml m = set.add("ram:SpecifiedTradeSettlementPaymentMeans");
            m.text("ram:TypeCode", pm.code());
            m.text("ram:Information", pm.information());
            if (pm.cardLastDigits() != null) {
                Xml card = m.add("ram:ApplicableTradeSettlementFinancialCard");
                card.text("ram:ID", pm.cardLastDigits());
                card.text("ram:CardholderName", pm.cardHolder());
            }
            if (pm.debitedAccount() != null) {
                m.add("ram:PayerPartyDebtorFinancialAccount").text("ram:IBANID", pm.debitedAccount());
            }
            if (pm.iban() != null) {
                Xml acc = m.add("ram:PayeePartyCreditorFinancialAccount");
                acc.text("ram:IBANID", pm.iban());
                acc.text("ram:AccountName", pm.accountName());
            }
            if (pm.bic() != null) {
                m.add("ram:PayeeSpecifiedCreditorFinancialInstitution").text("ram:BICID", pm.bic());
            }
        }
    }

    /** @return BT-89 of the first means that gives one, nullable */
    static String mandate(EnTerms t) {
        return first(t, EnMeans::mandate);
    }

    /** The first preceding invoice (BG-3), and BT-19, last in the settlement. */
    static void precedingAndAccounting(Xml set, EnTerms t) {
        if (!t.precedingInvoices().isEmpty()) {
            EnPreceding p = t.precedingInvoices().get(0);
            Xml ref = set.add("ram:InvoiceReferencedDocument");
            ref.text("ram:IssuerAssignedID", p.number());
            if (p.date() != null) {
                ref.add("ram:FormattedIssueDateTime").text("qdt:DateTimeString", p.date().format(CiiXml.FORMAT_102),
                        "format", "102");
            }
        }
        if (t.accountingReference() != null) {
            set.add("ram:ReceivableSpecifiedTradeAccountingAccount").text("ram:ID", t.accountingReference());
        }
    }

    private static String first(EnTerms t, java.util.function.Function<EnMeans, String> f) {
        for (EnMeans m : t.paymentMeans()) {
            if (f.apply(m) != null) {
                return f.apply(m);
            }
        }
        return null;
    }

    private static void address(Xml a, EnAddress address) {
        if (address == null) {
            return;
        }
        a.text("ram:PostcodeCode", address.postCode());
        a.text("ram:LineOne", address.street());
        a.text("ram:LineTwo", address.street2());
        a.text("ram:CityName", address.city());
        a.text("ram:CountryID", address.countryCode());
        a.text("ram:CountrySubDivisionName", address.region());
    }
}
