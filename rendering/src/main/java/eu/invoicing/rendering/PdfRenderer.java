package eu.invoicing.rendering;

import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.rendering.internal.PdfBackend;
import eu.invoicing.rendering.internal.ViewBuilder;

import java.io.OutputStream;
import java.util.Objects;

/**
 * Renders a calculated document as an A4 PDF with OpenPDF: Liberation fonts embedded and subset
 * (Latin with every diacritic, Cyrillic), selectable text, the item table's header repeated on every
 * page and "Page x of y" on multi-page documents. The layout matches {@link HtmlRenderer}'s for the
 * same template.
 *
 * <p>A pure function of its arguments: it never touches a store. Immutable and thread-safe.
 */
public final class PdfRenderer {
    private static final PdfRenderer INSTANCE = new PdfRenderer();

    private PdfRenderer() {
    }

    /** @return the shared renderer */
    public static PdfRenderer create() {
        return INSTANCE;
    }

    /**
     * Renders with the entity's template and locale, in partial mode.
     *
     * @param document a calculated document (saved or a draft), not null
     * @param entity the issuing entity, not null
     * @return the PDF bytes
     * @throws ValidationException if the entity's template or locale is not supported
     */
    public byte[] render(Document document, Entity entity) {
        return render(document, entity, RenderOptions.defaults());
    }

    /**
     * @param document a calculated document (saved or a draft), not null
     * @param entity the issuing entity, not null
     * @param options template, locale, language, mode and logo, not null
     * @return the PDF bytes
     * @throws ValidationException in complete mode listing every missing field, or if the template or
     *         locale is not supported
     */
    public byte[] render(Document document, Entity entity, RenderOptions options) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        return PdfBackend.write(ViewBuilder.build(document, entity, options));
    }

    /**
     * Streams the PDF; nothing is written when validation fails.
     *
     * @param document a calculated document, not null
     * @param entity the issuing entity, not null
     * @param options render options, not null
     * @param out receives the PDF; left open, not null
     * @throws ValidationException in complete mode listing every missing field
     * @throws InvoicingException if writing fails
     */
    public void render(Document document, Entity entity, RenderOptions options, OutputStream out) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        PdfBackend.write(ViewBuilder.build(document, entity, options), out);
    }
}
