package eu.invoicing.core.spi;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.ViolationCollector;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tax stored for an entity ({@code tax_…}), which a line names by {@code tax_id} instead of repeating its rate
 * (reference: {@code "taxes": [{"rate": 22, "tax_id": "tax_6595a27b5d35015c3ef0c402"}]}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the tax id, {@code tax_} and 24 lowercase hex digits when the library made it, not null
 * @param entityId the owning entity, not null
 * @param name the tax's name as printed, e.g. {@code DDV 22 %}, not null, not blank
 * @param rate the percentage, 0 to 100, not null
 * @param category the VAT category, not null
 * @param reverseCharge whether lines with this tax are reverse-charged
 */
public record StoredTax(String id, String entityId, String name, BigDecimal rate, Category category,
        boolean reverseCharge) {

    /** The VAT category of a stored tax (the EN 16931 / e-SLOG distinctions a tax carries). */
    public enum Category {
        /** The standard rate. */
        STANDARD,
        /** A reduced rate. */
        REDUCED,
        /** Zero-rated supplies. */
        ZERO,
        /** Exempt supplies. */
        EXEMPT
    }

    /**
     * Rejects nulls, a blank name and a rate outside 0–100.
     *
     * @param id the tax id, not null
     * @param entityId the owning entity, not null
     * @param name the tax's name, not null, not blank
     * @param rate the percentage, 0 to 100, not null
     * @param category the VAT category, not null
     * @param reverseCharge whether lines with this tax are reverse-charged
     * @throws NullPointerException if {@code id} or {@code entityId} is null
     * @throws ValidationException for a missing or blank name, a missing or out-of-range rate, a missing category
     */
    public StoredTax {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entityId, "entityId");
        check(name, rate, category);
    }

    /**
     * Checks the values of a tax to store.
     *
     * @param name the name, nullable (refused)
     * @param rate the rate, nullable (refused)
     * @param category the category, nullable (refused)
     * @throws ValidationException naming every bad field ({@code name}, {@code rate}, {@code category})
     */
    public static void check(String name, BigDecimal rate, Category category) {
        ViolationCollector problems = new ViolationCollector();
        if (name == null || name.isBlank()) {
            problems.add("name", "required", "is required");
        }
        if (rate == null) {
            problems.add("rate", "required", "is required");
        } else if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add("rate", "out_of_range", "must be between 0 and 100, was " + rate.toPlainString());
        }
        if (category == null) {
            problems.add("category", "required", "is required");
        }
        problems.throwIfAny();
    }
}
