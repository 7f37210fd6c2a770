package eu.invoicing.eslog.internal.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * A pass-through {@link ContentHandler} that knows the path of the element being parsed, e.g.
 * {@code /Invoice/M_INVOIC/G_SG26[2]/S_QTY[1]/C_C186/D_6060}. Segments ({@code S_}) and groups
 * ({@code G_}) carry their 1-based position among same-named siblings, because they repeat.
 * Errors raised by the next handler (a schema validator) can so be reported with a path.
 *
 * <p>Mutable, one per parse; not thread-safe.
 */
public final class ElementPathTracker extends ForwardingContentHandler {

    private final Deque<Frame> stack = new ArrayDeque<>();

    /**
     * @param next receives every event, not null
     */
    public ElementPathTracker(ContentHandler next) {
        super(next);
    }

    /** @return the path of the current element, or "/" outside the root */
    public String currentPath() {
        if (stack.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        var it = stack.descendingIterator();
        while (it.hasNext()) {
            Frame f = it.next();
            sb.append('/').append(f.name);
            if (f.name.startsWith("S_") || f.name.startsWith("G_")) {
                sb.append('[').append(f.position).append(']');
            }
        }
        return sb.toString();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        int position = 1;
        Frame parent = stack.peek();
        if (parent != null) {
            position = parent.childCounts.merge(localName, 1, Integer::sum);
        }
        stack.push(new Frame(localName, position));
        next.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        next.endElement(uri, localName, qName);
        stack.pop();
    }

    private static final class Frame {
        final String name;
        final int position;
        final Map<String, Integer> childCounts = new HashMap<>();

        Frame(String name, int position) {
            this.name = name;
            this.position = position;
        }
    }
}
