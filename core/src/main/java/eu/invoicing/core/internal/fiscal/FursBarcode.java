package eu.invoicing.core.internal.fiscal;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The 60-digit FURS barcode record (docs/lifecycle.md, "Fiscalization"): the ZOI as a decimal number left-padded
 * to 39 digits, the 8-digit tax number, the issue date-time as {@code yyMMddHHmmss}, and a check digit
 * (the sum of the 59 preceding digits modulo 10).
 *
 * <p>Stateless and thread-safe.
 */
public final class FursBarcode {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    private static final int ZOI_DIGITS = 39;

    private FursBarcode() {
    }

    /**
     * @param zoi 32 hex digits, not null
     * @param taxNumber 8 digits, not null
     * @param issued local issue date-time, not null
     * @return the 60-digit record
     * @throws IllegalArgumentException when the ZOI is not hex or the tax number not 8 digits
     */
    public static String of(String zoi, String taxNumber, LocalDateTime issued) {
        Objects.requireNonNull(zoi, "zoi");
        if (taxNumber == null || !taxNumber.matches("\\d{8}")) {
            throw new IllegalArgumentException("tax number must be 8 digits, was " + taxNumber);
        }
        String decimal = new BigInteger(zoi, 16).toString();
        StringBuilder out = new StringBuilder(60);
        for (int i = decimal.length(); i < ZOI_DIGITS; i++) {
            out.append('0');
        }
        out.append(decimal).append(taxNumber).append(TIME.format(issued));
        int sum = 0;
        for (int i = 0; i < out.length(); i++) {
            sum += out.charAt(i) - '0';
        }
        return out.append(sum % 10).toString();
    }
}
