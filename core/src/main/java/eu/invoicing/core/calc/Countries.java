package eu.invoicing.core.calc;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves country names and codes to ISO 3166-1 alpha-2 codes and knows the EU member states.
 * Names are matched case-insensitively in English and in the 18 languages the library renders, plus
 * alpha-3 codes ({@code USA}).
 *
 * <p>Stateless, thread-safe (the lookup table is built once).
 */
public final class Countries {
    private static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    private static final String[] NAME_LANGUAGES = {"en", "de", "it", "fr", "es", "sl", "pt", "nl", "pl", "hr", "sv",
        "fi", "et", "bg", "cs", "sk", "nb", "is"};
    private static final Map<String, String> BY_NAME = buildNames();

    private Countries() {
    }

    /**
     * @param countryCode an alpha-2 code, nullable
     * @return true when the code is an EU member state ({@code EL} is accepted for Greece)
     */
    public static boolean isEu(String countryCode) {
        return countryCode != null && (EU.contains(countryCode) || "EL".equals(countryCode));
    }

    /**
     * Resolves a party's country: the code wins over the name.
     *
     * @param countryCode alpha-2 code, nullable
     * @param countryName name or alpha-3 code, nullable
     * @return the alpha-2 code, or null when neither resolves
     */
    public static String resolve(String countryCode, String countryName) {
        if (countryCode != null && !countryCode.isBlank()) {
            String code = countryCode.trim().toUpperCase(Locale.ROOT);
            if (code.length() == 2) {
                return "EL".equals(code) ? "GR" : code;
            }
            String byCode = BY_NAME.get(code.toLowerCase(Locale.ROOT));
            if (byCode != null) {
                return byCode;
            }
        }
        if (countryName != null && !countryName.isBlank()) {
            return BY_NAME.get(countryName.trim().toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private static Map<String, String> buildNames() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            names.put(code.toLowerCase(Locale.ROOT), code);
            names.put(country.getISO3Country().toLowerCase(Locale.ROOT), code);
            for (String language : NAME_LANGUAGES) {
                names.putIfAbsent(country.getDisplayCountry(Locale.forLanguageTag(language)).toLowerCase(Locale.ROOT), code);
            }
        }
        // Common English forms the JDK spells differently.
        names.put("usa", "US");
        names.put("united states of america", "US");
        names.put("uk", "GB");
        names.put("great britain", "GB");
        names.put("england", "GB");
        names.put("czech republic", "CZ");
        names.put("holland", "NL");
        return Map.copyOf(names);
    }
}
