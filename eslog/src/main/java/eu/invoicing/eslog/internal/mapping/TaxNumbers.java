package eu.invoicing.eslog.internal.mapping;

import java.util.regex.Pattern;

/**
 * Tax numbers as e-SLOG carries them: the VAT id with its country prefix ({@code SI12345678},
 * {@code RFF VA}) and, for Slovenian parties, the bare tax number ({@code 12345678}, {@code RFF AHP}).
 *
 * <p>Stateless and thread-safe.
 */
public final class TaxNumbers {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{2}.*");

    private TaxNumbers() {
    }

    /**
     * @param taxNumber upper-case without spaces, not null
     * @return whether it starts with two letters (a VAT id prefix)
     */
    public static boolean hasCountryPrefix(String taxNumber) {
        return PREFIX.matcher(taxNumber).matches();
    }

    /**
     * @param taxNumber upper-case without spaces, not null
     * @param countryCode the party's ISO country, nullable
     * @return the VAT id with prefix ({@code EL} for Greece), or the number as is when no country is known
     */
    public static String vatId(String taxNumber, String countryCode) {
        if (hasCountryPrefix(taxNumber) || countryCode == null) {
            return taxNumber;
        }
        return ("GR".equals(countryCode) ? "EL" : countryCode) + taxNumber;
    }

    /**
     * @param taxNumber upper-case without spaces, not null
     * @param countryCode the party's ISO country, nullable
     * @return the number without the VAT prefix of its own country
     */
    public static String withoutPrefix(String taxNumber, String countryCode) {
        if (hasCountryPrefix(taxNumber) && taxNumber.length() > 2) {
            return taxNumber.substring(2);
        }
        return taxNumber;
    }
}
