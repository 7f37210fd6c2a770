package eu.invoicing.eslog.internal.parse;

import eu.invoicing.eslog.EslogReadException;
import eu.invoicing.eslog.EslogReadException.Reason;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The input stream the parser reads: it counts the document's bytes, and it follows the XML markup as the
 * bytes go by, so that a comment, processing instruction, CDATA section, attribute value, tag or declaration
 * longer than the limit is refused after about the limit has been read. The JDK's parser holds each of those
 * whole in memory before anyone sees it (a text node it hands out in chunks, so {@link ContentLimiter} caps
 * that one), and its own limits cover none of them.
 *
 * <p>The markup is followed in code units: bytes for UTF-8 and the other ASCII-compatible encodings, 16-bit
 * units for UTF-16 (recognised by its byte-order mark or by {@code <?} in the first four bytes, XML 1.0
 * appendix F). A length in characters counts UTF-8 lead bytes; a construct of more than four bytes per
 * allowed character is refused too, so that no single-byte encoding can slip past the count. Other
 * encodings (UCS-4, EBCDIC) are refused. A construct's delimiters are ASCII in every one of these, and a
 * well-formed document is never refused for anything but a limit; a malformed one is refused by the parser.
 *
 * <p>Mutable, one per parse; not thread-safe.
 */
final class LimitedInputStream extends FilterInputStream {

    /** Thrown out of {@code read} when a limit is passed; the parser passes it through unchanged. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(EslogReadException refusal) {
            super(refusal.getMessage(), refusal);
        }

        EslogReadException refusal() {
            return (EslogReadException) getCause();
        }
    }

    private enum State { CONTENT, LT, BANG, COMMENT_OPEN, COMMENT, CDATA_OPEN, CDATA, PI, TAG, ATTRIBUTE, DECLARATION }

    private static final String CDATA_OPEN = "CDATA[";
    private static final int UTF8_CONTINUATION_MASK = 0xC0;
    private static final int UTF8_CONTINUATION = 0x80;
    private static final int BYTES_PER_CHAR = 4;

    private final XmlLimits limits;
    private long bytes;

    private final int[] prefix = new int[4];
    private int prefixLength;
    /** Bytes per code unit: 0 while undecided, then 1 or 2. */
    private int width;
    private boolean bigEndian;
    private int pendingByte = -1;

    private State state = State.CONTENT;
    /** The construct (or attribute value) being measured. */
    private long chars;
    private long units;
    private int marker;
    private int quote;
    private long line = 1;
    private long constructLine;
    /** The tag's own length, kept while one of its attribute values is measured. */
    private long tagChars;
    private long tagUnits;

