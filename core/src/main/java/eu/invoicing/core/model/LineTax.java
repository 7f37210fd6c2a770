package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tax applied to one line. On input only {@code rate} (and optionally {@code taxId}, {@code name},
 * {@code reverseCharge}) is given; the engine fills {@code base} and {@code amount} (the line's tax for
 * display, rounded per line; the document's tax is computed per rate on the summed base).
 *
 * <p>Immutable and thread-safe.
 *
 * @param rate percentage, e.g. {@code 22} or {@code 9.5}, not null
 * @param taxId catalog tax id, nullable
 * @param name tax name, e.g. "VAT", nullable
 * @param base the line's net base, nullable until calculated
 * @param amount the line's tax, nullable until calculated
 * @param reverseCharge true when the line says reverse charge applies, nullable
 */
public record LineTax(BigDecimal rate, String taxId, String name, BigDecimal base, BigDecimal amount,
        Boolean reverseCharge) {
    /**
     * Rejects a null rate.
     *
     * @param rate percentage, e.g. {@code 22} or {@code 9.5}, not null
     * @param taxId catalog tax id, nullable
     * @param name tax name, e.g. "VAT", nullable
     * @param base the line's net base, nullable until calculated
     * @param amount the line's tax, nullable until calculated
     * @param reverseCharge true when the line says reverse charge applies, nullable
     * @throws NullPointerException if a component documented as not null is null
     */
    public LineTax {
        Objects.requireNonNull(rate, "rate");
    }

    /**
     * @param rate percentage, not null
     * @return an input tax with only a rate
     */
    public static LineTax ofRate(BigDecimal rate) {
        return new LineTax(rate, null, null, null, null, null);
    }

    /**
     * Returns a copy with the calculated base and amount; this instance is unaffected.
     *
     * @param newBase net base, nullable
     * @param newAmount tax amount, nullable
     * @param newName name to record, nullable
     * @return the calculated tax
     */
    public LineTax withCalculated(BigDecimal newBase, BigDecimal newAmount, String newName) {
        return new LineTax(rate, taxId, newName, newBase, newAmount, reverseCharge);
    }

    /** @return true when the line asks for reverse charge */
    public boolean isReverseCharge() {
        return Boolean.TRUE.equals(reverseCharge);
    }
}
