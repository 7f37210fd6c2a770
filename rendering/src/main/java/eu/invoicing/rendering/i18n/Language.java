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
     * Parses a language code ({@code sl}, {@code SL}) or a BCP 47 tag ({@code sl-SI}, {@code de-AT},
     * {@code en_US}): the reference's {@code language} "uses the same value as locale", so a tag
     * gives its language's labels (de-AT gives German). {@code no} and {@code nn} are read as Bokmål.
     *
     * @param code the code or tag, not null
     * @return the language
     * @throws ValidationException (path {@code language}) if the value is not a well-formed tag
     *     ({@code invalid_value}) or its language is not one of the 18 ({@code unsupported_language})
     */
    public static Language of(String code) {
        Objects.requireNonNull(code, "code");
        Locale locale = parseTag(code, "language");
        String normalized = locale.getLanguage();
        if (normalized.equals("no") || normalized.equals("nn")) {
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
     * Parses a well-formed BCP 47 tag ({@code _} is read as {@code -}).
     *
     * @param tag the tag, not null
     * @param field the field to name in the error
     * @return the locale, with a language
     * @throws ValidationException ({@code invalid_value} at {@code field}) if the tag is ill-formed
     */
    static Locale parseTag(String tag, String field) {
        String trimmed = tag.trim().replace('_', '-');
        try {
            Locale locale = new Locale.Builder().setLanguageTag(trimmed).build();
            if (!locale.getLanguage().isEmpty()) {
                return locale;
            }
        } catch (java.util.IllformedLocaleException e) {
            // reported below with the field's name
        }
        throw ValidationException.of(field, "invalid_value",
                "must be a BCP 47 language tag (e.g. sl-SI, de-AT) or a language code, was '" + tag + "'");
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
