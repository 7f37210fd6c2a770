package eu.invoicing.export.i18n;

import eu.invoicing.core.model.Entity;

import java.util.IllformedLocaleException;
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
     * Finds a language by its wire code or by a BCP 47 tag ({@code de}, {@code DE}, {@code de-AT},
     * {@code sl_SI}): a tag gives its language's headers (de-AT gives German), as the reference's
     * language values are locale values too.
     *
     * @param code the code or tag, case-insensitive, not null
     * @return the language, or empty if the value is not a well-formed tag of one of the 18 languages
     * @throws NullPointerException if {@code code} is null
     */
    public static Optional<ExportLanguage> fromCode(String code) {
        Objects.requireNonNull(code, "code");
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(code.strip().replace('_', '-')).build();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        String language = locale.getLanguage();
        if (language.equals("no") || language.equals("nn")) {
            return Optional.of(NB);
        }
        for (ExportLanguage candidate : values()) {
            if (candidate.code().equals(language)) {
                return Optional.of(candidate);
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
        return fromCode(locale.toLanguageTag()).orElse(EN);
    }

    /**
     * The header language of an entity: its locale's language ({@code de-AT} gives {@link #DE}),
     * {@link #EN} when that is not one of the 18.
     *
     * @param entity the entity, not null
     * @return the language
     * @throws NullPointerException if {@code entity} is null
     */
    public static ExportLanguage forEntity(Entity entity) {
        Objects.requireNonNull(entity, "entity");
        return fromCode(entity.locale()).orElse(EN);
    }

    /** @return a locale for number formatting in header texts (e.g. the decimal separator of a tax rate) */
    public Locale locale() {
        return Locale.forLanguageTag(code());
    }
}
