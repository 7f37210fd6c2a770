package eu.invoicing.core.internal.fiscal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The issuer's protected codes (docs/lifecycle.md, "Fiscalization"): FURS ZOI and FINA ZKI. Both are
 * {@code lowercase hex MD5(RSA signature of the input)}; FURS signs with SHA256withRSA, FINA with SHA1withRSA.
 * The inputs are built here; the signature comes from the host's certificate (through the gateway).
 *
 * <p>Stateless and thread-safe.
 */
public final class ProtectedCodes {
    /** FURS signature algorithm. */
    public static final String FURS_ALGORITHM = "SHA256withRSA";
    /** FINA signature algorithm. */
    public static final String FINA_ALGORITHM = "SHA1withRSA";
    /** FURS local time zone. */
    public static final ZoneId LJUBLJANA = ZoneId.of("Europe/Ljubljana");
    /** FINA local time zone. */
    public static final ZoneId ZAGREB = ZoneId.of("Europe/Zagreb");
    /** Date-time format inside both protected-code inputs. */
    public static final DateTimeFormatter INPUT_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    private ProtectedCodes() {
    }

    /**
     * @param taxNumber the issuer's 8-digit tax number, not null
     * @param issued local issue date-time (Europe/Ljubljana), not null
     * @param invoiceNumber the sequence part only, not null
     * @param premise business premise id, not null
     * @param device electronic device id, not null
     * @param amount the invoice amount exactly as sent (e.g. {@code 1245.56}), not null
     * @return the ZOI input text, e.g. {@code 1234567815.08.2015 10:13:3212345blag001112451245.56}
     */
    public static String zoiInput(String taxNumber, LocalDateTime issued, String invoiceNumber, String premise,
            String device, BigDecimal amount) {
        return Objects.requireNonNull(taxNumber, "taxNumber") + INPUT_TIME.format(issued) + invoiceNumber + premise
                + device + amount.toPlainString();
    }

    /**
     * @param oib the issuer's 11-digit OIB, not null
     * @param issued local issue date-time (Europe/Zagreb), not null
     * @param sequence {@code BrOznRac}, not null
     * @param premise {@code OznPosPr}, not null
     * @param device {@code OznNapUr}, not null
     * @param total {@code IznosUkupno} exactly as sent, not null
     * @return the ZKI input text (sequence, then premise, then device)
     */
    public static String zkiInput(String oib, LocalDateTime issued, String sequence, String premise, String device,
            BigDecimal total) {
        return Objects.requireNonNull(oib, "oib") + INPUT_TIME.format(issued) + sequence + premise + device
                + total.toPlainString();
    }

    /**
     * @param signature the RSA signature of the input, not null
     * @return the protected code: 32 lowercase hex digits of MD5(signature)
     */
    public static String fromSignature(byte[] signature) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(signature));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }

    /**
     * @param input the protected-code input, not null
     * @return its UTF-8 bytes, as signed
     */
    public static byte[] bytes(String input) {
        return input.getBytes(StandardCharsets.UTF_8);
    }
}
