package eu.invoicing.fiscal;

import static eu.invoicing.fiscal.TestPki.PKI;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.FinalizeOptions;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.memory.InMemoryTransactor;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.testing.MutableClock;
import eu.invoicing.core.version.TimelineEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path with a local FURS: finalize fiscalizes through {@link RegisterGateway}; faults (timeout, HTTP 500,
 * garbage, an error code, the connection closed after FURS accepted, FURS unreachable) leave the document issued
 * with its ZOI and failed, listed in the backlog; the retry delivers it, and FURS registers each invoice exactly
 * once.
 */
class FursDeliveryTest {
    private static final FakeFurs FURS = new FakeFurs(PKI);
    private static final java.util.concurrent.atomic.AtomicInteger DEVICES = new java.util.concurrent.atomic.AtomicInteger();
    /** A device of its own per test, so that no two tests issue the same number (and ZOI). */
    private final String device = "BLAG" + DEVICES.incrementAndGet();
    private final MutableClock clock = new MutableClock(TestPki.at());
    private final InMemoryTransactor tx = new InMemoryTransactor();
    private final InMemoryDocumentStore store = new InMemoryDocumentStore(tx);
    private final FiscalJournal journal = new FiscalJournal(store, tx, clock);

    @BeforeAll
    static void registerPremise() {
        FursClient c = client(FURS.base());
        assertThat(c.registerPremise(FursClientTest.realEstate("PP1"), UUID.randomUUID().toString()).accepted())
                .isTrue();
    }

    @AfterEach
    void reset() {
        FURS.reset();
    }

    @AfterAll
    static void stop() {
        FURS.close();
    }

    static FursClient client(URI base) {
        return FursClient.builder().credentials(PKI.client.credentials())
                .serverTrust(PinnedTrust.of(PKI.ca.certificate())).fursSigner(PKI.signer.certificate())
                .endpoints(FursEndpoints.at(base)).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build();
    }

    private EntityDocuments documents(URI base) {
        RegisterGateway gateway = RegisterGateway.builder().furs(client(base)).journal(journal).clock(clock).build();
        Invoicing invoicing = Invoicing.builder().store(store).transactor(tx).clock(clock).fiscalGateway(gateway)
                .build();
        Entity entity = Entity.sampleSlovenian().withSettings(EntitySettings.builder()
                .furs(new EntitySettings.Furs(true, EntitySettings.FursNumberingStrategy.C)).build());
        return invoicing.entity(entity);
    }

    private static eu.invoicing.core.model.DocumentDraft draft() {
        return eu.invoicing.core.model.DocumentDraft.builder(DocumentType.INVOICE).draft(true)
                .item(LineItem.builder().name("Kava").quantity("2").price("1.50").tax("22").build()).build();
    }

    private Document issue(EntityDocuments docs, String premise) {
        return docs.finalizeDocument(docs.create(draft()).id(), FinalizeOptions.furs(premise, device));
    }

