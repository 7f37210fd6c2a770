package eu.invoicing.rendering;

import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.rendering.internal.PdfBackend;
import eu.invoicing.rendering.internal.ViewBuilder;

import java.io.OutputStream;
import java.time.Clock;
import java.util.Objects;

/**
 * Renders a calculated document as an A4 PDF with OpenPDF: Liberation fonts embedded and subset
 * (Latin with every diacritic, Cyrillic), selectable text, the item table's header repeated on every
 * page and "Page x of y" on multi-page documents. The layout matches {@link HtmlRenderer}'s for the
 * same template.
 *
 * <p>The PDF's creation and modification date is the renderer's clock's instant; its file ID and font
 * subset names are derived from its content. So two renders of the same document with the same options by
 * renderers whose clocks show the same instant are byte for byte identical.
 *
 * <p>A pure function of its arguments and the clock: it never touches a store. Immutable and thread-safe.
 */
public final class PdfRenderer {
    private static final PdfRenderer SYSTEM = new PdfRenderer(Clock.systemDefaultZone());

    private final Clock clock;

    private PdfRenderer(Clock clock) {
        this.clock = clock;
    }

    /** @return the shared renderer; its PDFs are dated by the system clock (the time of rendering) */
    public static PdfRenderer create() {
        return SYSTEM;
    }

    /**
     * A renderer whose PDFs carry {@code clock}'s instant (in the clock's zone) as their creation and
     * modification date, for reproducible output: with a fixed clock, the same inputs give the same bytes.
     *
     * @param clock the source of the PDF's dates, not null; read once per render
     * @return a renderer using that clock
     * @throws NullPointerException if {@code clock} is null
     */
    public static PdfRenderer create(Clock clock) {
        return new PdfRenderer(Objects.requireNonNull(clock, "clock"));
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
        return PdfBackend.write(ViewBuilder.build(document, entity, options), clock);
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
        PdfBackend.write(ViewBuilder.build(document, entity, options), out, clock);
    }
}
