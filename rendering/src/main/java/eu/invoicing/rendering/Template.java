package eu.invoicing.rendering;

import eu.invoicing.core.ValidationException;

import java.util.Locale;
import java.util.Objects;

/**
 * The five document designs. Each is its own layout (header arrangement, type, table style, colour),
 * not a colour swap; the HTML and the PDF of one template share the same layout model.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Template {
    /** Sans-serif, blue accent, issuer left and title right, filled table header (the default). */
    MODERN,
    /** Serif, centred letterhead between rules, full table grid, double rule above the total. */
    CLASSIC,
    /** Small type and tight spacing for long item lists; green accent, compact meta grid. */
    CONDENSED,
    /** Large light title, hairlines only, no fills, generous white space. */
    MINIMAL,
    /** Dark full-width header band, serif display title, burgundy accent, letter-spaced headings. */
    FASHION;

    /** @return the wire name, e.g. {@code modern} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name the wire name (case-insensitive), not null
     * @return the template
     * @throws ValidationException if the name is not one of the five templates
     */
    public static Template of(String name) {
        Objects.requireNonNull(name, "name");
        for (Template template : values()) {
            if (template.wireName().equalsIgnoreCase(name.trim())) {
                return template;
            }
        }
        throw ValidationException.of("template", "unknown_template",
                "must be one of modern, classic, condensed, minimal, fashion, was '" + name + "'");
    }
}
