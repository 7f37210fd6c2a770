package eu.invoicing.rendering.internal;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;

/**
 * One Liberation font's embedded form, built once per font and written into every PDF that needs no glyph
 * beyond it: the font program subset to the glyphs of {@link #CHARACTERS} (what the 18 label languages, the
 * 18 locales' number and date formats and common punctuation need) and compressed at the best level, its
 * font descriptor, its widths and its ToUnicode map, all exactly as OpenPDF writes them for that glyph set.
 *
 * <p>It is built by letting OpenPDF write a one-page document with every one of those characters in the
 * font, capturing the objects OpenPDF writes for the font, and keeping them as bytes; only the object
 * numbers that link them change from document to document. Compared with subsetting per document the
 * file is larger (the whole set is embedded, about 45 kB per font) and the work per document is gone.
 *
 * <p>Immutable and thread-safe once built; built at most once per font, on first use.
 */
final class PrebuiltFont {
    /**
     * Unicode ranges, inclusive: Basic Latin, Latin-1 Supplement and Latin Extended-A (every Latin letter of
     * the 17 Latin-script languages), the comma-below letters of Romanian, spacing accents, basic Cyrillic
     * (Bulgarian, and the other Cyrillic alphabets of the region), general punctuation (dashes, quotes,
     * bullet, ellipsis, per mille, guillemets), the euro sign, numero, trade mark and the minus sign.
     */
    static final int[][] CHARACTERS = {
        {0x0020, 0x007e}, {0x00a0, 0x017f}, {0x0218, 0x021b}, {0x02c6, 0x02dd}, {0x0400, 0x045f},
        {0x2010, 0x2027}, {0x2030, 0x203a}, {0x20ac, 0x20ac}, {0x2116, 0x2116}, {0x2122, 0x2122},
        {0x2212, 0x2212},
    };

    private static final Map<BaseFont, Source> SOURCES = new ConcurrentHashMap<>();

    /** The glyph numbers of the font program. */
    private final BitSet glyphs;
    /** The objects to write, in order; the last is the font dictionary the pages refer to. */
    private final List<Template> objects;

    private PrebuiltFont(BitSet glyphs, List<Template> objects) {
        this.glyphs = glyphs;
        this.objects = objects;
    }

    /**
     * Makes {@code font} eligible: its program will be built from {@code ttf} on first use.
     *
     * @param font the font the renderer lays out and draws with
     * @param file the font's file name
     * @param ttf the font file the font was created from
     */
    static void register(BaseFont font, String file, byte[] ttf) {
        SOURCES.put(font, new Source(file, ttf));
    }

    /** @return the prebuilt form of {@code font}, or null if it has none (not registered, or it cannot be built) */
    static PrebuiltFont of(BaseFont font) {
        Source source = SOURCES.get(font);
        return source == null ? null : source.get();
    }

