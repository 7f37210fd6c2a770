package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A value of the document-level allowances and charges of a document (EN 16931 BG-20, BG-21) and, once
 * calculated, their sums (BT-107, BT-108); part of a {@link Document}, which keeps its flat accessors.
 *
 * <p>Immutable and thread-safe; {@code equals} is scale-sensitive on amounts.
 *
 * @param allowances the document allowances, nullable (read as empty; copied)
 * @param charges the document charges, nullable (read as empty; copied)
 * @param totalAllowances the sum of the allowance amounts (BT-107), nullable: null when not calculated or when
 *        the document has no allowance and no charge
 * @param totalCharges the sum of the charge amounts (BT-108), nullable, as {@code totalAllowances}
 */
public record AllowancesCharges(List<AllowanceCharge> allowances, List<AllowanceCharge> charges,
        BigDecimal totalAllowances, BigDecimal totalCharges) {
    /** Every component absent: shared, so that a document without allowances or charges allocates no group. */
    public static final AllowancesCharges EMPTY = new AllowancesCharges(List.of(), List.of(), null, null);

    /**
     * Copies the lists.
     *
     * @param allowances nullable (read as empty; copied)
     * @param charges nullable (read as empty; copied)
     * @param totalAllowances nullable
     * @param totalCharges nullable
     */
    public AllowancesCharges {
        allowances = Copies.list(allowances);
        charges = Copies.list(charges);
    }

    /**
     * The value of the components, {@link #EMPTY} (not a new instance) when every one is absent.
     *
     * @param allowances nullable
     * @param charges nullable
     * @param totalAllowances nullable
     * @param totalCharges nullable
     * @return the group
     */
    public static AllowancesCharges of(List<AllowanceCharge> allowances, List<AllowanceCharge> charges,
            BigDecimal totalAllowances, BigDecimal totalCharges) {
        if ((allowances == null || allowances.isEmpty()) && (charges == null || charges.isEmpty())
                && totalAllowances == null && totalCharges == null) {
            return EMPTY;
        }
        return new AllowancesCharges(allowances, charges, totalAllowances, totalCharges);
    }

    /** @return whether the document has no allowance and no charge */
    public boolean isEmpty() {
        return allowances.isEmpty() && charges.isEmpty();
    }
}
