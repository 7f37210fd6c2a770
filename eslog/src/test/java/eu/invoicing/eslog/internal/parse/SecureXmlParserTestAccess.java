package eu.invoicing.eslog.internal.parse;

import java.io.InputStream;

/** Gives other test packages the hostile-input generator of {@link SecureXmlParserTest}. */
public final class SecureXmlParserTestAccess {

    private SecureXmlParserTestAccess() {
    }

    /**
     * @param size the number of characters in the one text node
     * @return an e-SLOG-looking document with one huge text node, generated on the fly
     */
    public static InputStream hugeTextNode(long size) {
        return SecureXmlParserTest.hugeTextNode(size);
    }

    /**
     * @param head the text before the fill, ASCII
     * @param fill the character repeated
     * @param size how many times
     * @param tail the text after the fill, ASCII
     * @return the stream, generated on the fly
     */
    public static InputStream repeating(String head, char fill, long size, String tail) {
        return SecureXmlParserTest.ascii(head, fill, size, tail);
    }
}
