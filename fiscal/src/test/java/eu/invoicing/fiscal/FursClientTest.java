package eu.invoicing.fiscal;

import static eu.invoicing.fiscal.TestPki.PKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.invoicing.core.ValidationException;
import eu.invoicing.fiscal.internal.Jws;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FURS over real mutual TLS to a local FURS: JWS, premises, invoices, error codes, pinned CA. */
class FursClientTest {
    /** The JWS header of the specification's invoice example (v3.2, chapter 9.1), base64url. */
    static final String SPEC_HEADER = "eyJhbGciOiJSUzI1NiIsInN1YmplY3RfbmFtZSI6IkNOPUlUTSBTVE9SSVRWRVxcLCDFoFBFTEEgUEVS"
            + "R0FSIFMuUC4sMi41LjQuNT0jMTMwMTMxLE9VPTk5OTk5ODYyLE9VPURhdlBvdFJhY1RFU1QsTz1zdGF0ZS1pbnN0aXR1dGlvbnMs"
            + "Qz1TSSIsImlzc3Vlcl9uYW1lIjoiQ049VGF4IENBIFRlc3QsTz1zdGF0ZS1pbnN0aXR1dGlvbnMsQz1TSSIsInNlcmlhbCI6MjU3"
            + "NTk4ODQ2OTgxMTY4NjY0N30";
    static final String SPEC_SUBJECT = "CN=ITM STORITVE\\, ŠPELA PERGAR S.P.,2.5.4.5=#130131,OU=99999862,"
            + "OU=DavPotRacTEST,O=state-institutions,C=SI";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeFurs FURS = new FakeFurs(PKI);
    private static final Clock CLOCK = Clock.fixed(TestPki.at(), ZoneOffset.UTC);

