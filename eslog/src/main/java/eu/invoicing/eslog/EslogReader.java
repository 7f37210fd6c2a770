package eu.invoicing.eslog;

import eu.invoicing.eslog.internal.mapping.EslogMapper;
import eu.invoicing.eslog.internal.parse.Messages;
import eu.invoicing.eslog.internal.parse.SecureXmlParser;
import eu.invoicing.eslog.internal.parse.XmlLimits;
import eu.invoicing.eslog.internal.xml.EslogInvoice;
import eu.invoicing.eslog.internal.xml.EslogJaxb;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshallerHandler;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads an e-SLOG 2.0 invoice (for example one received from a supplier) into a document with
 * its stated totals, plus the e-SLOG data the model has no field for ({@link EslogDocument}).
 *
 * <p>Input is untrusted: parsing is XXE-safe (a DOCTYPE is refused, so no external entity and no
 * entity expansion), and every construct is capped while it is read, before it is held whole: the
 * document ({@value #DEFAULT_MAX_DOCUMENT_BYTES} bytes and {@value #DEFAULT_MAX_ELEMENTS} elements by
 * default), each text node, CDATA section, comment, processing instruction, attribute value and tag (1 Mi
 * characters by default), the nesting depth (64), the attributes of an element (64) and the length of a
 * name (256). Each refusal is an {@link EslogReadException} whose {@link EslogReadException#reason()} names
 * the limit. Elements the library does not know are skipped. The reader does not validate against the XSD;
 * use {@link EslogValidator#validateXml(byte[], EslogContext)} for that.
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class EslogReader {

    /** The default cap on a document's size, in bytes (64 MiB). */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = XmlLimits.DEFAULT_MAX_DOCUMENT_BYTES;
    /** The default cap on a document's elements (1 Mi, some 20,000 invoice lines). */
    public static final int DEFAULT_MAX_ELEMENTS = (int) XmlLimits.DEFAULT_MAX_ELEMENTS;

    private final XmlLimits limits;

    /** A reader with the default limits. */
    public EslogReader() {
        this(SecureXmlParser.DEFAULT_MAX_TEXT_CHARS);
    }

    /**
     * @param maxTextChars the longest text node (and CDATA section, comment, processing instruction,
     *        attribute value, tag) accepted, in characters, &gt; 0
     * @throws IllegalArgumentException if {@code maxTextChars} is not positive
     */
    public EslogReader(int maxTextChars) {
        this(maxTextChars, DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_ELEMENTS);
    }

    /**
     * @param maxTextChars the longest text node (and CDATA section, comment, processing instruction,
     *        attribute value, tag) accepted, in characters, &gt; 0
     * @param maxDocumentBytes the largest document accepted, in bytes, &gt; 0
     * @param maxElements the most elements a document may have, &gt; 0
     * @throws IllegalArgumentException if a limit is not positive
     */
    public EslogReader(int maxTextChars, long maxDocumentBytes, int maxElements) {
        if (maxTextChars <= 0) {
            throw new IllegalArgumentException("maxTextChars must be > 0, was " + maxTextChars);
        }
        this.limits = XmlLimits.defaults().withMaxTextChars(maxTextChars).withDocumentLimits(maxDocumentBytes,
                maxElements);
    }

    /**
     * @param xml the XML bytes, not null
     * @return the document and its e-SLOG data
     * @throws NullPointerException if {@code xml} is null
     * @throws EslogReadException if the XML is refused, not well-formed, not an e-SLOG 2.0 invoice, or
     *         holds a malformed number or date; the message says where
     */
    public EslogDocument read(byte[] xml) {
        Objects.requireNonNull(xml, "xml");
        return read(new ByteArrayInputStream(xml));
    }

    /**
     * @param xml the XML, not null; read to the end (or to the first refusal), not closed
     * @return the document and its e-SLOG data
     * @throws NullPointerException if {@code xml} is null
     * @throws EslogReadException as {@link #read(byte[])}
     */
    public EslogDocument read(InputStream xml) {
        Objects.requireNonNull(xml, "xml");
        UnmarshallerHandler handler = EslogJaxb.newUnmarshallerHandler();
        SecureXmlParser.parse(xml, handler, limits);
        return EslogMapper.toDocument(result(handler));
    }

    static EslogInvoice result(UnmarshallerHandler handler) {
        Object result;
        try {
            result = handler.getResult();
        } catch (JAXBException | IllegalStateException e) {
            throw new EslogReadException(EslogReadException.Reason.NOT_ESLOG, "not an e-SLOG 2.0 invoice: "
                    + Messages.abbreviate(e.getMessage()), e);
        }
        if (!(result instanceof EslogInvoice)) {
            throw new EslogReadException(EslogReadException.Reason.NOT_ESLOG,
                    "not an e-SLOG 2.0 invoice: the root element must be Invoice in namespace "
                    + EslogInvoice.NAMESPACE, null);
        }
        return (EslogInvoice) result;
    }
}
