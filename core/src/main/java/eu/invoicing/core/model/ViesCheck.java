package eu.invoicing.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The {@code vies} object: the outcome of checking the customer's VAT number.
 *
 * <p>Immutable and thread-safe.
 *
 * @param vatNumber the number checked, not null
 * @param countryCode ISO country code of the number, nullable
 * @param status valid, unverified or invalid, not null
 * @param name registered name returned by the checker, nullable
 * @param address registered address returned by the checker, nullable
 * @param checkedAt when checked, nullable (a pure format check has no time)
 */
public record ViesCheck(String vatNumber, String countryCode, VatCheckStatus status, String name, String address,
        Instant checkedAt) {
    /**
     * Rejects nulls in the required components.
     *
     * @param vatNumber the number checked, not null
     * @param countryCode ISO country code of the number, nullable
     * @param status valid, unverified or invalid, not null
     * @param name registered name returned by the checker, nullable
     * @param address registered address returned by the checker, nullable
     * @param checkedAt when checked, nullable (a pure format check has no time)
     * @throws NullPointerException if a component documented as not null is null
     */
    public ViesCheck {
        Objects.requireNonNull(vatNumber, "vatNumber");
        Objects.requireNonNull(status, "status");
    }

    /** @return true unless the number was rejected */
    public boolean accepted() {
        return status != VatCheckStatus.INVALID;
    }
}
