package eu.invoicing.eslog.internal.parse;

import eu.invoicing.eslog.EslogReadException;
import eu.invoicing.eslog.EslogReadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * XInclude is off, and every construct is capped ({@link XmlLimits}) before the parser holds it whole:
 * the document's size and every comment, processing instruction, CDATA section, attribute value and tag
 * in the stream ({@link LimitedInputStream}); text nodes and the element count as the parser hands them
 * out ({@link ContentLimiter}); nesting depth, attributes per element and name length by the JDK's own
 * limits, with the JDK entity limits tightened as a second line behind the DOCTYPE ban. Each refusal is
 * an {@link EslogReadException} that names the limit ({@link EslogReadException#reason()}) and quotes
 * input only as a short prefix.
 *
 * <p>Stateless and thread-safe: every call builds its own parser.
 */
public final class SecureXmlParser {

    /** Default cap on one text node, in characters: far above any e-SLOG field (max 512). */
    public static final int DEFAULT_MAX_TEXT_CHARS = XmlLimits.DEFAULT_MAX_TEXT_CHARS;

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    /** The JDK's limit messages start with a code: which limit it is. */
    private static final Pattern JDK_LIMIT = Pattern.compile("JAXP0001000(\\d)");
    private static final Pattern QUOTED_NAME = Pattern.compile("[Ee]lement \"([^\"]{0,300})\"");

    private SecureXmlParser() {
    }

    /**
     * Parses {@code input} with the default limits and the given text limit.
     *
     * @param input the XML bytes, not null; not closed
     * @param handler receives the events, not null
     * @param maxTextChars the largest text node (and other character construct) accepted, in characters, &gt; 0
     * @throws EslogReadException if the XML is refused or not well-formed; the message says why and where
     */
    public static void parse(InputStream input, ContentHandler handler, int maxTextChars) {
        parse(input, handler, XmlLimits.defaults().withMaxTextChars(maxTextChars));
    }

    /**
     * Parses {@code input}, sending every event through the limits to {@code handler}.
     *
     * @param input the XML bytes, not null; not closed
     * @param handler receives the events, not null
     * @param limits the caps, not null
     * @throws EslogReadException if the XML is refused or not well-formed; the message says why and where
     */
    public static void parse(InputStream input, ContentHandler handler, XmlLimits limits) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(limits, "limits");
        XMLReader reader = newXmlReader(limits);
        reader.setContentHandler(new ContentLimiter(handler, limits));
        reader.setErrorHandler(new StrictErrorHandler());
        try {
            reader.parse(new InputSource(new LimitedInputStream(input, limits)));
        } catch (SAXParseException e) {
            EslogReadException refusal = refusalIn(e);
            throw refusal != null ? refusal : describe(e, limits);
        } catch (SAXException e) {
            EslogReadException refusal = refusalIn(e);
            if (refusal != null) {
                throw refusal;
            }
            throw new EslogReadException(Reason.NOT_WELL_FORMED, "XML refused: " + Messages.abbreviate(e.getMessage()), e);
        } catch (IOException e) {
            EslogReadException refusal = refusalIn(e);
            if (refusal != null) {
                throw refusal;
            }
            throw new EslogReadException(Reason.STREAM_FAILED, "XML could not be read: "
                    + Messages.abbreviate(e.getMessage()), e);
        }
    }

    /** A refusal of ours somewhere in the chain (a handler's or the stream's), or null. */
    private static EslogReadException refusalIn(Throwable t) {
        for (Throwable c = t; c != null; c = next(c)) {
            if (c instanceof EslogReadException) {
                return (EslogReadException) c;
            }
            if (c instanceof LimitedInputStream.Refused) {
                return ((LimitedInputStream.Refused) c).refusal();
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        Throwable n = t instanceof SAXException && ((SAXException) t).getException() != null
                ? ((SAXException) t).getException() : t.getCause();
        return n == t ? null : n;
    }

    /**
     * Builds a hardened namespace-aware SAX reader with the default limits.
     *
     * @return a new reader, never null
     * @throws EslogReadException if the JDK parser rejects a security setting (never with the JDK's own parser)
     */
    public static XMLReader newXmlReader() {
        return newXmlReader(XmlLimits.defaults());
    }

    /**
     * Builds a hardened namespace-aware SAX reader whose JDK limits (depth, attributes, names) are the given ones.
     *
     * @param limits the caps, not null
     * @return a new reader, never null
     * @throws EslogReadException if the JDK parser rejects a security setting (never with the JDK's own parser)
     */
    public static XMLReader newXmlReader(XmlLimits limits) {
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
            parser.setProperty("jdk.xml.maxElementDepth", Integer.toString(limits.maxDepth()));
            parser.setProperty("jdk.xml.elementAttributeLimit", Integer.toString(limits.maxAttributes()));
            parser.setProperty("jdk.xml.maxXMLNameLimit", Integer.toString(limits.maxNameChars()));
            // Defence in depth should the DOCTYPE ban ever be lifted: tight entity limits.
            parser.setProperty("jdk.xml.entityExpansionLimit", "64");
            parser.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "4096");
            parser.setProperty("jdk.xml.maxParameterEntitySizeLimit", "4096");
            parser.setProperty("jdk.xml.totalEntitySizeLimit", "65536");
            return parser.getXMLReader();
        } catch (ParserConfigurationException | SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new EslogReadException(Reason.PARSER_UNAVAILABLE, "the JDK's XML parser lacks a required security setting: "
                    + Messages.abbreviate(e.getMessage()), e);
        } catch (SAXException e) {
            throw new EslogReadException(Reason.PARSER_UNAVAILABLE, "the XML parser could not be created: "
                    + Messages.abbreviate(e.getMessage()), e);
        }
    }

    /**
     * Turns a parser error into a message a user can act on, naming the limit when a JDK limit was hit.
     *
     * @param e the parser error, not null
     * @param limits the limits the parser ran with, not null
     * @return the refusal, with line and column
     */
    public static EslogReadException describe(SAXParseException e, XmlLimits limits) {
        String where = " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
        String message = String.valueOf(e.getMessage());
        Matcher jdk = JDK_LIMIT.matcher(message);
        if (jdk.find()) {
            switch (jdk.group(1)) {
                case "2":
                    return new EslogReadException(Reason.TOO_MANY_ATTRIBUTES, "XML refused: element "
                            + element(message) + "has more than the limit of " + limits.maxAttributes()
                            + " attributes" + where, e);
                case "5":
                    return new EslogReadException(Reason.NAME_TOO_LONG, "XML refused: a name (of an element, "
                            + "attribute, namespace prefix or processing instruction) is longer than the limit of "
                            + limits.maxNameChars() + " characters" + where, e);
                case "6":
                    return new EslogReadException(Reason.TOO_DEEP, "XML refused: element " + element(message)
                            + "nests deeper than the limit of " + limits.maxDepth() + " levels" + where, e);
                default:
                    return new EslogReadException(Reason.ENTITY, "XML refused: entity use is not allowed ("
                            + Messages.abbreviate(message) + ")" + where, e);
            }
        }
        if (message.contains("DOCTYPE")) {
            return new EslogReadException(Reason.DOCTYPE, "XML refused: a DOCTYPE declaration is not allowed "
                    + "(external entities and entity expansion are refused)" + where, e);
        }
        if (message.contains("entity")) {
            return new EslogReadException(Reason.ENTITY, "XML refused: entity use is not allowed: "
                    + Messages.abbreviate(message) + where, e);
        }
        return new EslogReadException(Reason.NOT_WELL_FORMED, "XML is not well-formed: " + Messages.abbreviate(message)
                + where, e);
    }

    private static String element(String jdkMessage) {
        Matcher m = QUOTED_NAME.matcher(jdkMessage);
        return m.find() ? Messages.quote(m.group(1)) + " " : "";
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
