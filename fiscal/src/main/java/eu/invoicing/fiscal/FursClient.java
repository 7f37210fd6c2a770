package eu.invoicing.fiscal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.ValidationException;
import eu.invoicing.fiscal.FiscalTransportException.Outcome;
import eu.invoicing.fiscal.internal.Https;
import eu.invoicing.fiscal.internal.Jws;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The connector to FURS, the Slovenian fiscal verification of invoices (technical specification v3.2): JSON
 * messages signed as JWS RS256 with the taxpayer's certificate, sent over HTTPS with mutual TLS (the same
 * certificate as client certificate) to a server whose chain ends at a pinned CA; each answer is a JWS that
 * must verify with the FURS signing certificate and answer the same message id, otherwise the outcome counts as
 * unknown. Business premise registration (immovable, movable, closing), invoice registration (the EOR), echo.
 *
 * <p>Immutable and thread-safe (one HTTP client per connector).
 */
public final class FursClient {
    /** FURS JSON date-time (Europe/Ljubljana, no zone). */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    static final ZoneId LJUBLJANA = ZoneId.of("Europe/Ljubljana");
    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final FiscalCredentials credentials;
    private final X509Certificate signer;
    private final FursEndpoints endpoints;
    private final Clock clock;
    private final Https https;

    private FursClient(Builder b) {
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        this.signer = Objects.requireNonNull(b.fursSigner, "fursSigner");
        this.endpoints = Objects.requireNonNull(b.endpoints, "endpoints");
        this.clock = b.clock;
        this.https = new Https(credentials.sslContext(Objects.requireNonNull(b.serverTrust, "serverTrust")),
                b.connectTimeout, b.timeout);
    }

    /** @return a builder; credentials, server trust, FURS signing certificate and endpoints are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the taxpayer's credentials this connector signs with */
    public FiscalCredentials credentials() {
        return credentials;
    }

    /** @return the service addresses */
    public FursEndpoints endpoints() {
        return endpoints;
    }

    /**
     * The exact HTTP body of an invoice registration: {@code {"token":"<JWS>"}} whose payload is
     * {@code {"InvoiceRequest":{"Header":{"MessageID","DateTime"},"Invoice":{…}}}}. Nothing is sent.
     *
     * @param invoice the {@code Invoice} fields (as the library builds them: {@code FiscalSubmission#payload()}),
     *     not null
     * @param messageId a UUID, not null
     * @return the body
     * @throws ValidationException ({@code message_id}) when the id is not a UUID
     */
    public String invoiceBody(Map<String, Object> invoice, String messageId) {
        return body("InvoiceRequest", "Invoice", invoice, messageId);
    }

    /**
     * The exact HTTP body of a business premise registration. Nothing is sent.
     *
     * @param premise the premise, not null
     * @param messageId a UUID, not null
     * @return the body
     */
    public String premiseBody(BusinessPremise premise, String messageId) {
        return body("BusinessPremiseRequest", "BusinessPremise", premise.fields(), messageId);
    }

    /**
     * Registers an invoice.
     *
     * @param invoice the {@code Invoice} fields, not null
     * @param messageId a UUID, not null
     * @return FURS's verified answer: accepted with the EOR, or rejected with the error code
     * @throws FiscalTransportException when no verified answer came
     */
    public RegisterReply registerInvoice(Map<String, Object> invoice, String messageId) {
        return send(endpoints.invoices(), invoiceBody(invoice, messageId), messageId, "InvoiceResponse");
    }

    /**
     * Registers, changes or closes a business premise.
     *
     * @param premise the premise, not null
     * @param messageId a UUID, not null
     * @return FURS's verified answer (accepted without a unique id, or rejected)
     * @throws FiscalTransportException when no verified answer came
     */
    public RegisterReply registerPremise(BusinessPremise premise, String messageId) {
        return send(endpoints.premises(), premiseBody(premise, messageId), messageId, "BusinessPremiseResponse");
    }

