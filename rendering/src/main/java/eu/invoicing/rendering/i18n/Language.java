package eu.invoicing.rendering.i18n;

import eu.invoicing.core.ValidationException;

import java.util.Locale;
import java.util.Objects;

/**
 * The 18 label languages of the library, each with the locale it formats for by default.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Language {
    /** English (default locale en-US). */
    EN("en", "en-US"),
    /** German (de-DE). */
    DE("de", "de-DE"),
    /** Italian (it-IT). */
    IT("it", "it-IT"),
    /** French (fr-FR). */
    FR("fr", "fr-FR"),
    /** Spanish (es-ES). */
    ES("es", "es-ES"),
    /** Slovenian (sl-SI). */
    SL("sl", "sl-SI"),
    /** Portuguese (pt-PT). */
    PT("pt", "pt-PT"),
    /** Dutch (nl-NL). */
    NL("nl", "nl-NL"),
    /** Polish (pl-PL). */
    PL("pl", "pl-PL"),
    /** Croatian (hr-HR). */
    HR("hr", "hr-HR"),
    /** Swedish (sv-SE). */
    SV("sv", "sv-SE"),
    /** Finnish (fi-FI). */
    FI("fi", "fi-FI"),
    /** Estonian (et-EE). */
    ET("et", "et-EE"),
    /** Bulgarian (bg-BG). */
    BG("bg", "bg-BG"),
    /** Czech (cs-CZ). */
    CS("cs", "cs-CZ"),
    /** Slovak (sk-SK). */
    SK("sk", "sk-SK"),
    /** Norwegian Bokmål (nb-NO). */
    NB("nb", "nb-NO"),
    /** Icelandic (is-IS). */
    IS("is", "is-IS");

    private final String code;
    private final Locale defaultLocale;

    Language(String code, String localeTag) {
        this.code = code;
        this.defaultLocale = Locale.forLanguageTag(localeTag);
    }

    /** @return the ISO 639-1 code, e.g. {@code sl}; never null */
    public String code() {
        return code;
    }

    /** @return the locale of the language's home country, e.g. sl-SI; never null */
    public Locale defaultLocale() {
        return defaultLocale;
    }

    /**
     * Parses a language code ({@code sl}, {@code SL}; {@code no} is read as Bokmål).
     *
     * @param code the code, not null
     * @return the language
     * @throws ValidationException if the code is not one of the 18 languages
     */
    public static Language of(String code) {
        Objects.requireNonNull(code, "code");
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("no")) {
            return NB;
        }
        for (Language language : values()) {
            if (language.code.equals(normalized)) {
                return language;
            }
        }
        throw ValidationException.of("language", "unsupported_language",
                "must be one of the 18 supported languages, was '" + code + "'");
    }

    /**
     * The language of a locale ({@code sl-SI} gives SL).
     *
     * @param locale the locale, not null
     * @return the language
     * @throws ValidationException if the locale's language is not one of the 18
     */
    public static Language of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return of(locale.getLanguage());
    }
}
