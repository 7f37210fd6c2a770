package eu.invoicing.eslog.internal.parse;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * A pass-through {@link ContentHandler} that refuses a text node longer than a limit. The SAX
 * parser delivers a long text node in buffer-sized chunks, so the limit trips after reading about
 * the limit, not after buffering the whole node.
 *
 * <p>Mutable, one per parse; not thread-safe.
 */
public final class TextSizeLimiter extends ForwardingContentHandler {

    private final int maxChars;
    private long run;
    private String element = "";

    /**
     * @param next receives every event, not null
     * @param maxChars the largest text node accepted, &gt; 0
     * @throws IllegalArgumentException if {@code maxChars} is not positive
     */
    public TextSizeLimiter(ContentHandler next, int maxChars) {
        super(next);
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be > 0, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        run += length;
        if (run > maxChars) {
            throw new TextTooLargeException("a text node" + (element.isEmpty() ? "" : " in element " + element)
                    + " exceeds the limit of " + maxChars + " characters");
        }
        next.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
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

    /** Thrown when a text node passes the limit. */
    static final class TextTooLargeException extends SAXException {
        private static final long serialVersionUID = 1L;

        TextTooLargeException(String message) {
            super(message);
        }
    }
}
