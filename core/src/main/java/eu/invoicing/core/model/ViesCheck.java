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
 * @param consultationNumber the checker's proof of the consultation (VIES {@code requestIdentifier}, given when
 *     the requester's own VAT number was sent), nullable
 */
public record ViesCheck(String vatNumber, String countryCode, VatCheckStatus status, String name, String address,
        Instant checkedAt, String consultationNumber) {
    /**
     * Rejects nulls in the required components.
     *
     * @param vatNumber the number checked, not null
     * @param countryCode ISO country code of the number, nullable
     * @param status valid, unverified or invalid, not null
     * @param name registered name returned by the checker, nullable
     * @param address registered address returned by the checker, nullable
     * @param checkedAt when checked, nullable (a pure format check has no time)
     * @param consultationNumber the checker's consultation number, nullable
     * @throws NullPointerException if a component documented as not null is null
     */
    public ViesCheck {
        Objects.requireNonNull(vatNumber, "vatNumber");
        Objects.requireNonNull(status, "status");
    }

    /**
     * A check without a consultation number.
     *
     * @param vatNumber the number checked, not null
     * @param countryCode ISO country code of the number, nullable
     * @param status valid, unverified or invalid, not null
     * @param name registered name returned by the checker, nullable
     * @param address registered address returned by the checker, nullable
     * @param checkedAt when checked, nullable (a pure format check has no time)
     * @throws NullPointerException if a component documented as not null is null
     */
    public ViesCheck(String vatNumber, String countryCode, VatCheckStatus status, String name, String address,
            Instant checkedAt) {
        this(vatNumber, countryCode, status, name, address, checkedAt, null);
    }

    /** @return true unless the number was rejected */
    public boolean accepted() {
        return status != VatCheckStatus.INVALID;
    }
}
