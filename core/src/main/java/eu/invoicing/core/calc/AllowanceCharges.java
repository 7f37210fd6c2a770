package eu.invoicing.core.calc;

import eu.invoicing.core.ViolationCollector;
import eu.invoicing.core.model.AllowanceCharge;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.TaxCategory;
import eu.invoicing.core.model.TaxSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of allowances and charges (docs/calculation.md, "Allowances and charges"): the input bounds of
 * document allowances and charges (EN 16931 BG-20, BG-21) and of line charges (BG-28), the exact value of one
 * (a fixed amount, or a percent of its base), and which tax group of a calculated document a document
 * allowance or charge was summed into.
 *
 * <p>Stateless and thread-safe.
 */
public final class AllowanceCharges {
    /** Most line charges on one line, as for discounts. */
    public static final int MAX_LINE_CHARGES = 5;
    /** Most document allowances, and most document charges. */
    public static final int MAX_DOCUMENT_ENTRIES = 100;

    /** UNTDID 5189 allowance reason codes, as restricted by EN 16931 (BR-CL-19). */
    private static final Set<String> ALLOWANCE_CODES = Set.of("41", "42", "60", "62", "63", "64", "65", "66",
            "67", "68", "70", "71", "88", "95", "100", "102", "103", "104", "105");

    /** UNTDID 7161 charge reason codes, as restricted by EN 16931 (BR-CL-20). */
    private static final Set<String> CHARGE_CODES = Set.of(("AA AAA AAC AAD AAE AAF AAH AAI AAS AAT AAV AAY AAZ"
            + " ABA ABB ABC ABD ABF ABK ABL ABN ABR ABS ABT ABU ACF ACG ACH ACI ACJ ACK ACL ACM ACS ADC ADE ADJ ADK"
            + " ADL ADM ADN ADO ADP ADQ ADR ADT ADW ADY ADZ AEA AEB AEC AED AEF AEH AEI AEJ AEK AEL AEM AEN AEO AEP"
            + " AES AET AEU AEV AEW AEX AEY AEZ AJ AU CA CAB CAD CAE CAF CAI CAJ CAK CAL CAM CAN CAO CAP CAQ CAR"
            + " CAS CAT CAU CAV CAW CAX CAY CAZ CD CG CS CT DAB DAD DAC DAF DAG DAH DAI DAJ DAK DAL DAM DAN DAO DAP"
            + " DAQ DL EG EP ER FAA FAB FAC FC FH FI GAA HAA HD HH IAA IAB ID IF IR IS KO L1 LA LAA LAB LF MAE MI ML"
            + " NAA OA PA PAA PC PL PRV RAB RAC RAD RAF RE RF RH RV SA SAA SAD SAE SAI SG SH SM SU TAB TAC TT TV V1"
            + " V2 WH XAA YY ZZZ").split(" "));

    private AllowanceCharges() {
    }

    /**
     * @param code a reason code, not null
     * @param charge true for a charge (UNTDID 7161), false for an allowance (UNTDID 5189)
     * @return whether EN 16931 accepts the code (BR-CL-19, BR-CL-20)
     */
    public static boolean isKnownReasonCode(String code, boolean charge) {
        Objects.requireNonNull(code, "code");
        return (charge ? CHARGE_CODES : ALLOWANCE_CODES).contains(code);
    }

