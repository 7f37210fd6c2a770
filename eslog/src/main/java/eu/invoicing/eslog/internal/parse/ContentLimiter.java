package eu.invoicing.eslog.internal.parse;

import eu.invoicing.eslog.EslogReadException;
import eu.invoicing.eslog.EslogReadException.Reason;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * A pass-through {@link ContentHandler} that refuses a text node longer than a limit and a document with more
 * elements than a limit. The SAX parser delivers a long text node in buffer-sized chunks, so the text limit
 * trips after reading about the limit, not after buffering the whole node. The other constructs the parser
 * holds whole (comments, attribute values ...) are capped earlier, in {@link LimitedInputStream}.
 *
 * <p>Mutable, one per parse; not thread-safe.
 */
final class ContentLimiter extends ForwardingContentHandler {

    private final int maxChars;
    private final long maxElements;
    private long run;
    private long elements;
    private String element = "";
    private Locator locator;

    /**
     * @param next receives every event, not null
     * @param limits the text and element limits, not null
     */
    ContentLimiter(ContentHandler next, XmlLimits limits) {
        super(next);
        this.maxChars = limits.maxTextChars();
        this.maxElements = limits.maxElements();
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        next.setDocumentLocator(locator);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        run += length;
        if (run > maxChars) {
            throw refuse(Reason.TEXT_TOO_LONG, "a text node" + (element.isEmpty() ? "" : " in element "
                    + Messages.quote(element)) + " exceeds the limit of " + maxChars + " characters");
        }
        next.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (++elements > maxElements) {
            throw refuse(Reason.TOO_MANY_ELEMENTS, "the document has more than the limit of " + maxElements
                    + " elements");
        }
        run = 0;
        element = localName;
        next.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        run = 0;
        next.endElement(uri, localName, qName);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        run = 0;
        next.processingInstruction(target, data);
    }

    private SAXException refuse(Reason reason, String message) {
        String where = locator == null ? "" : " (line " + locator.getLineNumber() + ", column "
                + locator.getColumnNumber() + ")";
        return new SAXException(new EslogReadException(reason, "XML refused: " + message + where, null));
    }
}
