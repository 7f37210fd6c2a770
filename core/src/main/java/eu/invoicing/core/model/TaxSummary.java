package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One group of the document's tax summary: lines grouped by (rate, reverse charge, VAT category). The amount is
 * computed once on the summed base (rounding point D1 of docs/calculation.md).
 *
 * <p>The engine always fills {@code base}, {@code amount} and {@code reverseCharge}. Documents written by
 * older producers may carry only {@code rate} and {@code total} (the group's tax, a legacy alias of
 * {@code amount}); such a summary is kept as read so that it writes back unchanged. Use
 * {@link #taxAmount()} and {@link #isReverseCharge()} to read either form.
 *
 * <p>Immutable and thread-safe. Amounts compare with {@code compareTo}; {@code equals} is scale-sensitive.
 *
 * @param name tax name, e.g. "VAT", nullable
 * @param rate percentage, not null
 * @param taxId catalog tax id, nullable
 * @param base summed net base, nullable only in the legacy form
 * @param amount tax of the group (0 under reverse charge), nullable only in the legacy form
 * @param reverseCharge whether the group is reverse-charged, nullable only in the legacy form
 * @param baseConverted base in the entity currency, nullable
 * @param amountConverted amount in the entity currency, nullable
 * @param total legacy: the group's tax as given by older producers, nullable
 * @param category the VAT category the group's lines name (BT-118), nullable when they name none
 */
public record TaxSummary(String name, BigDecimal rate, String taxId, BigDecimal base, BigDecimal amount,
        Boolean reverseCharge, BigDecimal baseConverted, BigDecimal amountConverted, BigDecimal total,
        TaxCategory category) {
    /**
     * Requires a rate and either an amount or a legacy total.
     *
     * @throws ValidationException (path {@code taxes}, code {@code required}) without amount and total
     *
     * @param name tax name, e.g. "VAT", nullable
     * @param rate percentage, not null
     * @param taxId catalog tax id, nullable
     * @param base summed net base, nullable only in the legacy form
     * @param amount tax of the group (0 under reverse charge), nullable only in the legacy form
     * @param reverseCharge whether the group is reverse-charged, nullable only in the legacy form
     * @param baseConverted base in the entity currency, nullable
     * @param amountConverted amount in the entity currency, nullable
     * @param total legacy: the group's tax as given by older producers, nullable
     * @param category the VAT category, nullable
     */
    public TaxSummary {
        Objects.requireNonNull(rate, "rate");
        if (amount == null && total == null) {
            throw ValidationException.of("taxes", "required", "a tax summary needs an amount (or a legacy total)");
        }
    }

    /**
     * A summary without VAT category.
     *
     * @param name tax name, nullable
     * @param rate percentage, not null
     * @param taxId catalog tax id, nullable
     * @param base summed net base, nullable only in the legacy form
     * @param amount tax of the group, nullable only in the legacy form
     * @param reverseCharge whether reverse-charged, nullable only in the legacy form
     * @param baseConverted nullable
     * @param amountConverted nullable
     * @param total legacy tax of the group, nullable
     * @throws ValidationException (path {@code taxes}, code {@code required}) without amount and total
     */
    public TaxSummary(String name, BigDecimal rate, String taxId, BigDecimal base, BigDecimal amount,
            Boolean reverseCharge, BigDecimal baseConverted, BigDecimal amountConverted, BigDecimal total) {
        this(name, rate, taxId, base, amount, reverseCharge, baseConverted, amountConverted, total, null);
    }

    /**
     * A calculated group.
     *
     * @param name nullable
     * @param rate not null
     * @param taxId nullable
     * @param base not null
     * @param amount not null
     * @param reverseCharge whether reverse-charged
     * @return the summary
     */
    public static TaxSummary of(String name, BigDecimal rate, String taxId, BigDecimal base, BigDecimal amount,
            boolean reverseCharge) {
        return new TaxSummary(name, rate, taxId, Objects.requireNonNull(base, "base"),
                Objects.requireNonNull(amount, "amount"), reverseCharge, null, null, null, null);
    }

    /**
     * A calculated group of lines naming a VAT category.
     *
     * @param name nullable
     * @param rate not null
     * @param taxId nullable
     * @param base not null
     * @param amount not null
     * @param reverseCharge whether reverse-charged
     * @param category nullable
     * @return the summary
     */
    public static TaxSummary of(String name, BigDecimal rate, String taxId, BigDecimal base, BigDecimal amount,
            boolean reverseCharge, TaxCategory category) {
        return new TaxSummary(name, rate, taxId, Objects.requireNonNull(base, "base"),
                Objects.requireNonNull(amount, "amount"), reverseCharge, null, null, null, category);
    }

    /** @return the group's tax: {@code amount}, or the legacy {@code total} */
    public BigDecimal taxAmount() {
        return amount != null ? amount : total;
    }

    /** @return true when reverse-charged (null counts as false) */
    public boolean isReverseCharge() {
        return Boolean.TRUE.equals(reverseCharge);
    }

    /**
     * @param newBaseConverted nullable
     * @param newAmountConverted nullable
     * @return a copy with converted amounts; this instance is unaffected
     */
    public TaxSummary withConverted(BigDecimal newBaseConverted, BigDecimal newAmountConverted) {
        return new TaxSummary(name, rate, taxId, base, amount, reverseCharge, newBaseConverted, newAmountConverted,
                total, category);
    }
}