    /**
     * Sends an already built body (the CLI's {@code fiscal send}).
     *
     * @param uri where, not null
     * @param body the body as {@link #invoiceBody} or {@link #premiseBody} built it, not null
     * @return FURS's verified answer
     * @throws FiscalTransportException when no verified answer came
     * @throws ValidationException ({@code body}) when the body is not a FURS token this connector signed
     */
    public RegisterReply sendBody(URI uri, String body) {
        JsonNode payload;
        try {
            JsonNode tree = Jws.JSON.readTree(body);
            String token = tree == null ? null : tree.path("token").asText(null);
            if (token == null) {
                throw ValidationException.of("body", "invalid", "the body is not {\"token\": \"<JWS>\"}");
            }
            payload = Jws.JSON.readTree(Jws.verify(token, credentials.certificate().getPublicKey()).payload());
        } catch (java.io.IOException | SecurityException e) {
            throw ValidationException.of("body", "invalid", "the body is not a FURS token signed with this "
                    + "certificate: " + e.getMessage());
        }
        String root = payload.has("BusinessPremiseRequest") ? "BusinessPremiseRequest" : "InvoiceRequest";
        String messageId = payload.path(root).path("Header").path("MessageID").asText(null);
        if (messageId == null) {
            throw ValidationException.of("body", "invalid", "the token's payload has no " + root + ".Header.MessageID");
        }
        return send(uri, body, messageId, root.replace("Request", "Response"));
    }

