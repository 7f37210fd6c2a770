package eu.invoicing.einvoice.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The business terms of an {@link EnInvoice} beyond its core: the document references BT-11 to BT-19 (BT-10 and
 * BT-13 stay on the invoice), the preceding invoices (BG-3), notes with a subject (BT-21/22), delivery party and
 * address (BG-13, BG-15), payee (BG-10), tax representative (BG-11) and every payment means (BG-16 with BG-17
 * to BG-19). Immutable (lists copied); nullable unless said otherwise.
 *
 * @param salesOrderReference BT-14
 * @param contractReference BT-12
 * @param projectReference BT-11
 * @param despatchAdviceReference BT-16
 * @param receivingAdviceReference BT-15
 * @param accountingReference BT-19
 * @param precedingInvoices BG-3, in order, not null
 * @param subjectNotes BT-21 + BT-22, after the invoice's plain notes, not null
 * @param deliveryName BT-70
 * @param deliveryLocationId BT-71
 * @param deliveryAddress BG-15
 * @param payee BG-10
 * @param taxRepresentative BG-11
 * @param paymentMeans BG-16, in order, not null
 */
public record EnTerms(String salesOrderReference, String contractReference, String projectReference,
        String despatchAdviceReference, String receivingAdviceReference, String accountingReference,
        List<EnPreceding> precedingInvoices, List<EnNote> subjectNotes, String deliveryName, String deliveryLocationId,
        EnAddress deliveryAddress, EnPayee payee, EnTaxRepresentative taxRepresentative,
        List<EnMeans> paymentMeans) {

    /** Nothing beyond the core. */
    public static final EnTerms NONE = new EnTerms(null, null, null, null, null, null, List.of(), List.of(), null, null,
            null, null, null, List.of());

    /** Copies the lists. */
    public EnTerms {
        precedingInvoices = List.copyOf(precedingInvoices);
        subjectNotes = List.copyOf(subjectNotes);
        paymentMeans = List.copyOf(paymentMeans);
    }

    /** @return whether a delivery party, location or address is given (the date is the invoice's) */
    public boolean hasDeliveryParty() {
        return deliveryName != null || deliveryLocationId != null || deliveryAddress != null;
    }

    /**
     * BG-3.
     *
     * @param number BT-25, not null
     * @param date BT-26
     */
    public record EnPreceding(String number, LocalDate date) {
    }

    /**
     * A note with its subject.
     *
     * @param subject BT-21 (UNTDID 4451)
     * @param text BT-22, not null
     */
    public record EnNote(String subject, String text) {
    }

    /**
     * BG-12 / BG-15: an address.
     *
     * @param street BT-64 / BT-75
     * @param street2 BT-65 / BT-76
     * @param city BT-66 / BT-77
     * @param postCode BT-67 / BT-78
     * @param region BT-68 / BT-79
     * @param countryCode BT-69 / BT-80
     */
    public record EnAddress(String street, String street2, String city, String postCode, String region,
            String countryCode) {
    }

    /**
     * BG-10.
     *
     * @param name BT-59, not null
     * @param id BT-60
     * @param legalId BT-61
     */
    public record EnPayee(String name, String id, String legalId) {
    }

    /**
     * BG-11.
     *
     * @param name BT-62, not null
     * @param vatId BT-63, not null
     * @param address BG-12, not null
     */
    public record EnTaxRepresentative(String name, String vatId, EnAddress address) {
    }

    /**
     * BG-16 with its credit transfer (BG-17), card (BG-18) and direct debit (BG-19) parts.
     *
     * @param code BT-81, not null
     * @param information BT-82
     * @param remittance BT-83 (CII has one per invoice: the first means' is written)
     * @param iban BT-84
     * @param accountName BT-85
     * @param bic BT-86
     * @param cardLastDigits BT-87
     * @param cardHolder BT-88
     * @param mandate BT-89 (CII has one per invoice)
     * @param creditorId BT-90 (one per invoice in both syntaxes)
     * @param debitedAccount BT-91
     */
    public record EnMeans(String code, String information, String remittance, String iban, String accountName,
            String bic, String cardLastDigits, String cardHolder, String mandate, String creditorId,
            String debitedAccount) {
    }
}
