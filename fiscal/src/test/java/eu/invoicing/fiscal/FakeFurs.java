package eu.invoicing.fiscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.x500.X500Principal;

/**
 * FURS, played locally: checks each JWS independently (JDK {@link Signature} over the exact compact bytes, with
 * the TLS client certificate's key; the header exactly as the specification defines it for that certificate),
 * keeps registered premises (an invoice naming an unregistered or closed one is S006), registers invoices,
 * answers a repeated MessageID with its first answer, and signs its answers with the FURS signing key.
 */
final class FakeFurs extends FakeAuthority {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeyPair FORGER = TestPki.rsa();
    private final PrivateKey signingKey;
    final Map<String, Boolean> premisesClosed = new ConcurrentHashMap<>();
    /** Registered invoices: one entry per registration, the ZOI. */
    final List<String> registered = new CopyOnWriteArrayList<>();
    final List<JsonNode> payloads = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> answered = new ConcurrentHashMap<>();

    FakeFurs(TestPki pki) {
        super(pki.server, pki.ca.certificate(), "/v1/cash_registers");
        this.signingKey = pki.signer.key();
    }

    long registrationsOf(String zoi) {
        return registered.stream().filter(zoi::equals).count();
    }

    @Override
    synchronized Answer handle(String path, byte[] body, X509Certificate peer, boolean forged) {
        try {
            JsonNode request = JSON.readTree(body);
            if (path.endsWith("/echo")) {
                return new Answer(200, "application/json", JSON.writeValueAsBytes(
                        Map.of("EchoResponse", request.path("EchoRequest").asText())));
            }
            String token = request.path("token").asText();
            String[] parts = token.split("\\.");
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            boolean premise = path.endsWith("/register");
            String root = premise ? "BusinessPremiseRequest" : "InvoiceRequest";
            String messageId = payload.path(root).path("Header").path("MessageID").asText();
            byte[] earlier = answered.get(messageId);
            if (earlier != null) {
                return new Answer(200, "application/json", earlier);
            }
            String error = check(parts, peer, payload.path(root), premise);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("Header", Map.of("MessageID", messageId, "DateTime", "2026-03-16T10:00:00"));
            if (error != null) {
                answer.put("Error", Map.of("ErrorCode", error, "ErrorMessage", "refused by the fake"));
            } else if (premise) {
                JsonNode bp = payload.path(root).path("BusinessPremise");
                premisesClosed.put(bp.path("BusinessPremiseID").asText(), "Z".equals(bp.path("ClosingTag").asText()));
                payloads.add(payload);
            } else {
                registered.add(payload.path(root).path("Invoice").path("ProtectedID").asText());
                payloads.add(payload);
                answer.put("UniqueInvoiceID", UUID.nameUUIDFromBytes(messageId.getBytes()).toString());
            }
            Map<String, Object> response = Map.of(premise ? "BusinessPremiseResponse" : "InvoiceResponse", answer);
            byte[] out = JSON.writeValueAsBytes(Map.of("token", sign(response, signingKey)));
            if (error == null) {
                answered.put(messageId, out);
            }
            return new Answer(200, "application/json; charset=UTF-8", forged
                    ? JSON.writeValueAsBytes(Map.of("token", sign(response, FORGER.getPrivate()))) : out);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The FURS checks, in its order; null when the message passes. */
    private String check(String[] parts, X509Certificate peer, JsonNode request, boolean premise) throws Exception {
        if (parts.length != 3) {
            return "S002";
        }
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(peer.getPublicKey());
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!s.verify(Base64.getUrlDecoder().decode(parts[2]))) {
            return "S003";
        }
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        if (!"RS256".equals(header.path("alg").asText())
                || !peer.getSubjectX500Principal().getName(X500Principal.RFC2253)
                        .equals(header.path("subject_name").asText())
                || !peer.getIssuerX500Principal().getName(X500Principal.RFC2253)
                        .equals(header.path("issuer_name").asText())
                || !header.path("serial").isIntegralNumber()
                || !peer.getSerialNumber().equals(header.path("serial").bigIntegerValue())) {
            return "S004";
        }
        if (errorCode != null) {
            return errorCode;
        }
        String taxNumber = (premise ? request.path("BusinessPremise") : request.path("Invoice")).path("TaxNumber")
                .asText();
        if (!peer.getSubjectX500Principal().getName().contains("OU=" + taxNumber)) {
            return "S005";
        }
        if (!premise) {
            String bp = request.path("Invoice").path("InvoiceIdentifier").path("BusinessPremiseID").asText();
            Boolean closed = premisesClosed.get(bp);
            if (closed == null || closed) {
                return "S006";
            }
        }
        return null;
    }

    private static String sign(Object payload, PrivateKey key) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256")))
                + "." + b64.encodeToString(JSON.writeValueAsBytes(payload));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(s.sign());
    }
}
