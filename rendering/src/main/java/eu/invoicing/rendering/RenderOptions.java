package eu.invoicing.rendering;

import eu.invoicing.rendering.i18n.Language;
import eu.invoicing.rendering.i18n.LocaleFormat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What to render with: template, locale (number and date formats), language (labels), mode and an
 * optional logo. Every setting is optional: the template defaults to the entity's
 * {@code pdf_template}, the locale to the entity's locale, the language to the locale's language.
 *
 * <p>Immutable and thread-safe; the logo bytes are copied in and out.
 */
public final class RenderOptions {
    private static final RenderOptions DEFAULTS = builder().build();

    private final Template template;
    private final Locale locale;
    private final Language language;
    private final RenderMode mode;
    private final byte[] logo;

    private RenderOptions(Builder builder) {
        this.template = builder.template;
        this.locale = builder.locale;
        this.language = builder.language;
        this.mode = builder.mode;
        this.logo = builder.logo == null ? null : builder.logo.clone();
    }

    /** @return options with every default (entity template and locale, partial mode, no logo) */
    public static RenderOptions defaults() {
        return DEFAULTS;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the template, or null for the entity's default */
    public Template template() {
        return template;
    }

    /** @return the locale, or null for the entity's locale */
    public Locale locale() {
        return locale;
    }

    /** @return the label language, or null for the locale's language */
    public Language language() {
        return language;
    }

    /** @return the mode; never null */
    public RenderMode mode() {
        return mode;
    }

    /** @return a copy of the logo (PNG or JPEG bytes), or null */
    public byte[] logo() {
        return logo == null ? null : logo.clone();
    }

    /** Mutable builder for one thread. */
    public static final class Builder {
        private Template template;
        private Locale locale;
        private Language language;
        private RenderMode mode = RenderMode.PARTIAL;
        private byte[] logo;

        private Builder() {
        }

        /**
         * Sets the template.
         *
         * @param value the template, nullable (entity default)
         * @return this builder
         */
        public Builder template(Template value) {
            this.template = value;
            return this;
        }

        /**
         * @param value a locale of one of the 18 languages, nullable (entity locale); one without an
         *     exact format ({@code de-AT}) formats as its language's home locale ({@link LocaleFormat#of(Locale)})
         * @return this
         * @throws eu.invoicing.core.ValidationException if the locale's language is not one of the 18
         */
        public Builder locale(Locale value) {
            if (value != null) {
                LocaleFormat.of(value);
            }
            this.locale = value;
            return this;
        }

        /**
         * @param tag a BCP 47 tag such as {@code sl-SI} or {@code de-AT}, nullable; a tag without an exact
         *     format is replaced by its language's home locale ({@code de-AT} becomes {@code de-DE})
         * @return this
         * @throws eu.invoicing.core.ValidationException (path {@code locale}) if the tag is ill-formed or
         *     its language is not one of the 18
         */
        public Builder locale(String tag) {
            return locale(tag == null ? null : LocaleFormat.of(tag).locale());
        }

        /**
         * Sets the label language.
         *
         * @param value the label language, nullable (the locale's)
         * @return this builder
         */
        public Builder language(Language value) {
            this.language = value;
            return this;
        }

        /**
         * Sets the rendering mode.
         *
         * @param value the mode, not null
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder mode(RenderMode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * Sets the logo printed on the document.
         *
         * @param value PNG or JPEG bytes, nullable; copied
         * @return this builder
         */
        public Builder logo(byte[] value) {
            this.logo = value == null ? null : Arrays.copyOf(value, value.length);
            return this;
        }

        /** @return the immutable options */
        public RenderOptions build() {
            return new RenderOptions(this);
        }
    }
}
