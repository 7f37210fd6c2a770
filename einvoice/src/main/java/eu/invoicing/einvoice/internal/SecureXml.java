package eu.invoicing.einvoice.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Hardened XML input: a DOCTYPE is refused (so no external entity, external DTD or entity expansion can
 * happen), external access is off, XInclude is off, the JDK's secure-processing limits apply, and the
 * input is read up to a byte limit before anything parses it. Stateless and thread-safe.
 */
public final class SecureXml {

    /** The default largest document accepted: 32 MiB (an invoice with thousands of lines is far below). */
    public static final int DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

    private SecureXml() {
    }

    /**
     * Reads at most {@code maxBytes} bytes.
     *
     * @param in the stream, not null; not closed
     * @param maxBytes the limit, &gt; 0
     * @return the bytes
     * @throws TooLargeException when the stream holds more
     * @throws IOException when reading fails
     */
    public static byte[] readBounded(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** The input was longer than the limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(int maxBytes) {
            super("the document is larger than " + maxBytes + " bytes");
        }
    }

    /**
     * @return a new namespace-aware reader that refuses DOCTYPE and every external access
     */
    public static XMLReader newReader() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setXIncludeAware(false);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader r = f.newSAXParser().getXMLReader();
            r.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            r.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return r;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser refuses the hardening features", e);
        }
    }
}
