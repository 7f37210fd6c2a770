package eu.invoicing.eslog;

import eu.invoicing.eslog.internal.mapping.EslogMapper;
import eu.invoicing.eslog.internal.parse.SecureXmlParser;
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
 * entity expansion), and a text node longer than the limit (1 Mi characters by default) is refused
 * as soon as the limit is passed. Elements the library does not know are skipped. The reader does
 * not validate against the XSD; use {@link EslogValidator#validateXml(byte[], EslogContext)} for that.
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class EslogReader {

    private final int maxTextChars;

    /** A reader with the default text-node limit. */
    public EslogReader() {
        this(SecureXmlParser.DEFAULT_MAX_TEXT_CHARS);
    }

    /**
     * @param maxTextChars the longest text node accepted, in characters, &gt; 0
     * @throws IllegalArgumentException if {@code maxTextChars} is not positive
     */
    public EslogReader(int maxTextChars) {
        if (maxTextChars <= 0) {
            throw new IllegalArgumentException("maxTextChars must be > 0, was " + maxTextChars);
        }
        this.maxTextChars = maxTextChars;
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
        SecureXmlParser.parse(xml, handler, maxTextChars);
        return EslogMapper.toDocument(result(handler));
    }

    static EslogInvoice result(UnmarshallerHandler handler) {
        Object result;
        try {
            result = handler.getResult();
        } catch (JAXBException | IllegalStateException e) {
            throw new EslogReadException("not an e-SLOG 2.0 invoice: " + e.getMessage(), e);
        }
        if (!(result instanceof EslogInvoice)) {
            throw new EslogReadException("not an e-SLOG 2.0 invoice: the root element must be Invoice in namespace "
                    + EslogInvoice.NAMESPACE, null);
        }
        return (EslogInvoice) result;
    }
}
