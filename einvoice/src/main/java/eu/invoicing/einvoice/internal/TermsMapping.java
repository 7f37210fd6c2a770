package eu.invoicing.einvoice.internal;

import eu.invoicing.core.Violation;
import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.BankAccount;
import eu.invoicing.core.model.DeliveryInformation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentNote;
import eu.invoicing.core.model.DocumentReferences;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.Payee;
import eu.invoicing.core.model.PaymentMeans;
import eu.invoicing.core.model.PostalAddress;
import eu.invoicing.core.model.PrecedingInvoice;
import eu.invoicing.core.model.TaxRepresentative;
import eu.invoicing.core.model.TradeDetails;
import eu.invoicing.einvoice.EInvoiceOptions;
import eu.invoicing.einvoice.Format;
import eu.invoicing.einvoice.internal.EnTerms.EnAddress;
import eu.invoicing.einvoice.internal.EnTerms.EnMeans;
import eu.invoicing.einvoice.internal.EnTerms.EnNote;
import eu.invoicing.einvoice.internal.EnTerms.EnPayee;
import eu.invoicing.einvoice.internal.EnTerms.EnPreceding;
import eu.invoicing.einvoice.internal.EnTerms.EnTaxRepresentative;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps a document's references ({@link DocumentReferences}) and trade details ({@link TradeDetails}) to the
 * EN 16931 terms of {@link EnTerms}, with what the syntaxes and CIUS demand of them (docs/einvoice.md,
 * "References, delivery, payee, payment means"). {@link EInvoiceOptions}' buyer reference, order reference and
 * preceding invoice, when given, override the document's. Stateless and thread-safe.
 */
final class TermsMapping {
    /** UNTDID 4461 credit transfer codes for which BR-61 requires the account (BT-84). */
    private static final Set<String> CREDIT_TRANSFER = Set.of("30", "58");
    private static final Set<String> CARD = Set.of("48", "54", "55");
    private static final Set<String> DIRECT_DEBIT = Set.of("49", "59");

    private TermsMapping() {
    }

    /**
     * @param doc not null
     * @param options not null
     * @return BT-10: the options', else the document's buyer reference, else (not for a credit note, whose
     *     {@code reference} is its preceding invoice) the document's {@code reference}
     */
    static String buyerReference(Document doc, EInvoiceOptions options) {
        String r = first(options.buyerReference(), doc.references().buyerReference());
        return r != null || doc.type() == DocumentType.CREDIT_NOTE ? r : blankToNull(doc.reference());
    }

    /**
     * @param doc not null
     * @param options not null
     * @return BT-13: the options', else the document's order reference
     */
    static String orderReference(Document doc, EInvoiceOptions options) {
        return first(options.orderReference(), doc.references().orderReference());
    }

    /**
     * @param doc not null
     * @param options not null
     * @return BG-3: the options' preceding invoice, else the document's, else a credit note's {@code reference}
     */
    static List<EnPreceding> precedingInvoices(Document doc, EInvoiceOptions options) {
        List<EnPreceding> out = new ArrayList<>();
        if (blankToNull(options.precedingInvoice()) != null) {
            out.add(new EnPreceding(options.precedingInvoice(), options.precedingInvoiceDate()));
        } else {
            for (PrecedingInvoice p : doc.tradeDetails().precedingInvoices()) {
                if (blankToNull(p.number()) != null) {
                    out.add(new EnPreceding(p.number(), p.date()));
                }
            }
            if (out.isEmpty() && doc.type() == DocumentType.CREDIT_NOTE && blankToNull(doc.reference()) != null) {
                out.add(new EnPreceding(doc.reference(), null));
            }
        }
        return out;
    }

    /**
     * @param doc not null
     * @param entity not null
     * @param format not null
     * @param preceding BG-3 as mapped, not null
     * @param plainNotes how many notes without subject the invoice has
     * @param sellerName BT-27, nullable
     * @param v where problems go, not null
     * @return the terms
     */
    static EnTerms map(Document doc, Entity entity, Format format, List<EnPreceding> preceding, int plainNotes,
            String sellerName, ViolationCollector v) {
        DocumentReferences refs = doc.references();
        TradeDetails t = doc.tradeDetails();
        if (!format.isUbl() && preceding.size() > 1) {
            v.add("preceding_invoices", "too_many", "CII D16B carries one preceding invoice (BG-3), the document has "
                    + preceding.size() + ": write UBL, or keep one");
        }
        List<EnNote> notes = new ArrayList<>();
        for (DocumentNote n : t.notes()) {
            notes.add(new EnNote(blankToNull(n.subject()), n.text()));
        }
        if (format == Format.PEPPOL && plainNotes + notes.size() > 1) {
            v.add("notes", "too_many", "Peppol BIS allows one document note (PEPPOL-EN16931-R002), the document has "
                    + (plainNotes + notes.size()) + " (note and notes together)");
        }
        DeliveryInformation d = t.delivery();
        Payee payee = t.payee();
        EnPayee enPayee = payee == null ? null : new EnPayee(payee.name(), blankToNull(payee.identifier()),
                blankToNull(payee.legalRegistrationId()));
        if (enPayee != null && enPayee.name() != null && enPayee.name().equals(sellerName)) {
            v.add("payee.name", "same_as_seller", "a payee is a party other than the seller (BR-17): leave it out when"
                    + " the seller " + Violation.quote(sellerName) + " is paid");
        }
        TaxRepresentative rep = t.taxRepresentative();
        EnTaxRepresentative enRep = rep == null ? null
                : new EnTaxRepresentative(rep.name(), rep.vatId(), address(rep.address()));
        return new EnTerms(blankToNull(refs.salesOrderReference()), blankToNull(refs.contractReference()),
                blankToNull(refs.projectReference()), blankToNull(refs.despatchAdviceReference()),
                blankToNull(refs.receivingAdviceReference()), blankToNull(refs.accountingReference()), preceding, notes,
                d == null ? null : blankToNull(d.name()), d == null ? null : blankToNull(d.locationId()),
                d == null ? null : address(d.address()), enPayee, enRep, means(doc, entity, format, v));
    }

