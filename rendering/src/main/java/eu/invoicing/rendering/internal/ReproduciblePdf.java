package eu.invoicing.rendering.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** A subset tag before one of the embedded Liberation fonts, in a font or font-descriptor dictionary. */
    private static final Pattern SUBSET_TAG = Pattern.compile("/([A-Z]{6})\\+Liberation");
    /** The trailer's ID: two 16-byte hex strings. */
    private static final Pattern FILE_ID = Pattern.compile("/ID ?\\[<([0-9a-fA-F]{32})> ?<([0-9a-fA-F]{32})>\\]");

    private ReproduciblePdf() {
    }

    /**
     * @param pdf a complete PDF as OpenPDF wrote it; modified in place
     * @return {@code pdf}, with content-derived subset tags and file ID
     */
    static byte[] finish(byte[] pdf) {
        // ISO-8859-1 maps every byte to one char, so string offsets are byte offsets.
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Map<String, Integer> tags = new LinkedHashMap<>();
        Matcher tag = SUBSET_TAG.matcher(text);
        while (tag.find()) {
            tags.putIfAbsent(tag.group(1), tags.size());
            blank(pdf, tag.start(1), tag.end(1), (byte) 'A');
        }
        int idAt = text.lastIndexOf("trailer");
        Matcher id = FILE_ID.matcher(text);
        boolean hasId = idAt >= 0 && id.find(idAt);
        if (hasId) {
            blank(pdf, id.start(1), id.end(1), (byte) '0');
            blank(pdf, id.start(2), id.end(2), (byte) '0');
        }
        byte[] digest = sha256(pdf);
        tag.reset();
        while (tag.find()) {
            write(pdf, tag.start(1), tagFor(digest, tags.get(tag.group(1))));
        }
        if (hasId) {
            StringBuilder hex = new StringBuilder(32);
            for (int i = 0; i < 16; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
            }
            // a new file: the permanent and the changing part of the ID are the same
            write(pdf, id.start(1), hex.toString());
            write(pdf, id.start(2), hex.toString());
        }
        return pdf;
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

    private static byte[] sha256(byte[] bytes) {
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
