package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tax applied to one line. On input only {@code rate} (and optionally {@code taxId}, {@code name},
 * {@code reverseCharge}) is given; the engine fills {@code base} and {@code amount} (the line's tax for
 * display, rounded per line; the document's tax is computed per rate on the summed base). A request may name a
 * stored tax by {@code taxId} alone: such a tax has no rate until the lifecycle resolves it from the entity's
 * {@code TaxStore} ({@link #isResolved()}); the engine refuses an unresolved tax.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rate percentage, e.g. {@code 22} or {@code 9.5}; null only with a {@code taxId} still to be resolved
 * @param taxId stored tax id, nullable
 * @param name tax name, e.g. "VAT", nullable
 * @param base the line's net base, nullable until calculated
 * @param amount the line's tax, nullable until calculated
 * @param reverseCharge true when the line says reverse charge applies, nullable
 * @param category the VAT category (BT-151), nullable: consumers then derive it from the rate, the reverse
 *        charge flag and the document's transaction type
 * @param exemptionReason the VAT exemption reason text (BT-120), nullable
 * @param exemptionReasonCode the VAT exemption reason code (BT-121, e.g. {@code VATEX-EU-132}), nullable
 */
public record LineTax(BigDecimal rate, String taxId, String name, BigDecimal base, BigDecimal amount,
        Boolean reverseCharge, TaxCategory category, String exemptionReason, String exemptionReasonCode) {
    /**
     * Rejects a null rate without a tax id.
     *
     * @param rate percentage, e.g. {@code 22} or {@code 9.5}; null only with a {@code taxId}
     * @param taxId stored tax id, nullable
     * @param name tax name, e.g. "VAT", nullable
     * @param base the line's net base, nullable until calculated
     * @param amount the line's tax, nullable until calculated
     * @param reverseCharge true when the line says reverse charge applies, nullable
     * @param category the VAT category, nullable
     * @param exemptionReason the exemption reason text, nullable
     * @param exemptionReasonCode the exemption reason code, nullable
     * @throws NullPointerException if a component documented as not null is null
     */
    public LineTax {
        if (rate == null && taxId == null) {
            throw new NullPointerException("rate");
        }
    }

    /**
     * A tax without VAT category or exemption reason.
     *
     * @param rate percentage, e.g. {@code 22} or {@code 9.5}; null only with a {@code taxId}
     * @param taxId stored tax id, nullable
     * @param name tax name, e.g. "VAT", nullable
     * @param base the line's net base, nullable until calculated
     * @param amount the line's tax, nullable until calculated
     * @param reverseCharge true when the line says reverse charge applies, nullable
     * @throws NullPointerException if a component documented as not null is null
     */
    public LineTax(BigDecimal rate, String taxId, String name, BigDecimal base, BigDecimal amount,
            Boolean reverseCharge) {
        this(rate, taxId, name, base, amount, reverseCharge, null, null, null);
    }

    /**
     * Returns a copy with the VAT category and exemption reason; this instance is unaffected.
     *
     * @param newCategory the category, nullable
     * @param newReason the exemption reason text, nullable
     * @param newReasonCode the exemption reason code, nullable
     * @return the tax
     */
    public LineTax withCategory(TaxCategory newCategory, String newReason, String newReasonCode) {
        return new LineTax(rate, taxId, name, base, amount, reverseCharge, newCategory, newReason, newReasonCode);
    }

    /**
     * @param taxId the stored tax, not null
     * @return an input tax naming a stored tax, its rate to be resolved
     */
    public static LineTax ofTaxId(String taxId) {
        return new LineTax(null, Objects.requireNonNull(taxId, "taxId"), null, null, null, null);
    }

    /** @return true when the tax has its rate (always, except a request's tax given only by {@code tax_id}) */
    public boolean isResolved() {
        return rate != null;
    }

    /**
     * Returns a copy with the stored tax's values filled in where this one has none; this instance is
     * unaffected. A rate, name or reverse-charge flag given on the line wins.
     *
     * @param storedRate the stored rate, not null
     * @param storedName the stored name, nullable
     * @param storedReverseCharge the stored reverse-charge flag
     * @return the resolved tax
     */
    public LineTax resolvedWith(BigDecimal storedRate, String storedName, boolean storedReverseCharge) {
        return new LineTax(rate == null ? Objects.requireNonNull(storedRate, "storedRate") : rate, taxId,
                name == null ? storedName : name, base, amount,
                reverseCharge == null ? Boolean.valueOf(storedReverseCharge) : reverseCharge, category,
                exemptionReason, exemptionReasonCode);
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
        return new LineTax(rate, taxId, newName, newBase, newAmount, reverseCharge, category, exemptionReason,
                exemptionReasonCode);
    }

    /** @return true when the line asks for reverse charge, by its flag or by the category {@code AE} */
    public boolean isReverseCharge() {
        return Boolean.TRUE.equals(reverseCharge) || category == TaxCategory.AE;
    }
}
