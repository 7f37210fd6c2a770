package eu.invoicing.rendering.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.OutputStreamCounter;
import com.lowagie.text.pdf.PdfDocument;
import com.lowagie.text.pdf.PdfIndirectObject;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An OpenPDF writer that embeds each Liberation font from its {@link PrebuiltFont}, a font program subset
 * and compressed once per font, instead of subsetting and compressing the font again for every document
 * (which was about 40 % of a one-page invoice's time). A font whose document uses a glyph outside the
 * prebuilt set, or any font when the writer cannot see which glyphs were used, is written by OpenPDF as
 * before, subset to the document's glyphs. Page content is not affected: the glyph numbers in the content
 * streams are the font's own in both cases.
 *
 * <p>OpenPDF keeps the glyphs a document used and the font's object reference in its package-private
 * {@code FontDetails}; they are read reflectively (OpenPDF is an automatic module, so its packages are
 * open). If that ever fails, every font takes OpenPDF's own path, which is slower and otherwise the same.
 *
 * <p>One instance per document, confined to the rendering thread.
 */
final class PdfFontWriter extends PdfWriter {
    private static final Field REFERENCE;
    private static final Field USED_GLYPHS;
    private static final Field FILLER_CMAP;

    static {
        Field reference = null;
        Field used = null;
        Field filler = null;
        try {
            Class<?> details = Class.forName("com.lowagie.text.pdf.FontDetails", false, PdfWriter.class.getClassLoader());
            reference = details.getDeclaredField("indirectReference");
            used = details.getDeclaredField("longTag");
            filler = details.getDeclaredField("fillerCmap");
            reference.setAccessible(true);
            used.setAccessible(true);
            filler.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // OpenPDF changed, or its package is not open to us: OpenPDF writes the fonts itself.
            reference = null;
            used = null;
            filler = null;
        }
        REFERENCE = reference;
        USED_GLYPHS = used;
        FILLER_CMAP = filler;
    }

    /** Where the prebuilt font programs start and end in the output, for {@link ReproduciblePdf}. */
    private final List<ReproduciblePdf.Span> prebuiltSpans = new ArrayList<>();
    /** In capture mode, the objects OpenPDF writes for the fonts; else null. */
    private final List<Captured> captured;
    private boolean capturing;

    private PdfFontWriter(PdfDocument pdf, OutputStream out, boolean capture) {
        super(pdf, out);
        this.captured = capture ? new ArrayList<>() : null;
    }

    /**
     * The equivalent of {@link PdfWriter#getInstance(Document, OutputStream)} for this writer.
     *
     * @param document the document to write
     * @param out receives the PDF
     * @return the writer, listening to {@code document}
     * @throws DocumentException if OpenPDF refuses the writer
     */
    static PdfFontWriter forDocument(Document document, OutputStream out) throws DocumentException {
        return create(document, out, false);
    }

    /** A writer that writes fonts the OpenPDF way and records the objects it writes for them. */
    static PdfFontWriter capturing(Document document, OutputStream out) throws DocumentException {
        return create(document, out, true);
    }

    private static PdfFontWriter create(Document document, OutputStream out, boolean capture) throws DocumentException {
        PdfDocument pdf = new PdfDocument();
        pdf.setTextRenderingOptions(document.getTextRenderingOptions());
        document.addDocListener(pdf);
        PdfFontWriter writer = new PdfFontWriter(pdf, out, capture);
        pdf.addWriter(writer);
        return writer;
    }

    /** @return true when the glyphs a document uses can be read, so that prebuilt programs can be used */
    static boolean canUsePrebuilt() {
        return REFERENCE != null;
    }

    /** @return where the prebuilt font programs were written, in order; complete once the document is closed */
    List<ReproduciblePdf.Span> prebuiltSpans() {
        return prebuiltSpans;
    }

    /** @return the objects written for the fonts, in order, in capture mode */
    List<Captured> captured() {
        return captured;
    }

    /** The glyph numbers {@code font} has used in this document, or null if they cannot be read. */
    @SuppressWarnings("unchecked")
    Map<Integer, int[]> usedGlyphs(BaseFont font) {
        Object details = documentFonts.get(font);
        if (details == null || USED_GLYPHS == null) {
            return null;
        }
        try {
            Map<Integer, int[]> filler = (Map<Integer, int[]>) FILLER_CMAP.get(details);
            if (filler != null && !filler.isEmpty()) {
                // glyphs that glyph substitution produced: only OpenPDF knows how to map them
                return null;
            }
            return (Map<Integer, int[]>) USED_GLYPHS.get(details);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** The reference the pages use for {@code font}, or null if it cannot be read. */
    PdfIndirectReference reference(BaseFont font) {
        Object details = documentFonts.get(font);
        if (details == null || REFERENCE == null) {
            return null;
        }
        try {
            return (PdfIndirectReference) REFERENCE.get(details);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    @Override
    protected void addSharedObjectsToBody() throws IOException {
        if (captured != null) {
            capturing = true;
            try {
                super.addSharedObjectsToBody();
            } finally {
                capturing = false;
            }
            return;
        }
        for (BaseFont font : new ArrayList<>(documentFonts.keySet())) {
            PrebuiltFont prebuilt = PrebuiltFont.of(font);
            if (prebuilt == null) {
                continue;
            }
            Map<Integer, int[]> used = usedGlyphs(font);
            PdfIndirectReference reference = reference(font);
            if (used == null || reference == null || !prebuilt.covers(used.keySet())) {
                continue;
            }
            prebuilt.writeTo(this, reference);
            documentFonts.remove(font);
        }
        super.addSharedObjectsToBody();
    }

    /**
     * Records where a prebuilt program was written, called by the program's object as it has written itself;
     * the writer's stream counts from the start of the file.
     */
    void prebuiltWritten(OutputStream os, int length, byte[] sha256) {
        if (os instanceof OutputStreamCounter) {
            int end = Math.toIntExact(((OutputStreamCounter) os).getCounter());
            prebuiltSpans.add(new ReproduciblePdf.Span(end - length, end, sha256));
        }
    }

    @Override
    public PdfIndirectObject addToBody(PdfObject object) throws IOException {
        PdfIndirectObject written = super.addToBody(object);
        if (capturing) {
            captured.add(new Captured(written.getIndirectReference().getNumber(), object));
        }
        return written;
    }

    @Override
    public PdfIndirectObject addToBody(PdfObject object, PdfIndirectReference ref) throws IOException {
        PdfIndirectObject written = super.addToBody(object, ref);
        if (capturing) {
            captured.add(new Captured(ref.getNumber(), object));
        }
        return written;
    }

    /** An object OpenPDF wrote while writing the fonts, with its object number. */
    static final class Captured {
        final int number;
        final PdfObject object;

        Captured(int number, PdfObject object) {
            this.number = number;
            this.object = object;
        }
    }
}