    /** BG-16: the document's means (a credit transfer without account takes the entity's), else the entity's. */
    private static List<EnMeans> means(Document doc, Entity entity, Format format, ViolationCollector v) {
        BankAccount account = entity.defaultBankAccount();
        boolean hasAccount = account != null && account.iban() != null && !account.iban().isBlank();
        List<PaymentMeans> given = doc.tradeDetails().paymentMeans();
        List<EnMeans> out = new ArrayList<>();
        if (given.isEmpty()) {
            if (hasAccount) {
                out.add(new EnMeans("30", null, doc.number(), account.iban().replace(" ", ""), null,
                        blankToNull(account.bic()), null, null, null, null, null));
            }
            return out;
        }
        Set<String> remittances = new LinkedHashSet<>();
        Set<String> mandates = new LinkedHashSet<>();
        Set<String> creditors = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            PaymentMeans m = given.get(i);
            String path = "payment_means[" + i + "]";
            String code = m.code();
            String iban = blankToNull(m.iban());
            String bic = blankToNull(m.bic());
            if (iban == null && CREDIT_TRANSFER.contains(code) && hasAccount) {
                iban = account.iban().replace(" ", "");
                bic = bic != null ? bic : blankToNull(account.bic());
            }
            if (iban == null && CREDIT_TRANSFER.contains(code)) {
                v.add(path + ".iban", "required", "a credit transfer needs the account to pay to (BT-84, BR-61): give"
                        + " an iban or the entity a default bank account");
            }
            boolean strict = format == Format.PEPPOL || format.isXRechnung();
            if (strict && DIRECT_DEBIT.contains(code) && blankToNull(m.mandateReference()) == null) {
                v.add(path + ".mandate_reference", "required", "a direct debit needs its mandate reference (BT-89,"
                        + " PEPPOL-EN16931-R061)");
            }
            if (format.isXRechnung()) {
                if (CARD.contains(code) && blankToNull(m.cardLastDigits()) == null) {
                    v.add(path + ".card_last_digits", "required", "XRechnung needs the card's last digits for a card"
                            + " payment (BG-18, BR-DE-24)");
                }
                if ("59".equals(code) && blankToNull(m.creditorId()) == null) {
                    v.add(path + ".creditor_id", "required", "XRechnung needs the creditor id of a direct debit (BT-90,"
                            + " BR-DE-30)");
                }
                if ("59".equals(code) && blankToNull(m.debitedAccount()) == null) {
                    v.add(path + ".debited_account", "required", "XRechnung needs the debited account of a direct debit"
                            + " (BT-91, BR-DE-31)");
                }
            }
            addIf(remittances, m.remittance());
            addIf(mandates, m.mandateReference());
            addIf(creditors, m.creditorId());
            out.add(new EnMeans(code, blankToNull(m.information()), blankToNull(m.remittance()), iban, null, bic,
                    blankToNull(m.cardLastDigits()), blankToNull(m.cardHolder()), blankToNull(m.mandateReference()),
                    blankToNull(m.creditorId()), blankToNull(m.debitedAccount())));
        }
        if (creditors.size() > 1) {
            v.add("payment_means", "too_many", "EN 16931 carries one creditor id (BT-90), the means give "
                    + creditors.size());
        }
        if (!format.isUbl() && (remittances.size() > 1 || mandates.size() > 1)) {
            v.add("payment_means", "too_many", "CII D16B carries one remittance information (BT-83) and one mandate"
                    + " reference (BT-89) per invoice, the means give " + remittances.size() + " and " + mandates.size());
        }
        return out;
    }

    private static void addIf(Set<String> set, String s) {
        if (blankToNull(s) != null) {
            set.add(s);
        }
    }

    private static EnAddress address(PostalAddress a) {
        return a == null || a.isEmpty() ? null : new EnAddress(blankToNull(a.address()), blankToNull(a.address2()),
                blankToNull(a.city()), blankToNull(a.postCode()), blankToNull(a.state()), blankToNull(a.countryCode()));
    }

    private static String first(String a, String b) {
        return blankToNull(a) != null ? a : blankToNull(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
