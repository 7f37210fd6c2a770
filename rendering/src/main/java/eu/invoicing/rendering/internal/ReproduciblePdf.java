package eu.invoicing.rendering.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes an OpenPDF file a function of its content. OpenPDF writes two random values into every file: the
 * trailer's file ID (from the time and the heap) and the six-letter tag of each font subset
 * ({@code ABCDEF+LiberationSans}, from a {@code SecureRandom}). Both are replaced, in place and with the
 * same number of bytes (so the cross-reference offsets stay valid), by values taken from a SHA-256 digest
 * of the file with those values blanked out: equal content gives equal bytes, different content a
 * different ID.
 *
 * <p>Stateless and thread-safe.
 */
final class ReproduciblePdf {
    private static final byte[] LIBERATION = "+Liberation".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] TRAILER = "trailer".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ID = "/ID".getBytes(StandardCharsets.ISO_8859_1);
    private static final int TAG = 6;
    private static final int HALF_ID = 32;

    private ReproduciblePdf() {
    }

    /**
     * @param pdf a complete PDF as OpenPDF wrote it; modified in place
     * @return {@code pdf}, with content-derived subset tags and file ID
     */
    static byte[] finish(byte[] pdf) {
        return finish(pdf, List.of());
    }

    /**
     * @param pdf a complete PDF as OpenPDF wrote it; modified in place
     * @param fixed spans of {@code pdf} whose bytes are known in advance (the prebuilt font programs), in
     *        increasing order, not overlapping: they are neither scanned for tags nor hashed again, their
     *        precomputed digest stands for them in the file's digest
     * @return {@code pdf}, with content-derived subset tags and file ID
     */
    static byte[] finish(byte[] pdf, List<Span> fixed) {
        // The bytes are scanned as they are (no copy into a String, no regular expression over compressed
        // streams): this runs once per rendered document.
        List<Integer> tagAt = new ArrayList<>();
        Map<String, Integer> tags = new LinkedHashMap<>();
        int from = 0;
        for (int s = 0; s <= fixed.size(); s++) {
            int to = s < fixed.size() ? fixed.get(s).from : pdf.length;
            findTags(pdf, from, to, tagAt, tags);
            from = s < fixed.size() ? fixed.get(s).to : pdf.length;
        }
        int[] tagIndex = new int[tagAt.size()];
        for (int i = 0; i < tagIndex.length; i++) {
            int at = tagAt.get(i);
            tagIndex[i] = tags.get(new String(pdf, at, TAG, StandardCharsets.ISO_8859_1));
            blank(pdf, at, at + TAG, (byte) 'A');
        }
        int[] id = fileId(pdf);
        if (id != null) {
            blank(pdf, id[0], id[0] + HALF_ID, (byte) '0');
            blank(pdf, id[1], id[1] + HALF_ID, (byte) '0');
        }
        byte[] digest = sha256(pdf, fixed);
        String[] tagText = new String[tags.size()];
        for (int i = 0; i < tagText.length; i++) {
            tagText[i] = tagFor(digest, i);
        }
        for (int i = 0; i < tagIndex.length; i++) {
            write(pdf, tagAt.get(i), tagText[tagIndex[i]]);
        }
        if (id != null) {
            StringBuilder hex = new StringBuilder(HALF_ID);
            for (int i = 0; i < HALF_ID / 2; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
            }
            // a new file: the permanent and the changing part of the ID are the same
            write(pdf, id[0], hex.toString());
            write(pdf, id[1], hex.toString());
        }
        return pdf;
    }

    /** Records the subset tags ({@code /ABCDEF+Liberation}) that start in {@code [from, to)}. */
    private static void findTags(byte[] pdf, int from, int to, List<Integer> tagAt, Map<String, Integer> tags) {
        int last = Math.min(to - 1 + TAG, pdf.length - LIBERATION.length);
        for (int at = indexOf(pdf, LIBERATION, from + TAG, last); at >= 0; at = indexOf(pdf, LIBERATION, at + 1, last)) {
            int start = at - TAG;
            if (start >= 1 && pdf[start - 1] == '/' && upperCase(pdf, start, at)) {
                tags.putIfAbsent(new String(pdf, start, TAG, StandardCharsets.ISO_8859_1), tags.size());
                tagAt.add(start);
            }
        }
    }

    /** A span {@code [from, to)} of the file whose SHA-256 is known. */
    static final class Span {
        final int from;
        final int to;
        final byte[] sha256;

        Span(int from, int to, byte[] sha256) {
            this.from = from;
            this.to = to;
            this.sha256 = sha256;
        }
    }

    /**
     * The offsets of the two hex strings of the last trailer's {@code /ID [<...> <...>]}, or null when
     * the file has none.
     */
    private static int[] fileId(byte[] pdf) {
        int trailer = lastIndexOf(pdf, TRAILER);
        int at = trailer < 0 ? -1 : indexOf(pdf, ID, trailer);
        if (at < 0) {
            return null;
        }
        int i = skipSpaces(pdf, at + ID.length);
        if (i >= pdf.length || pdf[i] != '[') {
            return null;
        }
        int first = hexString(pdf, skipSpaces(pdf, i + 1));
        int second = first < 0 ? -1 : hexString(pdf, skipSpaces(pdf, first + HALF_ID + 1));
        return second < 0 ? null : new int[] {first, second};
    }

    /** @return the offset of the 32 hex digits of {@code <...>} starting at {@code i}, or -1 */
    private static int hexString(byte[] pdf, int i) {
        if (i + HALF_ID + 1 >= pdf.length || pdf[i] != '<' || pdf[i + HALF_ID + 1] != '>') {
            return -1;
        }
        for (int k = i + 1; k <= i + HALF_ID; k++) {
            if (Character.digit(pdf[k], 16) < 0) {
                return -1;
            }
        }
        return i + 1;
    }

    private static int skipSpaces(byte[] pdf, int i) {
        while (i < pdf.length && pdf[i] == ' ') {
            i++;
        }
        return i;
    }

    private static boolean upperCase(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 'A' || bytes[i] > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte[] what, int from) {
        return indexOf(bytes, what, from, bytes.length - what.length);
    }

    /** @return the first offset in {@code [from, last]} where {@code what} starts, or -1 */
    private static int indexOf(byte[] bytes, byte[] what, int from, int last) {
        byte first = what[0];
        outer:
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int k = 1; k < what.length; k++) {
                if (bytes[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] what) {
        outer:
        for (int i = bytes.length - what.length; i >= 0; i--) {
            for (int k = 0; k < what.length; k++) {
                if (bytes[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Six letters for the {@code index}-th distinct subset, from the digest and the index. */
    private static String tagFor(byte[] digest, int index) {
        MessageDigest md = sha256();
        md.update(digest);
        md.update((byte) index);
        byte[] bytes = md.digest();
        StringBuilder tag = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + (bytes[i] & 0xff) % 26));
        }
        return tag.toString();
    }

    private static void blank(byte[] bytes, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            bytes[i] = value;
        }
    }

    private static void write(byte[] bytes, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            bytes[at + i] = (byte) ascii.charAt(i);
        }
    }

    /** The SHA-256 of the file, each fixed span's digest standing in for its bytes. */
    private static byte[] sha256(byte[] bytes, List<Span> fixed) {
        MessageDigest md = sha256();
        int from = 0;
        for (Span span : fixed) {
            md.update(bytes, from, span.from - from);
            md.update(span.sha256);
            from = span.to;
        }
        md.update(bytes, from, bytes.length - from);
        return md.digest();
    }

    /** @return the SHA-256 of {@code bytes} */
    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
