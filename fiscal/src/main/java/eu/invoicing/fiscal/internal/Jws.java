package eu.invoicing.fiscal.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.security.auth.x500.X500Principal;

/**
 * JWS compact serialization with RS256 as FURS defines it (technical specification v3.2, chapter 8.1 and the
 * examples of chapter 9): the protected header is {@code {"alg":"RS256","subject_name":…,"issuer_name":…,
 * "serial":…}} with the certificate's subject and issuer in RFC 2253 form and the serial number as a decimal
 * JSON number; the signing input is {@code BASE64URL(UTF8(header)) + "." + BASE64URL(payload)}, signed with
 * SHA256withRSA (PKCS#1 v1.5).
 *
 * <p>Stateless and thread-safe.
 */
public final class Jws {
    /** The JSON mapper of the fiscal messages: BigDecimal amounts stay exact. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private Jws() {
    }

    /**
     * @param certificate the signer's certificate, not null
     * @return the header JSON bytes (UTF-8), exactly as FURS defines them
     */
    public static byte[] header(X509Certificate certificate) {
        return header(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253), certificate.getSerialNumber());
    }

    /**
     * @param subject the subject DN in RFC 2253 form, not null
     * @param issuer the issuer DN in RFC 2253 form, not null
     * @param serial the certificate serial number, not null
     * @return the header JSON bytes (UTF-8)
     */
    public static byte[] header(String subject, String issuer, BigInteger serial) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "RS256");
        h.put("subject_name", subject);
        h.put("issuer_name", issuer);
        h.put("serial", serial);
        try {
            return JSON.writeValueAsBytes(h);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings cannot fail to serialize", e);
        }
    }

    /**
     * @param header the header JSON bytes, not null
     * @param payload the payload bytes, not null
     * @param signer signs the signing input's ASCII bytes with SHA256withRSA, not null
     * @return the compact serialization
     */
    public static String sign(byte[] header, byte[] payload, Function<byte[], byte[]> signer) {
        String input = B64.encodeToString(header) + "." + B64.encodeToString(payload);
        return input + "." + B64.encodeToString(signer.apply(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The parts of a compact JWS whose RS256 signature verified.
     *
     * @param header the decoded header
     * @param payload the decoded payload bytes
     */
    public record Verified(JsonNode header, byte[] payload) {
    }

    /**
     * @param compact the compact serialization, not null
     * @param key the signer's public key, not null
     * @return the verified header and payload
     * @throws SecurityException when the token is malformed, not RS256, or its signature does not verify
     */
    public static Verified verify(String compact, PublicKey key) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new SecurityException("not a JWS compact serialization (" + parts.length + " parts)");
        }
        try {
            byte[] header = B64D.decode(parts[0]);
            JsonNode h = JSON.readTree(header);
            if (h == null || !"RS256".equals(h.path("alg").asText())) {
                throw new SecurityException("the JWS header's alg is not RS256");
            }
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(B64D.decode(parts[2]))) {
                throw new SecurityException("the JWS signature does not verify with the authority's certificate");
            }
            return new Verified(h, B64D.decode(parts[1]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new SecurityException("the JWS is malformed: " + e.getClass().getSimpleName());
        } catch (GeneralSecurityException e) {
            throw new SecurityException("the JWS signature cannot be checked: " + e.getClass().getSimpleName());
        }
    }
}
