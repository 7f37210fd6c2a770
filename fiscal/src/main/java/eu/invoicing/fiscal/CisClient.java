package eu.invoicing.fiscal;

import eu.invoicing.core.ValidationException;
import eu.invoicing.fiscal.FiscalTransportException.Outcome;
import eu.invoicing.fiscal.internal.Https;
import eu.invoicing.fiscal.internal.XmlSignatures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The connector to the Croatian CIS (Porezna uprava, fiskalizacija): the SOAP 1.1 {@code RacunZahtjev} in the
 * namespace {@code http://www.apis-it.hr/fin/2012/types/f73}, signed with an enveloped XML-DSig (reference
 * {@code #Id} of {@code RacunZahtjev}, transforms enveloped-signature and exclusive C14N, RSA-SHA1 and SHA-1 by
 * default, KeyInfo/X509Data with the FINA certificate and its issuer and serial), sent over HTTPS with the FINA
 * application certificate as client certificate to a server whose chain ends at a pinned CA. The answer
 * ({@code RacunOdgovor}) must carry a valid signature by a certificate that chains to the pinned signer CA and
 * answer the same {@code IdPoruke}; then its JIR, or its errors, are the reply. {@code NakDost} marks a late
 * resend. {@code PoslovniProstorZahtjev} is no longer part of the service (docs/fiscal.md).
 *
 * <p>Immutable and thread-safe.
 */
public final class CisClient {
    /** The CIS namespace. */
    public static final String NS = "http://www.apis-it.hr/fin/2012/types/f73";
    /** The test service. */
    public static final URI TEST = URI.create("https://cistest.apis-it.hr:8449/FiskalizacijaServiceTest");
    /** The production service. */
    public static final URI PRODUCTION = URI.create("https://cis.porezna-uprava.hr:8449/FiskalizacijaService");
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy'T'HH:mm:ss");
    static final ZoneId ZAGREB = ZoneId.of("Europe/Zagreb");
    private static final int AMOUNT_DECIMALS = 2;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The {@code Racun} children in the schema's order (the library's map may lack optional ones). */
    private static final List<String> ORDER = List.of("Oib", "USustPdv", "DatVrijeme", "OznSlijed", "BrRac", "Pdv",
            "Pnp", "OstaliPor", "IznosOslobPdv", "IznosMarza", "IznosNePodlOpor", "Naknade", "IznosUkupno",
            "NacinPlac", "OibOper", "ZastKod", "NakDost", "ParagonBrRac", "SpecNamj");
    private final FiscalCredentials credentials;
    private final PinnedTrust signerTrust;
    private final URI endpoint;
    private final Clock clock;
    private final boolean sha256;
    private final Https https;

    private CisClient(Builder b) {
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        this.signerTrust = Objects.requireNonNull(b.signerTrust, "signerTrust");
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.clock = b.clock;
        this.sha256 = b.sha256;
        this.https = new Https(credentials.sslContext(Objects.requireNonNull(b.serverTrust, "serverTrust")),
                b.connectTimeout, b.timeout);
    }

    /** @return a builder; credentials, server trust, signer trust and endpoint are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the FINA credentials this connector signs with */
    public FiscalCredentials credentials() {
        return credentials;
    }

    /** @return the service address */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The exact signed SOAP envelope of a {@code RacunZahtjev}. Nothing is sent.
     *
     * @param racun the {@code Racun} fields as the library builds them ({@code FiscalSubmission#payload()}),
     *     not null
     * @param messageId {@code IdPoruke}, a UUID, not null
     * @return the envelope's bytes (UTF-8)
     * @throws ValidationException when the id is not a UUID or a field cannot be written
     */
    public byte[] racunEnvelope(Map<String, Object> racun, String messageId) {
        return racunEnvelope(credentials, clock, sha256, racun, messageId);
    }

    /**
     * The exact signed SOAP envelope of a {@code RacunZahtjev}, without a connector (nothing is sent; the CLI's
     * {@code fiscal cis-request}).
     *
     * @param credentials the FINA certificate, not null
     * @param clock the clock of the header's DatumVrijeme, not null
     * @param sha256 true for RSA-SHA256 / SHA-256, false for the default RSA-SHA1 / SHA-1
     * @param racun the {@code Racun} fields, not null
     * @param messageId {@code IdPoruke}, a UUID, not null
     * @return the envelope's bytes (UTF-8)
     * @throws ValidationException when the id is not a UUID or a field cannot be written
     */
    public static byte[] racunEnvelope(FiscalCredentials credentials, Clock clock, boolean sha256,
            Map<String, Object> racun, String messageId) {
        if (messageId == null || !UUID.matcher(messageId).matches()) {
            throw ValidationException.of("message_id", "invalid_format", "IdPoruke must be a UUID");
        }
        Document doc = XmlSignatures.builder().newDocument();
        Element envelope = doc.createElementNS(SOAP, "soapenv:Envelope");
        envelope.setAttributeNS(XMLNS, "xmlns:soapenv", SOAP);
        doc.appendChild(envelope);
        Element body = child(envelope, SOAP, "soapenv:Body");
        Element request = doc.createElementNS(NS, "tns:RacunZahtjev");
        // Declared explicitly: the canonical form that is signed must carry the declarations the bytes carry.
        request.setAttributeNS(XMLNS, "xmlns:tns", NS);
        request.setAttribute("Id", "RacunZahtjev");
        body.appendChild(request);
        Element header = child(request, NS, "tns:Zaglavlje");
        child(header, NS, "tns:IdPoruke").setTextContent(messageId);
        child(header, NS, "tns:DatumVrijeme").setTextContent(TIME.format(LocalDateTime.ofInstant(clock.instant(),
                ZAGREB)));
        Element r = child(request, NS, "tns:Racun");
        for (String name : ORDER) {
            Object value = racun.get(name);
            if (value == null && "OibOper".equals(name)) {
                // OibOper is required by the schema: the issuer's own OIB when no operator is named.
                value = racun.get("Oib");
            }
            if (value != null) {
                write(r, name, value);
            }
        }
        XmlSignatures.sign(request, credentials.key(), credentials.certificate(), sha256);
        return XmlSignatures.serialize(doc);
    }

    /**
     * Fiscalizes an invoice.
     *
     * @param racun the {@code Racun} fields, not null
     * @param messageId {@code IdPoruke}, not null
     * @return CIS's verified answer: accepted with the JIR, or rejected with its error codes
     * @throws FiscalTransportException when no verified answer came
     */
    public RegisterReply register(Map<String, Object> racun, String messageId) {
        return send(racunEnvelope(racun, messageId), messageId);
    }

    /**
     * Sends an envelope {@link #racunEnvelope} built (the CLI's {@code fiscal send}).
     *
     * @param envelope the signed envelope, not null
     * @return CIS's verified answer
     * @throws FiscalTransportException when no verified answer came
     * @throws ValidationException ({@code body}) when the envelope is not a signed RacunZahtjev
     */
    public RegisterReply sendEnvelope(byte[] envelope) {
        Document doc;
        try {
            doc = XmlSignatures.parse(envelope);
        } catch (SecurityException e) {
            throw ValidationException.of("body", "invalid", "the body is not a SOAP envelope: " + e.getMessage());
        }
        Element request = first(doc.getDocumentElement(), "RacunZahtjev");
        Element id = request == null ? null : first(request, "IdPoruke");
        if (id == null) {
            throw ValidationException.of("body", "invalid", "the envelope has no RacunZahtjev/Zaglavlje/IdPoruke");
        }
        return send(envelope, id.getTextContent().trim());
    }

    /**
     * The echo service: checks that CIS is reachable with this certificate.
     *
     * @param text what to echo, not null
     * @return CIS's echo
     * @throws FiscalTransportException when CIS did not echo
     */
    public String echo(String text) {
        Document doc = XmlSignatures.builder().newDocument();
        Element envelope = doc.createElementNS(SOAP, "soapenv:Envelope");
        envelope.setAttributeNS(XMLNS, "xmlns:soapenv", SOAP);
        doc.appendChild(envelope);
        child(child(envelope, SOAP, "soapenv:Body"), NS, "tns:EchoRequest").setTextContent(text);
        Https.Response r = https.post(endpoint, "text/xml; charset=UTF-8", XmlSignatures.serialize(doc),
                "http://e-porezna.porezna-uprava.hr/fiskalizacija/2012/services/FiskalizacijaService/echo");
        try {
            Element echo = first(XmlSignatures.parse(r.body()).getDocumentElement(), "EchoResponse");
            if (r.status() == 200 && echo != null) {
                return echo.getTextContent();
            }
        } catch (SecurityException e) {
            // Falls through to the failure below.
        }
        throw new FiscalTransportException(Outcome.UNKNOWN, "CIS echo answered HTTP " + r.status()
                + " without an EchoResponse", null);
    }

    private RegisterReply send(byte[] envelope, String messageId) {
        Https.Response r = https.post(endpoint, "text/xml; charset=UTF-8", envelope,
                "http://e-porezna.porezna-uprava.hr/fiskalizacija/2012/services/FiskalizacijaService/racuni");
        Element answer;
        try {
            Document doc = XmlSignatures.parse(r.body());
            answer = first(doc.getDocumentElement(), "RacunOdgovor");
            if (answer == null) {
                throw new FiscalTransportException(Outcome.UNKNOWN, "CIS answered HTTP " + r.status()
                        + " without a RacunOdgovor", null);
            }
            X509Certificate signer = XmlSignatures.validate(answer);
            if (!signerTrust.trusts(List.of(signer), Date.from(clock.instant()))) {
                throw new SecurityException("the answer is signed by " + signer.getSubjectX500Principal().getName()
                        + ", which does not chain to the pinned CA");
            }
        } catch (SecurityException e) {
            throw new FiscalTransportException(Outcome.UNKNOWN, "CIS's answer cannot be trusted: " + e.getMessage(),
                    e);
        }
        Element id = first(answer, "IdPoruke");
        if (id == null || !messageId.equalsIgnoreCase(id.getTextContent().trim())) {
            throw new FiscalTransportException(Outcome.UNKNOWN, "CIS's answer is for message "
                    + (id == null ? null : id.getTextContent().trim()) + ", not " + messageId, null);
        }
        Element errors = first(answer, "Greske");
        if (errors != null && first(errors, "Greska") != null) {
            StringBuilder text = new StringBuilder();
            String firstCode = null;
            for (Element e : XmlSignatures.children(errors, NS, "Greska")) {
                Element code = first(e, "SifraGreske");
                Element message = first(e, "PorukaGreske");
                String c = code == null ? "?" : code.getTextContent().trim();
                firstCode = firstCode == null ? c : firstCode;
                text.append(text.length() == 0 ? "" : "; ").append(c).append(": ")
                        .append(message == null ? "" : message.getTextContent().trim());
            }
            return new RegisterReply(false, messageId, null, firstCode, "CIS refused the invoice: " + text);
        }
        Element jir = first(answer, "Jir");
        if (jir == null || !UUID.matcher(jir.getTextContent().trim()).matches()) {
            throw new FiscalTransportException(Outcome.UNKNOWN, "CIS's signed answer has neither errors nor a JIR",
                    null);
        }
        return new RegisterReply(true, messageId, jir.getTextContent().trim(), null, null);
    }

    private static void write(Element parent, String name, Object value) {
        Element e = child(parent, NS, "tns:" + name);
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                if (entry.getValue() != null) {
                    write(e, String.valueOf(entry.getKey()), entry.getValue());
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                // Pdv, Pnp, OstaliPor: a list of Porez.
                write(e, "Porez", item);
            }
        } else if (value instanceof BigDecimal d) {
            e.setTextContent(amount(name, d));
        } else {
            e.setTextContent(String.valueOf(value));
        }
    }

    /** An amount or rate with exactly two decimals, as CIS requires; never rounded here. */
    private static String amount(String name, BigDecimal d) {
        try {
            return d.setScale(AMOUNT_DECIMALS, RoundingMode.UNNECESSARY).toPlainString();
        } catch (ArithmeticException e) {
            throw ValidationException.of(name, "invalid", name + " has more than two decimals: " + d.toPlainString());
        }
    }

    private static Element child(Element parent, String ns, String qualified) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qualified);
        parent.appendChild(e);
        return e;
    }

    /** The first descendant in the CIS namespace with that local name. */
    static Element first(Element root, String localName) {
        if (root == null) {
            return null;
        }
        org.w3c.dom.NodeList n = root.getElementsByTagNameNS(NS, localName);
        return n.getLength() == 0 ? null : (Element) n.item(0);
    }

    /**
     * Configures a {@link CisClient}.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private FiscalCredentials credentials;
        private PinnedTrust serverTrust;
        private PinnedTrust signerTrust;
        private URI endpoint;
        private Clock clock = Clock.systemUTC();
        private boolean sha256;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration timeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * @param v the FINA application certificate ("Fiskal"): signs and is the TLS client certificate
         * @return this
         */
        public Builder credentials(FiscalCredentials v) {
            credentials = v;
            return this;
        }

        /**
         * @param v the CA(s) the CIS server certificate must chain to
         * @return this
         */
        public Builder serverTrust(PinnedTrust v) {
            serverTrust = v;
            return this;
        }

        /**
         * @param v the CA(s) the certificate signing CIS's answers must chain to
         * @return this
         */
        public Builder signerTrust(PinnedTrust v) {
            signerTrust = v;
            return this;
        }

        /**
         * @param v {@link #TEST}, {@link #PRODUCTION} or another https address
         * @return this
         * @throws ValidationException ({@code endpoint}) when it is not https
         */
        public Builder endpoint(URI v) {
            if (v == null || !"https".equals(v.getScheme() == null ? null : v.getScheme().toLowerCase(Locale.ROOT))) {
                throw ValidationException.of("endpoint", "invalid_format", "the CIS endpoint must be an https URI");
            }
            endpoint = v;
            return this;
        }

        /**
         * @param v the clock of the message header, not null
         * @return this
         */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /**
         * @param v true to sign with RSA-SHA256 / SHA-256 instead of the default RSA-SHA1 / SHA-1
         * @return this
         */
        public Builder sha256(boolean v) {
            sha256 = v;
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
        public CisClient build() {
            return new CisClient(this);
        }
    }
}
