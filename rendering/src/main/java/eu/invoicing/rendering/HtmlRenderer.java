package eu.invoicing.rendering;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.rendering.internal.HtmlBackend;
import eu.invoicing.rendering.internal.ViewBuilder;

import java.util.Objects;

/**
 * Renders a calculated document as one self-contained HTML page (inline CSS, logo as a data URI,
 * payment codes as inline SVG). All document text is escaped.
 *
 * <p>A pure function of its arguments: it never touches a store. Immutable and thread-safe; one
 * instance can serve every thread.
 */
public final class HtmlRenderer {
    private static final HtmlRenderer INSTANCE = new HtmlRenderer();

    private HtmlRenderer() {
    }

    /** @return the shared renderer */
    public static HtmlRenderer create() {
        return INSTANCE;
    }

    /**
     * Renders with the entity's template and locale, in partial mode.
     *
     * @param document a calculated document (saved or a draft), not null
     * @param entity the issuing entity, not null
     * @return the HTML page
     * @throws ValidationException if the entity's template or locale is not supported
     */
    public String render(Document document, Entity entity) {
        return render(document, entity, RenderOptions.defaults());
    }

    /**
     * @param document a calculated document (saved or a draft), not null
     * @param entity the issuing entity, not null
     * @param options template, locale, language, mode and logo, not null
     * @return the HTML page
     * @throws ValidationException in complete mode listing every missing field, or if the template or
     *         locale is not supported
     */
    public String render(Document document, Entity entity, RenderOptions options) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        return HtmlBackend.write(ViewBuilder.build(document, entity, options));
    }
}
