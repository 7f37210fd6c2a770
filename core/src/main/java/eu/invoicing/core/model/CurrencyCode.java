package eu.invoicing.core.model;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one currency vocabulary of the library: an ISO 4217 currency code together with its minor units
 * (EUR 2, JPY 0, KWD 3). Only codes the wire format accepts exist as values: exactly three upper-case letters
 * that {@link Currency} knows and that have minor units; {@code XAU}, {@code XDR}, the testing and the
 * "no currency" codes have none and are refused, and nothing is normalised ({@code eur}, {@code EU},
 * {@code ""}, {@code XYZ}). A code is parsed once where documents are read (the JSON readers, the e-SLOG reader,
 * the model builders), with the one violation code {@value #UNKNOWN_CURRENCY}; past that point no bad code
 * exists, so the calculation, the renderers and the exports never fall back on one.
 *
 * <p>Money is rounded to the minor units through the one {@code calc.RoundingPolicy}
 * ({@code RoundingPolicy.of(CurrencyCode)}); this type only says how many decimals the currency has.
 *
 * <p>Immutable and thread-safe. There is one instance per code, so {@code ==} and {@code equals} agree;
 * {@link #toString()} is the code.
 */
public final class CurrencyCode implements Comparable<CurrencyCode> {
    /** The violation code of a currency code that is not one of these values. */
    public static final String UNKNOWN_CURRENCY = "unknown_currency";

    private static final Map<String, CurrencyCode> KNOWN = known();

    /** Euro, the default currency of an entity. */
    public static final CurrencyCode EUR = KNOWN.get("EUR");

    private final String code;
    private final int minorUnits;
    private final Currency currency;

    private CurrencyCode(Currency currency) {
        this.code = currency.getCurrencyCode();
        this.minorUnits = currency.getDefaultFractionDigits();
        this.currency = currency;
    }

    private static Map<String, CurrencyCode> known() {
        Map<String, CurrencyCode> m = new HashMap<>();
        for (Currency c : Currency.getAvailableCurrencies()) {
            String code = c.getCurrencyCode();
            // Codes without minor units (XAU gold, XDR, XTS testing, the "no currency" code) are ISO 4217 but no
            // currency an invoice is written in: rounding to their "minor units" has no meaning.
            if (c.getDefaultFractionDigits() >= 0 && isShaped(code)) {
                m.put(code, new CurrencyCode(c));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static boolean isShaped(String code) {
        if (code.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char ch = code.charAt(i);
            if (ch < 'A' || ch > 'Z') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param code nullable
     * @return true when the code is an ISO 4217 currency code known to the JDK, in capitals, with minor units
     */
    public static boolean isValid(String code) {
        return code != null && KNOWN.containsKey(code);
    }

    /**
     * @param code the code, not null
     * @return the currency of the code
     * @throws ValidationException (path {@code currency_code}, code {@value #UNKNOWN_CURRENCY}) when the code is
     *     not valid
     * @throws NullPointerException if {@code code} is null
     */
    public static CurrencyCode of(String code) {
        return parse(Objects.requireNonNull(code, "code"), "currency_code");
    }

    /**
     * Parses a code read at a field path.
     *
     * @param code the code, nullable (null is read as null)
     * @param path the field path to report, not null
     * @return the currency, or null when {@code code} is null
     * @throws ValidationException (code {@value #UNKNOWN_CURRENCY}, at {@code path}) when the code is not null and
     *     not valid
     */
    public static CurrencyCode parse(String code, String path) {
        if (code == null) {
            return null;
        }
        CurrencyCode c = KNOWN.get(code);
        if (c == null) {
            throw new ValidationException(List.of(violation(code, path)));
        }
        return c;
    }

    /**
     * @param code the code, nullable
     * @return the currency, or null when the code is null or not valid (for readers that collect violations)
     */
    public static CurrencyCode lookup(String code) {
        return code == null ? null : KNOWN.get(code);
    }

    /**
     * @param currency not null
     * @return the value of the JDK currency
     * @throws ValidationException (path {@code currency_code}, code {@value #UNKNOWN_CURRENCY}) when the currency
     *     has no minor units
     */
    public static CurrencyCode of(Currency currency) {
        return of(Objects.requireNonNull(currency, "currency").getCurrencyCode());
    }

    /**
     * @param code the bad code, nullable
     * @param path the field path to report, not null
     * @return the one violation reported for a code that is not valid
     */
    public static Violation violation(String code, String path) {
        return Violation.of(path, UNKNOWN_CURRENCY, "must be an ISO 4217 currency code in capitals (e.g. EUR), was "
                + Violation.quote(code));
    }

    /** @return the three-letter ISO 4217 code, e.g. {@code EUR} */
    public String code() {
        return code;
    }

    /** @return the number of decimals of an amount in this currency (ISO 4217 minor units), at least 0 */
    public int minorUnits() {
        return minorUnits;
    }

    /** @return the JDK currency, e.g. for locale-specific symbols */
    public Currency currency() {
        return currency;
    }

    @Override
    public int compareTo(CurrencyCode o) {
        return code.compareTo(o.code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrencyCode other && code.equals(other.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** @return the code */
    @Override
    public String toString() {
        return code;
    }
}