    /** @return true if every glyph number in {@code used} is in the program */
    boolean covers(Collection<Integer> used) {
        for (int glyph : used) {
            if (glyph < 0 || !glyphs.get(glyph)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the font's objects into the document; the font dictionary goes to {@code fontReference}, the
     * reference the pages use.
     */
    void writeTo(PdfFontWriter writer, PdfIndirectReference fontReference) throws IOException {
        PdfIndirectReference[] written = new PdfIndirectReference[objects.size()];
        int last = objects.size() - 1;
        for (int i = 0; i < last; i++) {
            written[i] = writer.addToBody(objects.get(i).instantiate(written, writer)).getIndirectReference();
        }
        writer.addToBody(objects.get(last).instantiate(written, writer), fontReference);
    }

    /** The font file and the lazily built program. */
    private static final class Source {
        private final String file;
        private final byte[] ttf;
        private volatile boolean built;
        private PrebuiltFont program;

        Source(String file, byte[] ttf) {
            this.file = file;
            this.ttf = ttf;
        }

        PrebuiltFont get() {
            if (!built) {
                synchronized (this) {
                    if (!built) {
                        program = build(file, ttf);
                        built = true;
                    }
                }
            }
            return program;
        }
    }

    /** @return the program, or null when OpenPDF's objects cannot be captured as expected */
    static PrebuiltFont build(String file, byte[] ttf) {
        if (!PdfFontWriter.canUsePrebuilt()) {
            return null;
        }
        try {
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
            font.setCompressionLevel(Deflater.BEST_COMPRESSION);
            StringBuilder text = new StringBuilder();
            for (int[] range : CHARACTERS) {
                for (int c = range[0]; c <= range[1]; c++) {
                    if (font.charExists(c)) {
                        text.appendCodePoint(c);
                    }
                }
            }
            Document document = new Document();
            document.setGlyphSubstitutionEnabled(false);
            PdfFontWriter writer = PdfFontWriter.capturing(document, OutputStream.nullOutputStream());
            document.open();
            document.add(new Paragraph(text.toString(), new Font(font, 8)));
            document.close();
            Map<Integer, int[]> used = writer.usedGlyphs(font);
            PdfIndirectReference reference = writer.reference(font);
            if (used == null || reference == null) {
                return null;
            }
            BitSet glyphs = new BitSet();
            used.keySet().forEach(glyphs::set);
            return fromCaptured(glyphs, writer.captured(), reference.getNumber());
        } catch (IOException | RuntimeException e) {
            // not the structure this class knows: the font keeps OpenPDF's per-document subset
            return null;
        }
    }

    private static PrebuiltFont fromCaptured(BitSet glyphs, List<PdfFontWriter.Captured> captured, int fontNumber)
            throws IOException {
        // the font dictionary must come last and every link must point to an object written before it
        if (captured.isEmpty() || captured.get(captured.size() - 1).number != fontNumber) {
            return null;
        }
        Map<Integer, Integer> index = new HashMap<>();
        List<Template> objects = new ArrayList<>();
        for (PdfFontWriter.Captured c : captured) {
            Template template = template(c.object, index);
            if (template == null) {
                return null;
            }
            index.put(c.number, objects.size());
            objects.add(template);
        }
        return new PrebuiltFont(glyphs, List.copyOf(objects));
    }

    private static Template template(PdfObject object, Map<Integer, Integer> index) throws IOException {
        if (object instanceof PdfStream) {
            PdfStream stream = (PdfStream) object;
            // streams of a font (program, ToUnicode) link to nothing: they are kept as written
            boolean program = stream.get(new PdfName("Length1")) != null;
            return new Template.Raw(new Raw(PdfObject.STREAM, serialize(stream)), program);
        }
        if (object instanceof PdfDictionary) {
            Value value = value(object, index);
            return value == null ? null : new Template.Dictionary((Value.Dict) value);
        }
        return null;
    }

    /** A value with the links in it resolved per document; values without links are kept as bytes. */
    private static Value value(PdfObject object, Map<Integer, Integer> index) throws IOException {
        if (object instanceof PdfIndirectReference) {
            Integer target = index.get(((PdfIndirectReference) object).getNumber());
            return target == null ? null : new Value.Link(target);
        }
        if (!hasLink(object)) {
            return new Value.Fixed(new Raw(object.type(), serialize(object)));
        }
        if (object instanceof PdfArray) {
            List<Value> elements = new ArrayList<>();
            for (PdfObject element : ((PdfArray) object).getElements()) {
                Value v = value(element, index);
                if (v == null) {
                    return null;
                }
                elements.add(v);
            }
            return new Value.Array(elements);
        }
        if (object instanceof PdfDictionary && !(object instanceof PdfStream)) {
            PdfDictionary dictionary = (PdfDictionary) object;
            List<PdfName> keys = new ArrayList<>(dictionary.getKeys());
            List<Value> values = new ArrayList<>();
            for (PdfName key : keys) {
                Value v = value(dictionary.get(key), index);
                if (v == null) {
                    return null;
                }
                values.add(v);
            }
            return new Value.Dict(keys, values);
        }
        return null;
    }

    private static boolean hasLink(PdfObject object) {
        if (object instanceof PdfIndirectReference) {
            return true;
        }
        if (object instanceof PdfArray) {
            for (PdfObject element : ((PdfArray) object).getElements()) {
                if (hasLink(element)) {
                    return true;
                }
            }
        }
        if (object instanceof PdfDictionary) {
            PdfDictionary dictionary = (PdfDictionary) object;
            for (PdfName key : dictionary.getKeys()) {
                if (hasLink(dictionary.get(key))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] serialize(PdfObject object) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        object.toPdf(null, out);
        return out.toByteArray();
    }

    /** PDF syntax kept as bytes; never modified. */
    private static final class Raw extends PdfObject {
        Raw(int type, byte[] bytes) {
            super(type, bytes);
        }
    }

    /** The font program's stream, reporting where it lands in the file. */
    private static final class ProgramObject extends PdfObject {
        private final PdfFontWriter writer;
        private final byte[] sha256;

        ProgramObject(byte[] bytes, byte[] sha256, PdfFontWriter writer) {
            super(PdfObject.STREAM, bytes);
            this.writer = writer;
            this.sha256 = sha256;
        }

        @Override
        public void toPdf(com.lowagie.text.pdf.PdfWriter unused, OutputStream os) throws IOException {
            super.toPdf(unused, os);
            writer.prebuiltWritten(os, getBytes().length, sha256);
        }
    }

    /** One object of the font, ready to be written into a document. */
    private interface Template {
        PdfObject instantiate(PdfIndirectReference[] written, PdfFontWriter writer);

        /** A stream, written as it was captured. */
        final class Raw implements Template {
            private final PrebuiltFont.Raw object;
            /** The SHA-256 of the bytes when this is the font program, else null. */
            private final byte[] sha256;

            Raw(PrebuiltFont.Raw object, boolean program) {
                this.object = object;
                this.sha256 = program ? ReproduciblePdf.sha256(object.getBytes()) : null;
            }

            @Override
            public PdfObject instantiate(PdfIndirectReference[] written, PdfFontWriter writer) {
                return sha256 != null ? new ProgramObject(object.getBytes(), sha256, writer) : object;
            }
        }

        /** A dictionary whose links point to objects written before it. */
        final class Dictionary implements Template {
            private final Value.Dict value;

            Dictionary(Value.Dict value) {
                this.value = value;
            }

            @Override
            public PdfObject instantiate(PdfIndirectReference[] written, PdfFontWriter writer) {
                return value.resolve(written);
            }
        }
    }

    /** A value inside a font dictionary. */
    private interface Value {
        PdfObject resolve(PdfIndirectReference[] written);

        /** Fixed bytes. */
        final class Fixed implements Value {
            private final PrebuiltFont.Raw raw;

            Fixed(PrebuiltFont.Raw raw) {
                this.raw = raw;
            }

            @Override
            public PdfObject resolve(PdfIndirectReference[] written) {
                return raw;
            }
        }

        /** A reference to the {@code target}-th object written for the font. */
        final class Link implements Value {
            private final int target;

            Link(int target) {
                this.target = target;
            }

            @Override
            public PdfObject resolve(PdfIndirectReference[] written) {
                return written[target];
            }
        }

        /** An array with links in it. */
        final class Array implements Value {
            private final List<Value> elements;

            Array(List<Value> elements) {
                this.elements = List.copyOf(elements);
            }

            @Override
            public PdfObject resolve(PdfIndirectReference[] written) {
                PdfArray array = new PdfArray();
                for (Value element : elements) {
                    array.add(element.resolve(written));
                }
                return array;
            }
        }

        /** A dictionary with links in it. */
        final class Dict implements Value {
            private final List<PdfName> keys;
            private final List<Value> values;

            Dict(List<PdfName> keys, List<Value> values) {
                this.keys = List.copyOf(keys);
                this.values = List.copyOf(values);
            }

            @Override
            public PdfDictionary resolve(PdfIndirectReference[] written) {
                PdfDictionary dictionary = new PdfDictionary();
                for (int i = 0; i < keys.size(); i++) {
                    dictionary.put(keys.get(i), values.get(i).resolve(written));
                }
                return dictionary;
            }
        }
    }
}
