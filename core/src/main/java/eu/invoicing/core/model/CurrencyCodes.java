package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * ISO 4217 currency codes as the wire format and the model accept them: exactly three upper-case letters
 * that {@link Currency} knows and that has minor units ({@code EUR}, {@code JPY}, {@code KWD}; not {@code XAU},
 * {@code XDR} or the "no currency" and testing codes). Nothing is normalised: {@code eur},
 * {@code EU}, {@code ""} or {@code XYZ} are refused rather than re-read, so that no stored document can carry a
 * code that later fails in a calculation, a rendering or an export.
 *
 * <p>Stateless and thread-safe.
 */
public final class CurrencyCodes {
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{3}");

    private CurrencyCodes() {
    }

    /**
     * @param code nullable
     * @return true when the code is an ISO 4217 currency code known to the JDK, with minor units
     */
    public static boolean isValid(String code) {
        if (code == null || !SHAPE.matcher(code).matches()) {
            return false;
        }
        try {
            // Codes without minor units (XAU gold, XDR, XTS testing, the "no currency" code) are ISO 4217 but no
            // currency an invoice is written in: rounding to their "minor units" has no meaning.
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @param code the code, not null
     * @param path the field path to report, not null
     * @return the violation reported for an invalid code
     */
    public static Violation violation(String code, String path) {
        return Violation.of(path, "unknown_currency", "must be an ISO 4217 currency code in capitals (e.g. EUR), was "
                + Violation.quote(code));
    }

    /**
     * @param code the code, nullable (null passes)
     * @param path the field path to report, not null
     * @return the code
     * @throws ValidationException (code {@code unknown_currency}) when the code is not null and not valid
     */
    public static String requireValid(String code, String path) {
        if (code != null && !isValid(code)) {
            throw new ValidationException(java.util.List.of(violation(code, path)));
        }
        return code;
    }
}
