package eu.invoicing.fiscal;

import static eu.invoicing.fiscal.TestPki.PKI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.VatCheckStatus;
import eu.invoicing.core.model.ViesCheck;
import eu.invoicing.core.json.InvoicingJson;
import eu.invoicing.core.testing.MutableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** VIES REST against a local HTTPS VIES: valid with a consultation number, invalid, unavailable, cache. */
class ViesValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> REQUESTS = new CopyOnWriteArrayList<>();
    private static volatile String answer;
    private static volatile int status = 200;
    private static final HttpsServer SERVER = start();
    private final MutableClock clock = new MutableClock(TestPki.at());

    private static HttpsServer start() {
        try {
            HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.setHttpsConfigurator(new HttpsConfigurator(TestPki.serverContext(PKI.server, PKI.ca.certificate())));
            s.createContext("/taxation_customs/vies/rest-api/check-vat-number", ex -> {
                try (ex) {
                    REQUESTS.add(JSON.readTree(ex.getRequestBody()));
                    byte[] body = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(status, body.length);
                    ex.getResponseBody().write(body);
                }
            });
            s.setExecutor(Executors.newCachedThreadPool());
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void reset() {
        REQUESTS.clear();
        status = 200;
    }

    @AfterAll
    static void stop() {
        SERVER.stop(0);
    }

    private ViesValidator vies(URI base) {
        return ViesValidator.builder().endpoint(base).requester("SI", "SI12345678").cacheFor(Duration.ofHours(1))
                .clock(clock).trust(PinnedTrust.of(PKI.ca.certificate()))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build();
    }

    private ViesValidator vies() {
        return vies(URI.create("https://127.0.0.1:" + SERVER.getAddress().getPort() + "/taxation_customs/vies/rest-api"));
    }

    private static String valid(boolean valid) {
        return "{\"countryCode\":\"DE\",\"vatNumber\":\"136695976\",\"requestDate\":\"2026-03-16T09:00:00.000Z\","
                + "\"valid\":" + valid + ",\"requestIdentifier\":\"WAPIAAAAWaZbS1Pl\",\"name\":\"Beispiel GmbH\","
                + "\"address\":\"Hauptstr. 1, 10115 Berlin\",\"traderName\":\"---\"}";
    }

    @Test
    void check_validWithRequester_recordsTheConsultationNumber() {
        answer = valid(true);
        ViesCheck c = vies().check("DE", "DE 136 695 976");
        assertThat(c.status()).isEqualTo(VatCheckStatus.VALID);
        assertThat(c.consultationNumber()).isEqualTo("WAPIAAAAWaZbS1Pl");
        assertThat(c.name()).isEqualTo("Beispiel GmbH");
        assertThat(c.checkedAt()).isEqualTo(TestPki.at());
        JsonNode sent = REQUESTS.get(0);
        assertThat(sent.path("countryCode").asText()).isEqualTo("DE");
        assertThat(sent.path("vatNumber").asText()).isEqualTo("136695976");
        assertThat(sent.path("requesterMemberStateCode").asText()).isEqualTo("SI");
        assertThat(sent.path("requesterNumber").asText()).isEqualTo("12345678");
    }

    @Test
    void check_viesSaysNotValid_isInvalid() {
        answer = valid(false);
        assertThat(vies().check("DE", "136695976").status()).isEqualTo(VatCheckStatus.INVALID);
    }

    @Test
    void check_memberStateUnavailable_isUnverifiedNeverInvalidAndNotCached() {
        answer = "{\"actionSucceed\":false,\"errorWrappers\":[{\"error\":\"MS_UNAVAILABLE\"}]}";
        ViesValidator v = vies();
        assertThat(v.check("DE", "136695976").status()).isEqualTo(VatCheckStatus.UNVERIFIED);
        answer = valid(true);
        assertThat(v.check("DE", "136695976").status()).isEqualTo(VatCheckStatus.VALID);
        assertThat(REQUESTS).hasSize(2);
    }

    @Test
    void check_http500OrGarbage_isUnverified() {
        status = 500;
        answer = "{\"error\":\"boom\"}";
        assertThat(vies().check("DE", "136695976").status()).isEqualTo(VatCheckStatus.UNVERIFIED);
        status = 200;
        answer = "<html>maintenance</html>";
        assertThat(vies().check("DE", "136695976").status()).isEqualTo(VatCheckStatus.UNVERIFIED);
    }

    @Test
    void check_viesUnreachable_isUnverified() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(vies(URI.create("https://127.0.0.1:" + port)).check("DE", "136695976").status())
                .isEqualTo(VatCheckStatus.UNVERIFIED);
    }

    @Test
    void check_malformedNumber_isInvalidWithoutAsking() {
        assertThat(vies().check("DE", "12").status()).isEqualTo(VatCheckStatus.INVALID);
        assertThat(REQUESTS).isEmpty();
    }

    @Test
    void check_withinTheCacheTime_isAnsweredFromTheCacheAndAskedAgainAfter() {
        answer = valid(true);
        ViesValidator v = vies();
        v.check("DE", "136695976");
        v.check("DE", "DE136695976");
        assertThat(REQUESTS).hasSize(1);
        clock.advance(Duration.ofMinutes(61));
        v.check("DE", "136695976");
        assertThat(REQUESTS).hasSize(2);
    }

    @Test
    void create_customerWithEuVatNumber_documentRecordsTheCheckInItsJson() {
        answer = valid(true);
        Invoicing invoicing = Invoicing.builder().clock(clock).vatNumbers(vies()).build();
        Document d = invoicing.entity(Entity.sampleSlovenian()).create(eu.invoicing.core.model.DocumentDraft.builder(DocumentType.INVOICE)
                .draft(true).customer(Party.builder().name("Beispiel GmbH").country("Germany").countryCode("DE")
                        .taxNumber("DE136695976").build())
                .item(LineItem.builder().name("Beratung").quantity("1").price("100").tax("22").build()).build());
        assertThat(d.vies()).isNotNull();
        assertThat(d.vies().status()).isEqualTo(VatCheckStatus.VALID);
        assertThat(InvoicingJson.writeDocument(d)).contains("\"consultation_number\":\"WAPIAAAAWaZbS1Pl\"");
        answer = "{\"actionSucceed\":false,\"errorWrappers\":[{\"error\":\"MS_UNAVAILABLE\"}]}";
        Document down = Invoicing.builder().clock(clock).vatNumbers(vies()).build().entity(Entity.sampleSlovenian())
                .create(eu.invoicing.core.model.DocumentDraft.builder(DocumentType.INVOICE).draft(true).customer(Party.builder()
                        .name("Other GmbH").country("Germany").countryCode("DE").taxNumber("DE811569869").build())
                        .item(LineItem.builder().name("Beratung").quantity("1").price("100").tax("22").build())
                        .build());
        assertThat(down.vies().status()).isEqualTo(VatCheckStatus.UNVERIFIED);
    }
}
