package eu.invoicing.rendering.internal;

import com.lowagie.text.pdf.BaseFont;
import eu.invoicing.core.InvoicingException;

import java.io.IOException;
import java.io.InputStream;

/**
 * The Liberation fonts of {@code openpdf-fonts-extra}, loaded once as Identity-H, embedded (and
 * subset on write) so that every Latin, Cyrillic and Greek letter prints and stays extractable.
 * A {@link BaseFont} is shared between documents; OpenPDF keeps per-document glyph usage in the writer.
 * Each font is embedded from its {@link PrebuiltFont} when the document's glyphs allow it.
 */
final class PdfFonts {
    static final BaseFont SANS = load("LiberationSans-Regular.ttf");
    static final BaseFont SANS_BOLD = load("LiberationSans-Bold.ttf");
    static final BaseFont SERIF = load("LiberationSerif-Regular.ttf");
    static final BaseFont SERIF_BOLD = load("LiberationSerif-Bold.ttf");
    static final BaseFont MONO = load("LiberationMono-Regular.ttf");

    private PdfFonts() {
    }

    /** The theme's body face, regular. */
    static BaseFont body(Theme t) {
        return t.serifBody() ? SERIF : SANS;
    }

    /** The theme's body face, bold (item-table headers, values). */
    static BaseFont bodyBold(Theme t) {
        return t.serifBody() ? SERIF_BOLD : SANS_BOLD;
    }

    private static BaseFont load(String file) {
        String resource = "liberation/" + file;
        // Through the class loader, not Class.getResourceAsStream: on the module path the latter looks only
        // inside this module, and the fonts are a resource of another one (openpdf-fonts-extra, in a
        // directory that is no package, so not encapsulated).
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvoicingException("font " + resource
                        + " missing: add openpdf-fonts-extra to the class path or module path");
            }
            byte[] bytes = in.readAllBytes();
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
            PrebuiltFont.register(font, file, bytes);
            return font;
        } catch (IOException | com.lowagie.text.DocumentException e) {
            throw new InvoicingException("cannot load font " + resource, e);
        }
    }
}
