package eu.invoicing.export.safety;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns untrusted base names (document numbers such as {@code 2024/001} or
 * {@code ../../etc/passwd}) into safe, unique entry names for one ZIP archive.
 *
 * <p>Every name returned is a single flat file name at the archive root: it contains no
 * {@code /} or {@code \}, no {@code ..}, no control or invisible formatting characters, no
 * characters that Windows forbids in file names ({@code : * ? " < > |}), does not start with a
 * dot or end with a dot or a space, is not a reserved Windows device name ({@code CON},
 * {@code NUL}, {@code COM1}, ...), is at most {@link #MAX_BASE_LENGTH} code points before its
 * suffix and extension, and never collides with an earlier name of the same archive, compared
 * case-insensitively (because archives are often extracted on case-insensitive file systems).
 * A collision is resolved deterministically by appending {@code _2}, {@code _3}, ... in the order
 * the names were requested, so the same inputs in the same order always give the same names.
 *
 * <p>Mutable and not thread-safe: use one instance per archive, from the thread that writes
 * the archive.
 */
public final class ZipEntryNamer {

    /** Longest base name kept, in code points, before the de-duplication suffix and extension. */
    public static final int MAX_BASE_LENGTH = 100;

    /** The base used when nothing usable is left of the requested one. */
    public static final String FALLBACK_BASE = "document";

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\\$|conout\\$)");
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private final Set<String> used = new HashSet<>();

    /** Creates a namer for a new, empty archive. */
    public ZipEntryNamer() {
    }

    /**
     * Returns a safe, unused entry name for {@code base} with the given extension and remembers
     * it as used.
     *
     * @param base the wanted base name (e.g. a document number), nullable; null or blank gives
     *     {@link #FALLBACK_BASE}
     * @param extension the file extension without dot, not null, 1-10 of {@code [a-z0-9]}
     * @return the entry name, e.g. {@code 2024_001.pdf}
     * @throws NullPointerException if {@code extension} is null
     * @throws IllegalArgumentException if {@code extension} is not 1-10 of {@code [a-z0-9]}
     */
    public String next(String base, String extension) {
        Objects.requireNonNull(extension, "extension");
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException(
                    "extension: must be 1-10 of [a-z0-9], was \"" + extension + "\"");
        }
        String safeBase = sanitiseBase(base);
        String candidate = safeBase + "." + extension;
        int counter = 1;
        while (!used.add(candidate.toLowerCase(Locale.ROOT))) {
            counter++;
            candidate = safeBase + "_" + counter + "." + extension;
        }
        return candidate;
    }

    /**
     * Sanitises a base name without registering it; exposed for callers that only need a safe
     * single path segment (for example a blob key).
     *
     * @param base the wanted base name, nullable
     * @return a safe base name, never empty
     */
    public static String sanitiseBase(String base) {
        if (base == null) {
            return FALLBACK_BASE;
        }
        String text = Normalizer.normalize(base, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_BASE_LENGTH * 2));
        int codePoints = 0;
        for (int i = 0; i < text.length() && codePoints < MAX_BASE_LENGTH; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            out.appendCodePoint(isAllowed(cp) ? cp : '_');
            codePoints++;
        }
        String cleaned = collapseDots(out.toString());
        cleaned = stripEdges(cleaned);
        if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '_')) {
            return FALLBACK_BASE;
        }
        String stem = cleaned;
        int dot = stem.indexOf('.');
        if (dot >= 0) {
            stem = stem.substring(0, dot);
        }
        if (RESERVED.matcher(stem.strip()).matches()) {
            cleaned = "_" + cleaned;
        }
        return cleaned;
    }

    private static boolean isAllowed(int cp) {
        if (cp < 0x20 || cp == 0x7f || FORBIDDEN.indexOf(cp) >= 0) {
            return false;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.PRIVATE_USE:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
                return false;
            default:
                return true;
        }
    }

    /** Replaces every run of two or more dots by one underscore, so no ".." survives. */
    private static String collapseDots(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' && i + 1 < text.length() && text.charAt(i + 1) == '.') {
                while (i < text.length() && text.charAt(i) == '.') {
                    i++;
                }
                out.append('_');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Removes leading dots and whitespace, trailing dots and whitespace. */
    private static String stripEdges(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == '.' || Character.isWhitespace(text.charAt(start))
                || Character.isSpaceChar(text.charAt(start)))) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '.' || Character.isWhitespace(text.charAt(end - 1))
                || Character.isSpaceChar(text.charAt(end - 1)))) {
            end--;
        }
        return text.substring(start, end);
    }
}
