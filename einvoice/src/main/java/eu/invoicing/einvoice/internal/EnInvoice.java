package eu.invoicing.einvoice.internal;

import eu.invoicing.core.model.LineDetails;
import eu.invoicing.core.model.PartyIdentifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The EN 16931 semantic invoice, by business term (BT / BG numbers of the norm): what the UBL and CII
 * writers serialize and what the readers parse, independent of syntax. Amounts are as they appear in the
 * file. Immutable; lists copied. Nullable unless said otherwise.
 *
 * @param number BT-1, not null
 * @param issueDate BT-2, not null
 * @param typeCode BT-3 (UNTDID 1001: 380, 381, 386, 325), not null
 * @param currency BT-5, not null
 * @param dueDate BT-9
 * @param buyerReference BT-10
 * @param orderReference BT-13
 * @param notes BT-22, not null
 * @param precedingInvoice BT-25
 * @param precedingInvoiceDate BT-26
 * @param periodStart BT-73
 * @param periodEnd BT-74
 * @param deliveryDate BT-72
 * @param seller BG-4, not null
 * @param buyer BG-7, not null
 * @param paymentMeans BG-16
 * @param paymentTerms BT-20
 * @param customizationId BT-24, not null
 * @param profileId BT-23
 * @param vat BG-23, not null
 * @param totals BG-22, not null
 * @param lines BG-25, not null
 * @param terms the references, parties and payment means beyond these ({@link EnTerms}), not null
 * @param allowanceCharges BG-20 and BG-21, not null
 */
public record EnInvoice(String number, LocalDate issueDate, String typeCode, String currency, LocalDate dueDate,
        String buyerReference, String orderReference, List<String> notes, String precedingInvoice,
        LocalDate precedingInvoiceDate, LocalDate periodStart, LocalDate periodEnd, LocalDate deliveryDate,
        EnParty seller, EnParty buyer, EnPaymentMeans paymentMeans, String paymentTerms, String customizationId,
        String profileId, List<EnVat> vat, EnTotals totals, List<EnLine> lines, EnTerms terms,
        List<EnAllowanceCharge> allowanceCharges) {

    /** Copies the lists. */
    public EnInvoice {
        notes = List.copyOf(notes);
        vat = List.copyOf(vat);
        lines = List.copyOf(lines);
        allowanceCharges = List.copyOf(allowanceCharges);
    }

    /** @return true for a credit note (381) */
    public boolean isCreditNote() {
        return "381".equals(typeCode);
    }

    /**
     * BG-4 / BG-7: a seller or buyer.
     *
     * @param name BT-27 / BT-44
     * @param tradingName BT-28 / BT-45
     * @param vatId BT-31 / BT-48
     * @param legalId BT-30 / BT-47
     * @param endpointScheme BT-34 / BT-49 scheme
     * @param endpointId BT-34 / BT-49
     * @param street BT-35 / BT-50
     * @param street2 BT-36 / BT-51
     * @param city BT-37 / BT-52
     * @param postCode BT-38 / BT-53
     * @param region BT-39 / BT-54
     * @param countryCode BT-40 / BT-55
     * @param email BT-43 / BT-58
     * @param phone BT-42 / BT-57
     * @param contactName BT-41 / BT-56
     * @param identifiers BT-29 with BT-29-1 (0..n) / BT-46 with BT-46-1 (0..1), not null; never the SEPA creditor id
     */
    public record EnParty(String name, String tradingName, String vatId, String legalId, String endpointScheme,
            String endpointId, String street, String street2, String city, String postCode, String region,
            String countryCode, String email, String phone, String contactName, List<PartyIdentifier> identifiers) {

        /** Copies the list. */
        public EnParty {
            identifiers = List.copyOf(identifiers);
        }

        /**
         * @param name BT-41 / BT-56, nullable
         * @return a copy with that contact point
         */
        public EnParty withContactName(String name) {
            return new EnParty(this.name, tradingName, vatId, legalId, endpointScheme, endpointId, street, street2, city,
                    postCode, region, countryCode, email, phone, name, identifiers);
        }
    }

    /**
     * BG-16.
     *
     * @param code BT-81 (UNTDID 4461: 30 credit transfer, 58 SEPA credit transfer, 48 card, 59 direct debit)
     * @param remittance BT-83
     * @param iban BT-84
     * @param bic BT-86
     * @param accountName BT-85
     */
    public record EnPaymentMeans(String code, String remittance, String iban, String bic, String accountName) {
    }

    /**
     * BG-23: one VAT breakdown.
     *
     * @param category BT-118, not null
     * @param rate BT-119 (null for O)
     * @param base BT-116, not null
     * @param amount BT-117, not null
     * @param exemptionReason BT-120
     * @param exemptionCode BT-121
     */
    public record EnVat(String category, BigDecimal rate, BigDecimal base, BigDecimal amount, String exemptionReason,
            String exemptionCode) {
    }

    /**
     * BG-22.
     *
     * @param lineTotal BT-106
     * @param taxExclusive BT-109
     * @param vatTotal BT-110
     * @param taxInclusive BT-112
     * @param prepaid BT-113
     * @param rounding BT-114
     * @param payable BT-115
     * @param allowanceTotal BT-107
     * @param chargeTotal BT-108
     */
    public record EnTotals(BigDecimal lineTotal, BigDecimal taxExclusive, BigDecimal vatTotal, BigDecimal taxInclusive,
            BigDecimal prepaid, BigDecimal rounding, BigDecimal payable, BigDecimal allowanceTotal,
            BigDecimal chargeTotal) {
    }

    /**
     * BG-25: one invoice line.
     *
     * @param id BT-126, not null
     * @param quantity BT-129, not null
     * @param unit BT-130, not null
     * @param netAmount BT-131, not null
     * @param allowance BT-136 (one line allowance: the line's discounts together)
     * @param name BT-153, not null
     * @param description BT-154
     * @param sellerItemId BT-155
     * @param netPrice BT-146, not null
     * @param category BT-151, not null
     * @param rate BT-152 (null for O)
     * @param details BT-127, BT-132, BT-133, BG-26, BT-147..149, BT-156..159, BG-32, not null (prices as written)
     * @param charges BG-28 line charges, not null
     */
    public record EnLine(String id, BigDecimal quantity, String unit, BigDecimal netAmount, BigDecimal allowance,
            String name, String description, String sellerItemId, BigDecimal netPrice, String category,
            BigDecimal rate, LineDetails details, List<EnAllowanceCharge> charges) {
        /** Copies the list. */
        public EnLine {
            charges = List.copyOf(charges);
        }
    }
}
