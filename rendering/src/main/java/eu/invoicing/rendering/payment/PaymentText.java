package eu.invoicing.rendering.payment;

import eu.invoicing.core.Violation;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks shared by the payment payloads: lengths, character sets, IBAN and RF check digits. */
final class PaymentText {
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern RF = Pattern.compile("RF[0-9]{2}[A-Z0-9]{1,21}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private PaymentText() {
    }

    /** Encodes strictly: unmappable characters are an error, never a silent '?'. */
    static byte[] encode(String text, Charset charset) throws CharacterCodingException {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Adds violations for a free-text field: length, charset, control characters, outer spaces. */
    static void checkText(List<Violation> out, String path, String value, int max, Charset charset,
                          boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                out.add(Violation.of(path, "required", "is required"));
            }
            return;
        }
        if (value.length() > max) {
            out.add(Violation.of(path, "too_long", "at most " + max + " characters, was " + value.length()
                    + " ('" + value + "')"));
        }
        if (!value.equals(value.strip())) {
            out.add(Violation.of(path, "outer_space", "must not start or end with a space, was '" + value + "'"));
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                out.add(Violation.of(path, "control_character", "must not contain control characters (line breaks)"));
                break;
            }
        }
        try {
            encode(value, charset);
        } catch (CharacterCodingException e) {
            out.add(Violation.of(path, "unencodable", "has characters outside " + charset.name()
                    + ", was '" + value + "'"));
        }
    }

    /** @return whether the IBAN (no spaces, upper case) is well-formed and passes ISO 13616 mod 97 */
    static boolean isValidIban(String iban) {
        return IBAN.matcher(iban).matches() && mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    /** @return whether the creditor reference is ISO 11649 (RF + check digits + up to 21 characters) */
    static boolean isValidRf(String reference) {
        return RF.matcher(reference).matches()
                && mod97(reference.substring(4) + reference.substring(0, 4)) == 1;
    }

    static String compact(String value) {
        return value == null ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static int mod97(String rearranged) {
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else {
                digits.append(c - 'A' + 10);
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }
}