    /** The MessageID of every invoice message that reached FURS for this ZOI, in order (replays included). */
    private static List<String> messageIdsSentFor(String zoi) {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> ids = new java.util.ArrayList<>();
        for (String body : FURS.bodies) {
            try {
                String token = json.readTree(body).path("token").asText("");
                String[] parts = token.split("\\.");
                if (parts.length != 3) {
                    continue;
                }
                JsonNode r = json.readTree(java.util.Base64.getUrlDecoder().decode(parts[1])).path("InvoiceRequest");
                if (zoi.equals(r.path("Invoice").path("ProtectedID").asText())) {
                    ids.add(r.path("Header").path("MessageID").asText());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    @Test
    void finalize_fursAnswers_recordsEorAndTheJournal() {
        EntityDocuments docs = documents(FURS.base());
        Document d = issue(docs, "PP1");
        assertThat(d.furs().status()).isEqualTo(FiscalStatus.SUCCESS);
        assertThat(d.furs().eor()).matches("[0-9a-f-]{36}");
        assertThat(FURS.registrationsOf(d.furs().zoi())).isEqualTo(1);
        assertThat(docs.timeline(d.id())).extracting(TimelineEvent::note)
                .anyMatch(n -> n != null && n.matches("FURS message [0-9a-f-]{36} sent"))
                .anyMatch(n -> n != null && n.endsWith("accepted, unique id " + d.furs().eor()));
        JsonNode invoice = FURS.payloads.get(FURS.payloads.size() - 1).path("InvoiceRequest").path("Invoice");
        assertThat(invoice.path("ProtectedID").asText()).isEqualTo(d.furs().zoi());
        assertThat(invoice.path("SubsequentSubmit").asBoolean()).isFalse();
    }

    @Test
    void retry_afterTimeoutOnceFursAccepted_replaysTheSameMessageAndRegistersOnce() {
        EntityDocuments docs = documents(FURS.base());
        FURS.mode = FakeAuthority.Mode.TIMEOUT_AFTER_ACCEPT;
        Document d = issue(docs, "PP1");
        FURS.release();
        assertIssuedButFailed(docs, d, "did not answer in time");
        assertDeliveredOnceAfterRetry(docs, d, true);
    }

    @Test
    void retry_afterHttp500OnceFursAccepted_registersOnce() {
        EntityDocuments docs = documents(FURS.base());
        FURS.mode = FakeAuthority.Mode.HTTP_500_AFTER_ACCEPT;
        Document d = issue(docs, "PP1");
        assertIssuedButFailed(docs, d, "HTTP 500");
        assertDeliveredOnceAfterRetry(docs, d, true);
    }

    @Test
    void retry_afterConnectionClosedOnceFursAccepted_registersOnce() {
        EntityDocuments docs = documents(FURS.base());
        FURS.mode = FakeAuthority.Mode.CLOSE_AFTER_ACCEPT;
        Document d = issue(docs, "PP1");
        assertIssuedButFailed(docs, d, "outcome unknown");
        assertDeliveredOnceAfterRetry(docs, d, true);
    }

    @Test
    void retry_afterGarbage_isDeliveredOnce() {
        EntityDocuments docs = documents(FURS.base());
        FURS.mode = FakeAuthority.Mode.GARBAGE;
        Document d = issue(docs, "PP1");
        assertIssuedButFailed(docs, d, "not JSON");
        assertThat(FURS.registrationsOf(d.furs().zoi())).isZero();
        assertDeliveredOnceAfterRetry(docs, d, true);
    }

    @Test
    void retry_afterForgedAnswer_replaysAndRegistersOnce() {
        EntityDocuments docs = documents(FURS.base());
        FURS.mode = FakeAuthority.Mode.FORGED_ANSWER;
        Document d = issue(docs, "PP1");
        assertIssuedButFailed(docs, d, "cannot be trusted");
        assertDeliveredOnceAfterRetry(docs, d, true);
    }

    @Test
    void retry_afterS006_sendsANewMessageOnceThePremiseIsRegistered() {
        EntityDocuments docs = documents(FURS.base());
        Document d = issue(docs, "PP7");
        assertIssuedButFailed(docs, d, "S006: the business premise is not registered or is closed");
        assertThat(FURS.registrationsOf(d.furs().zoi())).isZero();
        client(FURS.base()).registerPremise(FursClientTest.realEstate("PP7"), UUID.randomUUID().toString());
        assertDeliveredOnceAfterRetry(docs, d, false);
    }

    @Test
    void finalize_fursUnreachable_issuesWithZoiAndTheRetryOfAnotherProcessDelivers() throws Exception {
        URI closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("https://127.0.0.1:" + s.getLocalPort());
        }
        EntityDocuments offline = documents(closed);
        Document d = issue(offline, "PP1");
        assertIssuedButFailed(offline, d, "not delivered: cannot connect");
        assertThat(d.furs().barcode()).hasSize(60);
        assertThat(offline.timeline(d.id())).extracting(TimelineEvent::note)
                .anyMatch(n -> n != null && n.contains("not delivered"));
        // A later process on the same store (FURS reachable again) finds the document in the queue and delivers it.
        EntityDocuments online = documents(FURS.base());
        assertThat(new FiscalBacklog(FiscalDeadlines.weekdays(), clock).list(online))
                .extracting(FiscalBacklog.Entry::id).contains(d.id());
        List<FiscalBacklog.Retry> retried = new FiscalBacklog(FiscalDeadlines.weekdays(), clock).retryAll(online);
        assertThat(retried).filteredOn(r -> r.id().equals(d.id())).singleElement()
                .extracting(FiscalBacklog.Retry::status).isEqualTo(FiscalStatus.SUCCESS);
        assertThat(FURS.registrationsOf(d.furs().zoi())).isEqualTo(1);
        assertThat(online.get(d.id()).furs().status()).isEqualTo(FiscalStatus.SUCCESS);
    }

    @Test
    void retry_pastTheLegalDeadline_recordsTheDeadlineWarningInTheFiscalStatus() throws Exception {
        URI closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("https://127.0.0.1:" + s.getLocalPort());
        }
        EntityDocuments offline = documents(closed);
        Document d = issue(offline, "PP1");
        assertThat(d.furs().error()).doesNotContain("late:");
        FiscalBacklog backlog = new FiscalBacklog(FiscalDeadlines.weekdays(), clock);
        // Issued Monday 16 March 2026: due by the end of Wednesday 18 March (Ljubljana).
        assertThat(backlog.list(offline).get(0).deadline()).isEqualTo("2026-03-18T22:59:59Z");
        assertThat(backlog.list(offline).get(0).warning()).isNull();
        clock.advance(Duration.ofDays(3));
        Document late = offline.retryFiscalization(d.id());
        assertThat(late.furs().status()).isEqualTo(FiscalStatus.FAILED);
        assertThat(late.furs().error()).contains("late: the legal deadline");
        assertThat(backlog.list(offline).get(0).warning()).startsWith("late:");
        // Delivered late: confirmed, and the timeline keeps that it came after the deadline.
        EntityDocuments online = documents(FURS.base());
        assertThat(online.retryFiscalization(d.id()).furs().status()).isEqualTo(FiscalStatus.SUCCESS);
        assertThat(online.timeline(d.id())).extracting(TimelineEvent::note)
                .anyMatch(n -> n != null && n.contains("accepted, unique id ") && n.contains("(late: the legal"));
        assertThat(FURS.registrationsOf(d.furs().zoi())).isEqualTo(1);
    }

    private void assertIssuedButFailed(EntityDocuments docs, Document d, String error) {
        assertThat(d.isDraft()).isFalse();
        assertThat(d.number()).startsWith(d.furs().businessPremiseName() + "-" + device + "-");
        assertThat(d.furs().zoi()).matches("[0-9a-f]{32}");
        assertThat(d.furs().status()).isEqualTo(FiscalStatus.FAILED);
        assertThat(d.furs().eor()).isNull();
        assertThat(d.furs().error()).contains(error);
        assertThat(new FiscalBacklog(FiscalDeadlines.weekdays(), clock).list(docs))
                .extracting(FiscalBacklog.Entry::id).contains(d.id());
    }

    private void assertDeliveredOnceAfterRetry(EntityDocuments docs, Document d, boolean sameMessage) {
        FURS.reset();
        List<String> before = messageIdsSentFor(d.furs().zoi());
        Document done = docs.retryFiscalization(d.id());
        assertThat(done.furs().status()).as(done.furs().error()).isEqualTo(FiscalStatus.SUCCESS);
        assertThat(done.furs().eor()).matches("[0-9a-f-]{36}");
        assertThat(FURS.registrationsOf(d.furs().zoi())).isEqualTo(1);
        assertThat(new FiscalBacklog(FiscalDeadlines.weekdays(), clock).list(docs))
                .extracting(FiscalBacklog.Entry::id).doesNotContain(d.id());
        List<String> sent = messageIdsSentFor(d.furs().zoi());
        assertThat(sent).hasSize(before.size() + 1);
        if (sameMessage) {
            // The retry replayed the message whose outcome was unknown: one id however often it arrived.
            assertThat(sent).containsOnly(before.get(0));
        } else {
            // FURS refused the first message for sure: the retry is a new message.
            assertThat(sent).doesNotHaveDuplicates();
        }
        // Nothing more happens on a further retry: the document is confirmed.
        assertThat(done.furs().eor()).isEqualTo(docs.get(d.id()).furs().eor());
    }
}
