package eu.invoicing.core.model;

import java.math.BigDecimal;

/**
 * An allowance or a charge: on the document (EN 16931 BG-20 allowance, BG-21 charge), where it lowers or raises
 * the tax base of its VAT group, or on a line (BG-28 line charge), where it raises the line's net total. Whether
 * it is an allowance or a charge is said by the list that holds it ({@link Document#allowances()},
 * {@link Document#charges()}, {@link LineItem#charges()}); line allowances are the line's {@link Discount}s.
 *
 * <p>On input either {@code amount} or {@code percent} is given; with a percent the calculation engine fills the
 * amount ({@code round(base × percent / 100)}, docs/calculation.md) and, when none was given, the base amount.
 * Bounds and scales are checked by the engine, which reports every offending path
 * ({@code allowances[0].amount}, {@code items[2].charges[1].percent}).
 *
 * <p>Immutable and thread-safe. Amounts compare with {@code compareTo}; {@code equals} is scale-sensitive.
 *
 * @param amount the amount in the document currency without VAT (BT-92 / BT-99 / BT-141), nullable on input
 *        when a percent is given
 * @param percent the percentage of the base (BT-94 / BT-101 / BT-143), nullable
 * @param baseAmount the base the percent is taken from (BT-93 / BT-100 / BT-142), nullable: the engine then
 *        takes the line subtotal (line charges) or the net total of the lines of its VAT group (document level)
 * @param reason the reason text (BT-97 / BT-104 / BT-144), nullable
 * @param reasonCode the reason code (BT-98 / BT-105 / BT-145): UNTDID 5189 for allowances, UNTDID 7161 for
 *        charges, nullable
 * @param taxRate the VAT rate of the group it belongs to (BT-96 / BT-103), document level only, nullable
 *        (no VAT group, like a line without taxes)
 * @param taxCategory the VAT category (BT-95 / BT-102), document level only, nullable: derived like a line
 *        tax's
 */
public record AllowanceCharge(BigDecimal amount, BigDecimal percent, BigDecimal baseAmount, String reason,
        String reasonCode, BigDecimal taxRate, TaxCategory taxCategory) {

    /**
     * @param amount the amount without VAT, not null (checked by the engine)
     * @return an allowance or charge of a fixed amount, without reason or VAT
     */
    public static AllowanceCharge ofAmount(BigDecimal amount) {
        return new AllowanceCharge(amount, null, null, null, null, null, null);
    }

    /**
     * @param percent the percentage, e.g. {@code 5} for 5 %, not null (checked by the engine)
     * @return an allowance or charge of a percentage of its base, without reason or VAT
     */
    public static AllowanceCharge ofPercent(BigDecimal percent) {
        return new AllowanceCharge(null, percent, null, null, null, null, null);
    }

    /**
     * Returns a copy with the reason; this instance is unaffected.
     *
     * @param newReason the text, nullable
     * @param newReasonCode the code, nullable
     * @return the copy
     */
    public AllowanceCharge withReason(String newReason, String newReasonCode) {
        return new AllowanceCharge(amount, percent, baseAmount, newReason, newReasonCode, taxRate, taxCategory);
    }

    /**
     * Returns a copy in the given VAT group; this instance is unaffected.
     *
     * @param newTaxRate the rate, nullable
     * @param newTaxCategory the category, nullable
     * @return the copy
     */
    public AllowanceCharge withTax(BigDecimal newTaxRate, TaxCategory newTaxCategory) {
        return new AllowanceCharge(amount, percent, baseAmount, reason, reasonCode, newTaxRate, newTaxCategory);
    }

    /**
     * Returns a copy with the base amount; this instance is unaffected.
     *
     * @param newBaseAmount the base, nullable
     * @return the copy
     */
    public AllowanceCharge withBaseAmount(BigDecimal newBaseAmount) {
        return new AllowanceCharge(amount, percent, newBaseAmount, reason, reasonCode, taxRate, taxCategory);
    }

    /**
     * Returns a copy with the calculated amount and base; this instance is unaffected.
     *
     * @param newAmount the amount, nullable
     * @param newBaseAmount the base, nullable
     * @return the copy
     */
    public AllowanceCharge withCalculated(BigDecimal newAmount, BigDecimal newBaseAmount) {
        return new AllowanceCharge(newAmount, percent, newBaseAmount, reason, reasonCode, taxRate, taxCategory);
    }
}
