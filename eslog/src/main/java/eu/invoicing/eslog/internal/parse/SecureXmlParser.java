package eu.invoicing.eslog.internal.parse;

import eu.invoicing.eslog.EslogReadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Parses untrusted XML with the JDK's SAX parser, hardened: a DOCTYPE is refused outright (so no
 * external entity, no external DTD and no entity expansion can happen), external access is off,
 * the JDK entity and depth limits are tightened, XInclude is off, and every text node is capped
 * (see {@link TextSizeLimiter}) so that a huge text node is refused after reading no more than
 * the cap.
 *
 * <p>Stateless and thread-safe: every call builds its own parser.
 */
public final class SecureXmlParser {

    /** Default cap on one text node, in characters: far above any e-SLOG field (max 512). */
    public static final int DEFAULT_MAX_TEXT_CHARS = 1 << 20;

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private SecureXmlParser() {
    }

    /**
     * Parses {@code input}, sending every event through a text-size limit to {@code handler}.
     *
     * @param input the XML bytes, not null; not closed
     * @param handler receives the events, not null
     * @param maxTextChars the largest text node accepted, in characters, &gt; 0
     * @throws EslogReadException if the XML is refused or not well-formed; the message says why and where
     */
    public static void parse(InputStream input, ContentHandler handler, int maxTextChars) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(handler, "handler");
        XMLReader reader = newXmlReader();
        reader.setContentHandler(new TextSizeLimiter(handler, maxTextChars));
        reader.setErrorHandler(new StrictErrorHandler());
        try {
            reader.parse(new InputSource(input));
        } catch (TextSizeLimiter.TextTooLargeException e) {
            throw new EslogReadException("XML refused: " + e.getMessage(), e);
        } catch (SAXParseException e) {
            throw new EslogReadException(describe(e), e);
        } catch (SAXException e) {
            Exception cause = e.getException();
            if (cause instanceof EslogReadException) {
                throw (EslogReadException) cause;
            }
            throw new EslogReadException("XML refused: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new EslogReadException("XML could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Builds a hardened namespace-aware SAX reader.
     *
     * @return a new reader, never null
     * @throws EslogReadException if the JDK parser rejects a security setting (never with the JDK's own parser)
     */
    public static XMLReader newXmlReader() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // Defence in depth should the DOCTYPE ban ever be lifted: tight entity and nesting limits.
            parser.setProperty("jdk.xml.entityExpansionLimit", "64");
            parser.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "4096");
            parser.setProperty("jdk.xml.maxParameterEntitySizeLimit", "4096");
            parser.setProperty("jdk.xml.totalEntitySizeLimit", "65536");
            parser.setProperty("jdk.xml.maxElementDepth", "64");
            return parser.getXMLReader();
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new EslogReadException("the JDK's XML parser lacks a required security setting: " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new EslogReadException("the XML parser could not be created: " + e.getMessage(), e);
        }
    }

    /**
     * Turns a parser error into a message a user can act on.
     *
     * @param e the parser error, not null
     * @return the message, with line and column
     */
    public static String describe(SAXParseException e) {
        String where = " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "XML refused: a DOCTYPE declaration is not allowed (external entities and entity expansion are refused)"
                    + where;
        }
        if (message.contains("JAXP00010") || message.contains("entity")) {
            return "XML refused: entity use is not allowed: " + message + where;
        }
        return "XML is not well-formed: " + message + where;
    }

    /** Every parser error, recoverable or not, stops the parse. */
    private static final class StrictErrorHandler implements org.xml.sax.ErrorHandler {
        @Override
        public void warning(SAXParseException exception) {
            // warnings do not make the input unreadable
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