    LimitedInputStream(InputStream in, XmlLimits limits) {
        super(in);
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            endOfInput();
            return b;
        }
        counted(1);
        feed(b);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            endOfInput();
            return n;
        }
        counted(n);
        for (int i = 0; i < n; i++) {
            feed(buffer[offset + i] & 0xFF);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte must pass the scanner: skip by reading
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: a reset would replay bytes past the scanner
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void counted(int n) throws Refused {
        bytes += n;
        if (bytes > limits.maxDocumentBytes()) {
            throw refuse(Reason.DOCUMENT_TOO_LARGE, "the document is larger than the limit of "
                    + limits.maxDocumentBytes() + " bytes");
        }
    }

    private void endOfInput() throws Refused {
        if (width == 0 && prefixLength > 0) {
            decide();
        }
    }

    private void feed(int b) throws Refused {
        if (width == 0) {
            prefix[prefixLength++] = b;
            if (prefixLength == prefix.length) {
                decide();
            }
            return;
        }
        if (width == 2) {
            if (pendingByte < 0) {
                pendingByte = b;
                return;
            }
            int unit = bigEndian ? pendingByte << 8 | b : b << 8 | pendingByte;
            pendingByte = -1;
            lex(unit, true);
            return;
        }
        lex(b, (b & UTF8_CONTINUATION_MASK) != UTF8_CONTINUATION);
    }

    /** XML 1.0 appendix F: the encoding family from the first four bytes. */
    private void decide() throws Refused {
        int p0 = prefix[0];
        int p1 = prefixLength > 1 ? prefix[1] : -1;
        int p2 = prefixLength > 2 ? prefix[2] : -1;
        int p3 = prefixLength > 3 ? prefix[3] : -1;
        if (p0 == 0 && p1 == 0 || p0 == 0xFF && p1 == 0xFE && p2 == 0 && p3 == 0
                || p0 == 0x3C && p1 == 0 && p2 == 0 || p0 == 0x4C && p1 == 0x6F && p2 == 0xA7 && p3 == 0x94) {
            throw refuse(Reason.UNSUPPORTED_ENCODING,
                    "only UTF-8 (or another ASCII-compatible encoding) and UTF-16 are read, not UCS-4 or EBCDIC");
        }
        if (p0 == 0xFE && p1 == 0xFF || p0 == 0 && p1 == 0x3C) {
            width = 2;
            bigEndian = true;
        } else if (p0 == 0xFF && p1 == 0xFE || p0 == 0x3C && p1 == 0) {
            width = 2;
        } else {
            width = 1;
        }
        for (int i = 0; i < prefixLength; i++) {
            feed(prefix[i]);
        }
    }

    private void lex(int u, boolean isChar) throws Refused {
        if (u == '\n') {
            line++;
        }
        switch (state) {
            case CONTENT -> {
                if (u == '<') {
                    state = State.LT;
                    constructLine = line;
                }
            }
            case LT -> {
                if (u == '!') {
                    state = State.BANG;
                } else if (u == '?') {
                    begin(State.PI);
                } else {
                    begin(State.TAG);
                    tag(u, isChar);
                }
            }
            case BANG -> {
                if (u == '-') {
                    state = State.COMMENT_OPEN;
                } else if (u == '[') {
                    state = State.CDATA_OPEN;
                    marker = 0;
                } else {
                    begin(State.DECLARATION);
                }
            }
            case COMMENT_OPEN -> begin(u == '-' ? State.COMMENT : State.DECLARATION);
            case COMMENT -> content(u, isChar, '-', 2, Reason.COMMENT_TOO_LONG, "a comment");
            case CDATA_OPEN -> {
                if (u == CDATA_OPEN.charAt(marker)) {
                    if (++marker == CDATA_OPEN.length()) {
                        begin(State.CDATA);
                    }
                } else {
                    begin(State.DECLARATION);
                }
            }
            case CDATA -> content(u, isChar, ']', 2, Reason.TEXT_TOO_LONG, "a CDATA section");
            case PI -> content(u, isChar, '?', 1, Reason.PROCESSING_INSTRUCTION_TOO_LONG, "a processing instruction");
            case TAG -> tag(u, isChar);
            case ATTRIBUTE -> {
                if (u == quote) {
                    state = State.TAG;
                    chars = tagChars;
                    units = tagUnits;
                } else {
                    measure(isChar, Reason.ATTRIBUTE_TOO_LONG, "an attribute value");
                }
            }
            case DECLARATION -> {
                if (u == '>') {
                    state = State.CONTENT;
                } else {
                    measure(isChar, Reason.TAG_TOO_LONG, "a declaration");
                }
            }
            default -> throw new IllegalStateException(String.valueOf(state));
        }
    }

    /**
     * Inside a construct that ends with {@code closing} repeated {@code needed} times and {@code >}: the closing
     * characters are counted as content only once they turn out not to close it.
     */
    private void content(int u, boolean isChar, char closing, int needed, Reason reason, String what) throws Refused {
        if (u == closing) {
            // at most the closing run stays pending: a longer run is content (200 MB of '?' in a PI too)
            if (marker == needed) {
                measure(true, reason, what);
            } else {
                marker++;
            }
            return;
        }
        if (u == '>' && marker >= needed) {
            state = State.CONTENT;
            return;
        }
        for (; marker > 0; marker--) {
            measure(true, reason, what);
        }
        measure(isChar, reason, what);
    }

    private void tag(int u, boolean isChar) throws Refused {
        if (u == '>') {
            state = State.CONTENT;
        } else if (u == '"' || u == '\'') {
            quote = u;
            tagChars = chars;
            tagUnits = units;
            chars = 0;
            units = 0;
            state = State.ATTRIBUTE;
        } else {
            measure(isChar, Reason.TAG_TOO_LONG, "a tag");
        }
    }

    private void begin(State next) {
        state = next;
        chars = 0;
        units = 0;
        marker = 0;
    }

    private void measure(boolean isChar, Reason reason, String what) throws Refused {
        units++;
        if (isChar) {
            chars++;
        }
        int max = limits.maxTextChars();
        if (chars > max || units > (long) BYTES_PER_CHAR * max) {
            throw refuse(reason, what + " starting on line " + constructLine + " exceeds the limit of " + max
                    + " characters");
        }
    }

    private static Refused refuse(Reason reason, String message) {
        return new Refused(new EslogReadException(reason, "XML refused: " + message, null));
    }
}
