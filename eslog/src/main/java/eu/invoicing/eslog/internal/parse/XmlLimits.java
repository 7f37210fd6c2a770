package eu.invoicing.eslog.internal.parse;

/**
 * The caps on an untrusted XML input, every one of them enforced while reading, before the construct it caps
 * is held in memory whole.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxDocumentBytes the largest document, in bytes, &gt; 0
 * @param maxElements the most elements in a document, &gt; 0
 * @param maxDepth the deepest nesting of elements, &gt; 0
 * @param maxAttributes the most attributes on one element (namespace declarations included), &gt; 0
 * @param maxNameChars the longest element, attribute, prefix or processing-instruction name, &gt; 0
 * @param maxTextChars the longest text node, CDATA section, comment, processing instruction, attribute value
 *        and tag (without its attribute values), in characters, &gt; 0
 */
public record XmlLimits(long maxDocumentBytes, long maxElements, int maxDepth, int maxAttributes, int maxNameChars,
        int maxTextChars) {

    /** Default document cap: 64 MiB, far above any e-SLOG invoice a person reads (a line takes 2 to 3 kB). */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 64L << 20;
    /** Default element cap: 1 Mi, some 20,000 invoice lines. */
    public static final long DEFAULT_MAX_ELEMENTS = 1L << 20;
    /** Default depth cap: e-SLOG nests 8 deep. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Default attributes per element: e-SLOG uses one ({@code Id}) plus namespace declarations. */
    public static final int DEFAULT_MAX_ATTRIBUTES = 64;
    /** Default name cap: e-SLOG names have at most 10 characters. */
    public static final int DEFAULT_MAX_NAME_CHARS = 256;
    /** Default cap on a text node and the other character constructs: far above any e-SLOG field (max 512). */
    public static final int DEFAULT_MAX_TEXT_CHARS = 1 << 20;

    /** Checks that every limit is positive. */
    public XmlLimits {
        positive(maxDocumentBytes, "maxDocumentBytes");
        positive(maxElements, "maxElements");
        positive(maxDepth, "maxDepth");
        positive(maxAttributes, "maxAttributes");
        positive(maxNameChars, "maxNameChars");
        positive(maxTextChars, "maxTextChars");
    }

    /** @return the default limits */
    public static XmlLimits defaults() {
        return new XmlLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ATTRIBUTES,
                DEFAULT_MAX_NAME_CHARS, DEFAULT_MAX_TEXT_CHARS);
    }

    /**
     * @param chars the text limit, &gt; 0
     * @return a copy with it; this instance is unaffected
     */
    public XmlLimits withMaxTextChars(int chars) {
        return new XmlLimits(maxDocumentBytes, maxElements, maxDepth, maxAttributes, maxNameChars, chars);
    }

    /**
     * @param bytes the document limit, &gt; 0
     * @param elements the element limit, &gt; 0
     * @return a copy with them; this instance is unaffected
     */
    public XmlLimits withDocumentLimits(long bytes, long elements) {
        return new XmlLimits(bytes, elements, maxDepth, maxAttributes, maxNameChars, maxTextChars);
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