    static FursClient client(FiscalCredentials credentials, PinnedTrust trust) {
        return FursClient.builder().credentials(credentials).serverTrust(trust)
                .fursSigner(PKI.signer.certificate()).endpoints(FursEndpoints.at(FURS.base())).clock(CLOCK)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)).build();
    }

    private final FursClient furs = client(PKI.client.credentials(), PinnedTrust.of(PKI.ca.certificate()));

    @AfterEach
    void reset() {
        FURS.reset();
    }

    @AfterAll
    static void stop() {
        FURS.close();
    }

    static BusinessPremise realEstate(String id) {
        return new BusinessPremise("12345678", id, new BusinessPremise.RealEstate(365, 12, 3, "Dunajska cesta", "24",
                "B", "Ljubljana", "Ljubljana", "1000"), null, LocalDate.of(2026, 3, 1), false, "24564444", null,
                "Primer prijave poslovnega prostora");
    }

    static Map<String, Object> invoice(String premise, String number, String zoi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TaxNumber", 12345678L);
        m.put("IssueDateTime", "2026-03-16T10:00:00");
        m.put("NumberingStructure", "C");
        m.put("InvoiceIdentifier", Map.of("BusinessPremiseID", premise, "ElectronicDeviceID", "BLAG1",
                "InvoiceNumber", number));
        m.put("InvoiceAmount", new BigDecimal("122.00"));
        m.put("PaymentAmount", new BigDecimal("122.00"));
        m.put("TaxesPerSeller", List.of(Map.of("VAT", List.of(Map.of("TaxRate", new BigDecimal("22.00"),
                "TaxableAmount", new BigDecimal("100.00"), "TaxAmount", new BigDecimal("22.00"))))));
        m.put("ProtectedID", zoi);
        m.put("SubsequentSubmit", false);
        return m;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void header_specificationExample_isThePublishedBase64url() {
        byte[] header = Jws.header(SPEC_SUBJECT, "CN=Tax CA Test,O=state-institutions,C=SI",
                new BigInteger("2575988469811686647"));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(header)).isEqualTo(SPEC_HEADER);
    }

    @Test
    void header_certificateWithTheSpecificationsNames_isThePublishedBase64url() {
        TestPki.Issued spec = PKI.issue(PKI.ca, SPEC_SUBJECT, false, new BigInteger("2575988469811686647"),
                PKI.client.keys());
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(Jws.header(spec.certificate())))
                .isEqualTo(SPEC_HEADER);
    }

    @Test
    void invoiceBody_token_verifiesWithJdkSignatureOverTheExactCompactBytes() throws Exception {
        String body = furs.invoiceBody(invoice("PP1", "1", "a7e5f55e1dbb48b799268e1a6d8618a3"), id());
        String token = JSON.readTree(body).get("token").asText();
        String[] parts = token.split("\\.");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(PKI.client.certificate().getPublicKey());
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(s.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(payload.at("/InvoiceRequest/Header/DateTime").asText()).isEqualTo("2026-03-16T10:00:00");
        assertThat(payload.at("/InvoiceRequest/Invoice/InvoiceAmount").decimalValue()).isEqualByComparingTo("122.00");
        assertThat(JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).get("serial").bigIntegerValue())
                .isEqualTo(PKI.client.certificate().getSerialNumber());
    }

    @Test
    void invoiceBody_messageIdNotUuid_isValidationError() {
        assertThatThrownBy(() -> furs.invoiceBody(invoice("PP1", "1", "ab"), "not-a-uuid"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).path()).isEqualTo("message_id"));
    }

    @Test
    void echo_overMutualTls_echoes() {
        assertThat(furs.echo("test")).isEqualTo("test");
    }

    @Test
    void registerInvoice_registeredRealEstatePremise_returnsEorFromVerifiedAnswer() {
        assertThat(furs.registerPremise(realEstate("PPA"), id()).accepted()).isTrue();
        String zoi = "3024e56bf1ddd2e7eeb5715c6859a913";
        RegisterReply r = furs.registerInvoice(invoice("PPA", "7", zoi), id());
        assertThat(r.accepted()).isTrue();
        assertThat(r.uniqueInvoiceId()).matches("[0-9a-f-]{36}");
        assertThat(FURS.registrationsOf(zoi)).isEqualTo(1);
    }

    @Test
    void registerPremise_movable_isRegisteredWithPremiseType() {
        BusinessPremise movable = new BusinessPremise("12345678", "VOZ1", null, BusinessPremise.MovableType.A,
                LocalDate.of(2026, 3, 1), false, null, "Foreign Soft GmbH, Wien", null);
        assertThat(furs.registerPremise(movable, id()).accepted()).isTrue();
        assertThat(FURS.payloads.get(FURS.payloads.size() - 1)
                .at("/BusinessPremiseRequest/BusinessPremise/BPIdentifier/PremiseType").asText()).isEqualTo("A");
        assertThat(furs.registerInvoice(invoice("VOZ1", "1", "11111111111111111111111111111111"), id()).accepted())
                .isTrue();
    }

    @Test
    void registerInvoice_closedPremise_isS006WithAClearExplanation() {
        furs.registerPremise(realEstate("PPC"), id());
        assertThat(furs.registerPremise(realEstate("PPC").closed(LocalDate.of(2026, 3, 16)), id()).accepted())
                .isTrue();
        RegisterReply r = furs.registerInvoice(invoice("PPC", "1", "22222222222222222222222222222222"), id());
        assertThat(r.accepted()).isFalse();
        assertThat(r.errorCode()).isEqualTo("S006");
        assertThat(r.error()).contains("business premise is not registered or is closed").contains("register");
    }

    @Test
    void registerInvoice_unregisteredPremise_isS006() {
        RegisterReply r = furs.registerInvoice(invoice("NOPE", "1", "33333333333333333333333333333333"), id());
        assertThat(r.errorCode()).isEqualTo("S006");
    }

    @Test
    void registerInvoice_errorCodeAnswered_isMappedToItsMeaning() {
        furs.registerPremise(realEstate("PPE"), id());
        for (FursError e : List.of(FursError.S004, FursError.S007, FursError.S008, FursError.S100)) {
            FURS.errorCode = e.name();
            RegisterReply r = furs.registerInvoice(invoice("PPE", "1", "44444444444444444444444444444444"), id());
            assertThat(r.accepted()).isFalse();
            assertThat(r.errorCode()).isEqualTo(e.name());
            assertThat(r.error()).startsWith(e.name() + ": " + e.meaning());
        }
    }

    @Test
    void registerInvoice_clientCertificateOfAnotherCa_isRefusedByTheServerBeforeAnyRequest() {
        // With TLS 1.3 the client learns of the refusal only as a closed connection, which it cannot tell from a
        // connection closed after accepting: the outcome is (safely) unknown. The server's application saw nothing.
        FursClient rogue = client(PKI.rogueClient.credentials(), PinnedTrust.of(PKI.ca.certificate()));
        int before = FURS.bodies.size();
        assertThatThrownBy(() -> rogue.registerInvoice(invoice("PPA", "1", "55555555555555555555555555555555"), id()))
                .isInstanceOf(FiscalTransportException.class);
        assertThat(FURS.bodies).hasSize(before);
        assertThat(FURS.registrationsOf("55555555555555555555555555555555")).isZero();
    }

    @Test
    void registerInvoice_serverOutsideThePinnedCa_isRefusedAndNotSent() {
        FursClient pinnedElsewhere = client(PKI.client.credentials(), PinnedTrust.of(PKI.rogueCa.certificate()));
        int before = FURS.bodies.size();
        assertThatThrownBy(() -> pinnedElsewhere.echo("x"))
                .isInstanceOfSatisfying(FiscalTransportException.class,
                        e -> assertThat(e.outcome()).as(e.getMessage()).isEqualTo(FiscalTransportException.Outcome.NOT_SENT));
        assertThat(FURS.bodies).hasSize(before);
    }

    @Test
    void registerInvoice_answerNotSignedByFurs_isOutcomeUnknown() {
        furs.registerPremise(realEstate("PPF"), id());
        FURS.mode = FakeAuthority.Mode.FORGED_ANSWER;
        assertThatThrownBy(() -> furs.registerInvoice(invoice("PPF", "1", "66666666666666666666666666666666"), id()))
                .isInstanceOfSatisfying(FiscalTransportException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(FiscalTransportException.Outcome.UNKNOWN);
                    assertThat(e.getMessage()).contains("signature does not verify");
                });
    }

    @Test
    void sendBody_bodyBuiltEarlier_isSentAsIs() {
        furs.registerPremise(realEstate("PPG"), id());
        String body = furs.invoiceBody(invoice("PPG", "1", "77777777777777777777777777777777"), id());
        assertThat(furs.sendBody(furs.endpoints().invoices(), body).accepted()).isTrue();
        assertThat(FURS.bodies.get(FURS.bodies.size() - 1)).isEqualTo(body);
    }
}