    /**
     * The tax group of a calculated document that a document allowance or charge was summed into: the first
     * group of its rate (by value) and VAT category.
     *
     * @param document a calculated document, not null
     * @param entry one of its document allowances or charges, not null
     * @return the group, or null when the entry has no tax rate (it is in no group)
     */
    public static TaxSummary groupOf(Document document, AllowanceCharge entry) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(entry, "entry");
        return entry.taxRate() == null ? null : find(document.taxes(), entry.taxRate(), entry.taxCategory());
    }

    /**
     * The group of an entry: the first of its rate and VAT category; else the first of its rate where the entry or
     * the group names no category (an unnamed category follows from the rate), with the same reverse charge
     * ({@code AE} for the entry).
     */
    static TaxSummary find(List<TaxSummary> taxes, BigDecimal rate, TaxCategory category) {
        for (TaxSummary t : taxes) {
            if (t.category() == category && t.rate().compareTo(rate) == 0) {
                return t;
            }
        }
        for (TaxSummary t : taxes) {
            if (loosely(category, rate, t.category(), t.rate(), t.isReverseCharge())) {
                return t;
            }
        }
        return null;
    }

    /** @return whether an entry of the rate and category joins a group whose category or its own is unnamed */
    static boolean loosely(TaxCategory category, BigDecimal rate, TaxCategory groupCategory, BigDecimal groupRate,
            boolean groupReverse) {
        return (category == null || groupCategory == null) && groupRate.compareTo(rate) == 0
                && (category == null || (category == TaxCategory.AE) == groupReverse);
    }

    /**
     * The exact value of an entry: its amount, or {@code base × percent / 100} (not rounded).
     *
     * @param entry not null, validated
     * @param defaultBase the base when the entry gives none, not null
     * @return the exact value, ≥ 0
     */
    static BigDecimal exact(AllowanceCharge entry, BigDecimal defaultBase) {
        if (entry.percent() == null) {
            return entry.amount();
        }
        return RoundingPolicy.percentOf(entry.baseAmount() == null ? defaultBase : entry.baseAmount(), entry.percent());
    }

    /**
     * Checks the document allowances and charges and every line's charges; every problem with its path.
     *
     * @param draft not null
     * @param currency the document currency, not null
     * @param out where problems go, not null
     */
    static void validate(Document draft, CurrencyCode currency, ViolationCollector out) {
        RoundingPolicy money = RoundingPolicy.of(currency);
        validateDocumentList("allowances", draft.allowances(), false, money, out);
        validateDocumentList("charges", draft.charges(), true, money, out);
        for (int i = 0; i < draft.items().size(); i++) {
            LineItem item = draft.items().get(i);
            List<AllowanceCharge> charges = item.charges();
            if (charges.isEmpty()) {
                continue;
            }
            String path = "items[" + i + "].charges";
            if (item.isSeparator()) {
                out.add(path, "not_allowed", "a separator line carries no amounts");
                continue;
            }
            if (charges.size() > MAX_LINE_CHARGES) {
                out.add(path, "too_many", "at most " + MAX_LINE_CHARGES + " charges per line, was " + charges.size());
            }
            for (int c = 0; c < charges.size(); c++) {
                AllowanceCharge e = charges.get(c);
                String at = path + "[" + c + "]";
                // A line charge has no rate of its own: it is taxed with the line (EN 16931 BG-28).
                if (e.taxRate() != null) {
                    out.add(at + ".tax_rate", "not_allowed", "a line charge is taxed with its line; give the rate on"
                            + " the line's taxes");
                }
                if (e.taxCategory() != null) {
                    out.add(at + ".tax_category", "not_allowed", "a line charge is taxed with its line; give the "
                            + "category on the line's taxes");
                }
                validateEntry(at, e, true, InputValidator.MAX_AMOUNT_SCALE, out);
            }
        }
    }

    private static void validateDocumentList(String path, List<AllowanceCharge> list, boolean charge,
            RoundingPolicy money, ViolationCollector out) {
        if (list.size() > MAX_DOCUMENT_ENTRIES) {
            out.add(path, "too_many", "at most " + MAX_DOCUMENT_ENTRIES + " " + path + ", was " + list.size());
        }
        for (int i = 0; i < list.size(); i++) {
            AllowanceCharge e = list.get(i);
            String at = path + "[" + i + "]";
            validateEntry(at, e, charge, money.minorUnits(), out);
            BigDecimal rate = e.taxRate();
            if (rate == null) {
                if (e.taxCategory() != null) {
                    out.add(at + ".tax_rate", "required", "is required with tax_category "
                            + e.taxCategory().name());
                }
                continue;
            }
            if (InputValidator.tooManyDecimals(rate, InputValidator.MAX_RATE_SCALE)) {
                out.add(at + ".tax_rate", "scale", "at most " + InputValidator.MAX_RATE_SCALE + " decimal places, was "
                        + rate.toPlainString());
            }
            if (rate.signum() < 0 || rate.compareTo(RoundingPolicy.hundred()) > 0) {
                out.add(at + ".tax_rate", "out_of_range", "must be between 0 and 100, was " + rate.toPlainString());
            } else if (e.taxCategory() != null && e.taxCategory().isZeroRated() && rate.signum() != 0) {
                out.add(at + ".tax_rate", "conflict", "must be 0 for VAT category " + e.taxCategory().name()
                        + " (EN 16931 BR-" + e.taxCategory().name() + "-5), was " + rate.toPlainString());
            } else if (e.taxCategory() == TaxCategory.S && rate.signum() == 0) {
                out.add(at + ".tax_rate", "conflict", "must be above 0 for VAT category S (EN 16931 BR-S-5), was 0");
            }
        }
    }

    /**
     * The checks common to every entry. A fixed amount (and a document-level base) is money in the document
     * currency, so it may not have more decimals than the currency (document level) or than a price (a line
     * charge, which enters the line total before its rounding point).
     */
    private static void validateEntry(String at, AllowanceCharge e, boolean charge, int amountScale,
            ViolationCollector out) {
        if (e.percent() == null) {
            if (e.amount() == null) {
                out.add(at + ".amount", "required", "amount or percent is required");
            } else {
                nonNegative(at + ".amount", e.amount(), amountScale, out);
            }
            if (e.baseAmount() != null) {
                out.add(at + ".base_amount", "conflict", "a base amount needs a percent");
            }
        } else {
            // With a percent the amount is the engine's to compute: a given one (a calculated document sent back)
            // is replaced, as line totals are.
            BigDecimal p = e.percent();
            if (InputValidator.tooManyDecimals(p, InputValidator.MAX_RATE_SCALE)) {
                out.add(at + ".percent", "scale", "at most " + InputValidator.MAX_RATE_SCALE + " decimal places, was "
                        + p.toPlainString());
            }
            if (p.signum() < 0 || !charge && p.compareTo(RoundingPolicy.hundred()) > 0) {
                out.add(at + ".percent", "out_of_range", (charge ? "must be >= 0" : "must be between 0 and 100")
                        + ", was " + p.toPlainString());
            }
            if (e.baseAmount() != null) {
                nonNegative(at + ".base_amount", e.baseAmount(), amountScale, out);
            }
        }
        if (e.reasonCode() != null && !isKnownReasonCode(e.reasonCode(), charge)) {
            out.add(at + ".reason_code", "unknown_code", "must be an " + (charge ? "UNTDID 7161 charge" : "UNTDID 5189 "
                    + "allowance") + " reason code as EN 16931 lists them (BR-CL-" + (charge ? "20" : "19")
                    + "), was \"" + e.reasonCode() + "\"");
        }
        if (e.reason() != null && e.reason().length() > 1000) {
            out.add(at + ".reason", "too_long", "at most 1000 characters, was " + e.reason().length());
        }
    }

    private static void nonNegative(String at, BigDecimal v, int scale, ViolationCollector out) {
        if (v.signum() < 0) {
            out.add(at, "out_of_range", "must be >= 0, was " + v.toPlainString());
        }
        if (InputValidator.tooManyDecimals(v, scale)) {
            out.add(at, "scale", "at most " + scale + " decimal places, was " + v.toPlainString());
        }
    }
}
