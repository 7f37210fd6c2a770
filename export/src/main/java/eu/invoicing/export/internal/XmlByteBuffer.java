package eu.invoicing.export.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A fixed-size byte buffer that XML is written into as UTF-8 and that is handed on to an output
 * whenever it fills: markup as prepared bytes, numbers as ASCII digits, and text escaped and
 * encoded character by character. No {@code String}, {@code char[]} or other object is made per
 * call, so a sheet of millions of cells costs the buffer and nothing more.
 *
 * <p>Text ({@link #text(String)}) is written safe for element content and attribute values:
 * {@code & < > "} as entities, tab, line feed and carriage return as character references (so that
 * no XML parser normalises them away), and every character XML 1.0 cannot carry (C0 controls,
 * U+FFFE, U+FFFF, unpaired surrogates) as U+FFFD, the replacement {@link XmlText#clean} makes.
 *
 * <p>Mutable and not thread-safe.
 */
final class XmlByteBuffer {

    /** Most bytes one character can take once escaped ({@code &quot;}) or encoded (a surrogate pair). */
    private static final int MAX_CHAR_BYTES = 6;
    private static final byte[] AMP = markup("&amp;");
    private static final byte[] LT = markup("&lt;");
    private static final byte[] GT = markup("&gt;");
    private static final byte[] QUOT = markup("&quot;");
    private static final byte[] TAB = markup("&#9;");
    private static final byte[] LF = markup("&#10;");
    private static final byte[] CR = markup("&#13;");

    private final byte[] buffer;
    private OutputStream out;
    private int position;

    /**
     * @param size the buffer size in bytes, at least 256
     * @param out where full buffers go, not null (may be changed with {@link #to})
     */
    XmlByteBuffer(int size, OutputStream out) {
        if (size < 256) {
            throw new IllegalArgumentException("size: must be >= 256, was " + size);
        }
        this.buffer = new byte[size];
        this.out = Objects.requireNonNull(out, "out");
    }

    /** @return the ASCII bytes of markup, for the constants the writers prepare once */
    static byte[] markup(String markup) {
        return markup.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Hands what is buffered to the current output and writes to {@code next} from now on.
     *
     * @param next the new output, not null
     * @throws IOException if the current output fails
     */
    void to(OutputStream next) throws IOException {
        flush();
        this.out = Objects.requireNonNull(next, "next");
    }

    /**
     * Makes room for {@code bytes} more bytes (at most the buffer's size), handing the buffer on if needed.
     *
     * @param bytes the bytes about to be written
     * @throws IOException if the output fails
     */
    void reserve(int bytes) throws IOException {
        if (position + bytes > buffer.length) {
            flush();
        }
    }

    /**
     * Appends prepared bytes (markup); the caller has {@linkplain #reserve reserved} room for them or
     * they are shorter than the room {@link #text} and {@link #digits} leave.
     *
     * @param bytes the bytes, not null
     * @return this buffer
     * @throws IOException if the output fails
     */
    XmlByteBuffer raw(byte[] bytes) throws IOException {
        if (position + bytes.length > buffer.length) {
            flush();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                return this;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
        return this;
    }

    /**
     * Appends the first {@code length} prepared bytes.
     *
     * @param bytes the bytes, not null
     * @param length how many, at most the buffer's size
     * @return this buffer
     * @throws IOException if the output fails
     */
    XmlByteBuffer raw(byte[] bytes, int length) throws IOException {
        reserve(length);
        System.arraycopy(bytes, 0, buffer, position, length);
        position += length;
        return this;
    }

    /**
     * Appends ASCII characters as they are (markup or a formatted number, never user text).
     *
     * @param ascii the characters, each below U+0080, not null
     * @return this buffer
     * @throws IOException if the output fails
     */
    XmlByteBuffer ascii(CharSequence ascii) throws IOException {
        int length = ascii.length();
        for (int i = 0; i < length; i++) {
            if (position == buffer.length) {
                flush();
            }
            buffer[position++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /**
     * Appends a non-negative or negative whole number in decimal.
     *
     * @param value the number
     * @return this buffer
     * @throws IOException if the output fails
     */
    XmlByteBuffer digits(long value) throws IOException {
        reserve(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return ascii(Long.toString(value));
            }
            buffer[position++] = '-';
            value = -value;
        }
        int end = position + decimalLength(value);
        for (int i = end - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position = end;
        return this;
    }

    /**
     * Appends exactly {@code width} decimal digits of {@code value} (zero-padded on the left), for a
     * fraction's digits.
     *
     * @param value the number, at least 0 and below 10<sup>width</sup>
     * @param width the digits to write, 1..18
     * @return this buffer
     * @throws IOException if the output fails
     */
    XmlByteBuffer paddedDigits(long value, int width) throws IOException {
        reserve(width);
        for (int i = position + width - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += width;
        return this;
    }

    /** @return the number of decimal digits of a value at least 0 */
    static int decimalLength(long value) {
        int length = 1;
        for (long bound = 10; length < 19 && value >= bound; bound *= 10) {
            length++;
        }
        return length;
    }

    /**
     * Appends text escaped for XML and encoded as UTF-8 (see the class comment).
     *
     * @param text the text, not null
     * @return this buffer
     * @throws IOException if the output fails
     */
    XmlByteBuffer text(String text) throws IOException {
        int length = text.length();
        byte[] b = buffer;
        int p = position;
        for (int i = 0; i < length; i++) {
            if (p + MAX_CHAR_BYTES > b.length) {
                position = p;
                flush();
                p = 0;
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20) {
                    switch (c) {
                        case '&' -> p = put(AMP, p);
                        case '<' -> p = put(LT, p);
                        case '>' -> p = put(GT, p);
                        case '"' -> p = put(QUOT, p);
                        default -> b[p++] = (byte) c;
                    }
                } else if (c == '\t') {
                    p = put(TAB, p);
                } else if (c == '\n') {
                    p = put(LF, p);
                } else if (c == '\r') {
                    p = put(CR, p);
                } else {
                    p = replacement(p);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(++i));
                    b[p++] = (byte) (0xF0 | cp >> 18);
                    b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    p = replacement(p);
                }
            } else if (c >= 0xFFFE) {
                p = replacement(p);
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        position = p;
        return this;
    }

    private int put(byte[] entity, int p) {
        System.arraycopy(entity, 0, buffer, p, entity.length);
        return p + entity.length;
    }

    /** U+FFFD ({@link XmlText#REPLACEMENT}) in UTF-8. */
    private int replacement(int p) {
        buffer[p] = (byte) 0xEF;
        buffer[p + 1] = (byte) 0xBF;
        buffer[p + 2] = (byte) 0xBD;
        return p + 3;
    }

    /**
     * Hands the buffered bytes to the output (without flushing the output itself).
     *
     * @throws IOException if the output fails
     */
    void flush() throws IOException {
        if (position > 0) {
            out.write(buffer, 0, position);
            position = 0;
        }
    }
}