    /**
     * The echo service (unsigned): checks that FURS is reachable with this certificate.
     *
     * @param text what to echo, not null
     * @return FURS's echo
     * @throws FiscalTransportException when FURS did not echo
     */
    public String echo(String text) {
        byte[] body;
        try {
            body = Jws.JSON.writeValueAsBytes(Map.of("EchoRequest", text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string cannot fail to serialize", e);
        }
        Https.Response r = https.post(endpoints.echo(), JSON_TYPE, body, null);
        try {
            JsonNode answer = Jws.JSON.readTree(r.body());
            if (r.status() == 200 && answer != null && answer.has("EchoResponse")) {
                return answer.get("EchoResponse").asText();
            }
        } catch (java.io.IOException e) {
            // Falls through to the failure below.
        }
        throw new FiscalTransportException(Outcome.UNKNOWN, "FURS echo answered HTTP " + r.status()
                + " without an EchoResponse", null);
    }

    private String body(String root, String element, Map<String, Object> fields, String messageId) {
        return body(credentials, clock, root, element, fields, messageId);
    }

    /**
     * The exact HTTP body of an invoice registration, without a connector (nothing is sent; the CLI's
     * {@code fiscal furs-request}).
     *
     * @param credentials the taxpayer's certificate, not null
     * @param clock the clock of the header's DateTime, not null
     * @param invoice the {@code Invoice} fields, not null
     * @param messageId a UUID, not null
     * @return the body {@code {"token":"<JWS>"}}
     * @throws ValidationException ({@code message_id}) when the id is not a UUID
     */
    public static String invoiceBody(FiscalCredentials credentials, Clock clock, Map<String, Object> invoice,
            String messageId) {
        return body(credentials, clock, "InvoiceRequest", "Invoice", invoice, messageId);
    }

    /**
     * The exact HTTP body of a business premise registration, without a connector.
     *
     * @param credentials the taxpayer's certificate, not null
     * @param clock the clock of the header's DateTime, not null
     * @param premise the premise, not null
     * @param messageId a UUID, not null
     * @return the body
     */
    public static String premiseBody(FiscalCredentials credentials, Clock clock, BusinessPremise premise,
            String messageId) {
        return body(credentials, clock, "BusinessPremiseRequest", "BusinessPremise", premise.fields(), messageId);
    }

    private static String body(FiscalCredentials credentials, Clock clock, String root, String element,
            Map<String, Object> fields, String messageId) {
        Objects.requireNonNull(fields, "fields");
        if (messageId == null || !UUID.matcher(messageId).matches()) {
            throw ValidationException.of("message_id", "invalid_format", "the MessageID must be a UUID");
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("MessageID", messageId);
        header.put("DateTime", TIME.format(LocalDateTime.ofInstant(clock.instant(), LJUBLJANA)));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("Header", header);
        request.put(element, fields);
        try {
            byte[] payload = Jws.JSON.writeValueAsBytes(Map.of(root, request));
            String token = Jws.sign(Jws.header(credentials.certificate()), payload,
                    input -> credentials.sign("SHA256withRSA", input));
            return Jws.JSON.writeValueAsString(Map.of("token", token));
        } catch (JsonProcessingException e) {
            throw ValidationException.of(element, "invalid", "the " + element + " fields cannot be written as JSON: "
                    + e.getOriginalMessage());
        }
    }

    private RegisterReply send(URI uri, String body, String messageId, String responseRoot) {
        Https.Response r = https.post(uri, JSON_TYPE, body.getBytes(StandardCharsets.UTF_8), null);
        JsonNode answer;
        try {
            JsonNode tree = Jws.JSON.readTree(r.body());
            String token = tree == null ? null : tree.path("token").asText(null);
            if (token == null) {
                throw new FiscalTransportException(Outcome.UNKNOWN, "FURS answered HTTP " + r.status()
                        + " without a signed token", null);
            }
            answer = Jws.JSON.readTree(Jws.verify(token, signer.getPublicKey()).payload()).path(responseRoot);
        } catch (java.io.IOException e) {
            throw new FiscalTransportException(Outcome.UNKNOWN, "FURS answered HTTP " + r.status()
                    + " with something that is not JSON", e);
        } catch (SecurityException e) {
            throw new FiscalTransportException(Outcome.UNKNOWN, "FURS's answer cannot be trusted: " + e.getMessage(),
                    e);
        }
        String answered = answer.path("Header").path("MessageID").asText(null);
        if (!messageId.equalsIgnoreCase(String.valueOf(answered))) {
            throw new FiscalTransportException(Outcome.UNKNOWN, "FURS's answer is for message " + answered
                    + ", not " + messageId, null);
        }
        JsonNode error = answer.path("Error");
        if (!error.isMissingNode() && !error.isNull()) {
            String code = error.path("ErrorCode").asText(null);
            return new RegisterReply(false, messageId, null, code == null ? null : code.toUpperCase(
                    java.util.Locale.ROOT), FursError.explain(code, error.path("ErrorMessage").asText(null)));
        }
        if ("InvoiceResponse".equals(responseRoot)) {
            String eor = answer.path("UniqueInvoiceID").asText(null);
            if (eor == null || !UUID.matcher(eor).matches()) {
                throw new FiscalTransportException(Outcome.UNKNOWN, "FURS's signed answer has neither an error nor "
                        + "a UniqueInvoiceID (EOR)", null);
            }
            return new RegisterReply(true, messageId, eor, null, null);
        }
        return new RegisterReply(true, messageId, null, null, null);
    }

    /**
     * Configures a {@link FursClient}.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private FiscalCredentials credentials;
        private PinnedTrust serverTrust;
        private X509Certificate fursSigner;
        private FursEndpoints endpoints;
        private Clock clock = Clock.systemUTC();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration timeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * @param v the taxpayer's FURS certificate: signs the messages and is the TLS client certificate
         * @return this
         */
        public Builder credentials(FiscalCredentials v) {
            credentials = v;
            return this;
        }

        /**
         * @param v the CA(s) FURS's server certificate must chain to (test: Tax CA Test's chain; production:
         *     SIGOV-CA / SI-TRUST Root), not the leaf
         * @return this
         */
        public Builder serverTrust(PinnedTrust v) {
            serverTrust = v;
            return this;
        }

        /**
         * @param v FURS's signing certificate ({@code DavPotRacTEST} / {@code DavPotRac}) that verifies its answers
         * @return this
         */
        public Builder fursSigner(X509Certificate v) {
            fursSigner = v;
            return this;
        }

        /**
         * @param v {@link FursEndpoints#TEST}, {@link FursEndpoints#PRODUCTION} or another base
         * @return this
         */
        public Builder endpoints(FursEndpoints v) {
            endpoints = v;
            return this;
        }

        /**
         * @param v the clock of the message header's DateTime, not null
         * @return this
         */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /**
         * @param connect the connect timeout (default 5 s), not null
         * @param request the whole request's timeout (default 10 s), not null
         * @return this
         */
        public Builder timeouts(Duration connect, Duration request) {
            connectTimeout = Objects.requireNonNull(connect, "connect");
            timeout = Objects.requireNonNull(request, "request");
            return this;
        }

        /**
         * @return the connector
         * @throws NullPointerException when a required setting is missing
         */
        public FursClient build() {
            return new FursClient(this);
        }
    }
}
