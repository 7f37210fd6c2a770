package eu.invoicing.export.i18n;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The 18 languages in which export column headers exist.
 *
 * <p>Immutable and thread-safe.
 */
public enum ExportLanguage {
    /** English. */ EN,
    /** German. */ DE,
    /** Italian. */ IT,
    /** French. */ FR,
    /** Spanish. */ ES,
    /** Slovenian. */ SL,
    /** Portuguese. */ PT,
    /** Dutch. */ NL,
    /** Polish. */ PL,
    /** Croatian. */ HR,
    /** Swedish. */ SV,
    /** Finnish. */ FI,
    /** Estonian. */ ET,
    /** Bulgarian. */ BG,
    /** Czech. */ CS,
    /** Slovak. */ SK,
    /** Norwegian Bokmål. */ NB,
    /** Icelandic. */ IS;

    /** @return the ISO 639-1 code used on the wire, e.g. {@code "sl"} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds a language by its wire code.
     *
     * @param code the code, e.g. {@code "de"}, case-insensitive, not null
     * @return the language, or empty if it is not one of the 18
     * @throws NullPointerException if {@code code} is null
     */
    public static Optional<ExportLanguage> fromCode(String code) {
        Objects.requireNonNull(code, "code");
        for (ExportLanguage language : values()) {
            if (language.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The language of a locale such as the entity's {@code sl-SI}, for when the caller gives no
     * language; {@link #EN} if the locale's language is not one of the 18 (Norwegian {@code no}
     * maps to {@link #NB}).
     *
     * @param locale the locale, not null
     * @return the language
     * @throws NullPointerException if {@code locale} is null
     */
    public static ExportLanguage forLocale(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        String language = locale.getLanguage();
        if (language.equals("no") || language.equals("nn")) {
            return NB;
        }
        return fromCode(language).orElse(EN);
    }

    /** @return a locale for number formatting in header texts (e.g. the decimal separator of a tax rate) */
    public Locale locale() {
        return Locale.forLanguageTag(code());
    }
}
