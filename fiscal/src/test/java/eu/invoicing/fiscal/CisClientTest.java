package eu.invoicing.fiscal;

import static eu.invoicing.fiscal.TestPki.PKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.FinalizeOptions;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.memory.InMemoryTransactor;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.model.LineItem;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** CIS over real mutual TLS to a local CIS: the signed RacunZahtjev, the JIR, errors, NakDost, pinned CAs. */
class CisClientTest {
    private static final FakeCis CIS = new FakeCis(PKI);
    private static final Clock CLOCK = Clock.fixed(TestPki.at(), ZoneOffset.UTC);
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    static CisClient client(FiscalCredentials credentials, PinnedTrust server) {
        return CisClient.builder().credentials(credentials).serverTrust(server)
                .signerTrust(PinnedTrust.of(PKI.ca.certificate()))
                .endpoint(URI.create(CIS.base() + "/FiskalizacijaServiceTest")).clock(CLOCK)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build();
    }

    private final CisClient cis = client(PKI.client.credentials(), PinnedTrust.of(PKI.ca.certificate()));

    @AfterEach
    void reset() {
        CIS.reset();
        CIS.tamper = false;
    }

    @AfterAll
    static void stop() {
        CIS.close();
    }

    static Map<String, Object> racun(String zki) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Oib", "12345678901");
        m.put("USustPdv", true);
        m.put("DatVrijeme", "16.03.2026T10:00:00");
        m.put("OznSlijed", "P");
        m.put("BrRac", Map.of("BrOznRac", String.valueOf(NUMBERS.incrementAndGet()), "OznPosPr", "POSL1",
                "OznNapUr", "1"));
        m.put("Pdv", List.of(Map.of("Stopa", new BigDecimal("25"), "Osnovica", new BigDecimal("10.00"),
                "Iznos", new BigDecimal("2.50"))));
        m.put("IznosUkupno", new BigDecimal("12.50"));
        m.put("NacinPlac", "G");
        m.put("ZastKod", zki);
        m.put("NakDost", false);
        return m;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void racunEnvelope_reparsedBytes_signatureValidatesWithJdkXmlDsigAsTheSpecificationDefines() throws Exception {
        byte[] bytes = cis.racunEnvelope(racun("e4d909c290d0fb1ca068ffaddf22cbd0"), id());
        org.w3c.dom.Document doc = FakeCis.parse(bytes);
        Element request = (Element) doc.getElementsByTagNameNS(CisClient.NS, "RacunZahtjev").item(0);
        assertThat(FakeCis.verify(request, PKI.client.certificate())).isNull();
    }

    @Test
    void racunEnvelope_fields_inSchemaOrderWithTwoDecimalsAndOperatorDefaulted() throws Exception {
        String id = id();
        org.w3c.dom.Document doc = FakeCis.parse(cis.racunEnvelope(racun("e4d909c290d0fb1ca068ffaddf22cbd0"), id));
        Element racun = (Element) doc.getElementsByTagNameNS(CisClient.NS, "Racun").item(0);
        List<String> names = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = racun.getFirstChild(); n != null; n = n.getNextSibling()) {
            names.add(n.getLocalName());
        }
        assertThat(names).containsExactly("Oib", "USustPdv", "DatVrijeme", "OznSlijed", "BrRac", "Pdv",
                "IznosUkupno", "NacinPlac", "OibOper", "ZastKod", "NakDost");
        assertThat(doc.getElementsByTagNameNS(CisClient.NS, "Stopa").item(0).getTextContent()).isEqualTo("25.00");
        assertThat(doc.getElementsByTagNameNS(CisClient.NS, "OibOper").item(0).getTextContent())
                .isEqualTo("12345678901");
        assertThat(doc.getElementsByTagNameNS(CisClient.NS, "IdPoruke").item(0).getTextContent()).isEqualTo(id);
        assertThat(doc.getElementsByTagNameNS(CisClient.NS, "DatumVrijeme").item(0).getTextContent())
                .isEqualTo("16.03.2026T10:00:00");
    }

    @Test
    void register_validRequest_returnsJirOfTheVerifiedAnswer() {
        RegisterReply r = cis.register(racun("11111111111111111111111111111111"), id());
        assertThat(r.accepted()).isTrue();
        assertThat(r.uniqueInvoiceId()).matches("[0-9a-f-]{36}");
        assertThat(CIS.registrationsOf("11111111111111111111111111111111")).isEqualTo(1);
    }

    @Test
    void register_errorCode_isARejectionWithTheCode() {
        CIS.errorCode = "s005";
        RegisterReply r = cis.register(racun("22222222222222222222222222222222"), id());
        assertThat(r.accepted()).isFalse();
        assertThat(r.errorCode()).isEqualTo("s005");
        assertThat(r.error()).contains("s005: Refused by the fake CIS.");
    }

    @Test
    void register_answerSignedOutsideThePinnedCa_isOutcomeUnknown() {
        CIS.mode = FakeAuthority.Mode.FORGED_ANSWER;
        assertThatThrownBy(() -> cis.register(racun("33333333333333333333333333333333"), id()))
                .isInstanceOfSatisfying(FiscalTransportException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(FiscalTransportException.Outcome.UNKNOWN);
                    assertThat(e.getMessage()).contains("does not chain to the pinned CA");
                });
    }

    @Test
    void register_answerChangedAfterSigning_isOutcomeUnknown() {
        CIS.tamper = true;
        assertThatThrownBy(() -> cis.register(racun("44444444444444444444444444444444"), id()))
                .isInstanceOfSatisfying(FiscalTransportException.class,
                        e -> assertThat(e.getMessage()).contains("does not verify"));
    }

    @Test
    void register_clientCertificateOfAnotherCa_isRefusedBeforeAnyRequest() {
        CisClient rogue = client(PKI.rogueClient.credentials(), PinnedTrust.of(PKI.ca.certificate()));
        int before = CIS.bodies.size();
        assertThatThrownBy(() -> rogue.register(racun("55555555555555555555555555555555"), id()))
                .isInstanceOf(FiscalTransportException.class);
        assertThat(CIS.bodies).hasSize(before);
    }

    @Test
    void register_serverOutsideThePinnedCa_isRefusedAndNotSent() {
        CisClient elsewhere = client(PKI.client.credentials(), PinnedTrust.of(PKI.rogueCa.certificate()));
        int before = CIS.bodies.size();
        assertThatThrownBy(() -> elsewhere.register(racun("66666666666666666666666666666666"), id()))
                .isInstanceOfSatisfying(FiscalTransportException.class,
                        e -> assertThat(e.outcome()).isEqualTo(FiscalTransportException.Outcome.NOT_SENT));
        assertThat(CIS.bodies).hasSize(before);
    }

    @Test
    void echo_overMutualTls_echoes() {
        assertThat(cis.echo("proba")).isEqualTo("proba");
    }

    @Test
    void retry_finaInvoiceAfterConnectionClosedOnceCisAccepted_sendsNakDostUnderTheSameIdAndRegistersOnce() {
        InMemoryTransactor tx = new InMemoryTransactor();
        InMemoryDocumentStore store = new InMemoryDocumentStore(tx);
        RegisterGateway gateway = RegisterGateway.builder().cis(cis).journal(new FiscalJournal(store, tx, CLOCK))
                .clock(CLOCK).build();
        Entity hr = Entity.builder().id("ent_0000000000000000000000c3").name("Primjer d.o.o.").city("Zagreb")
                .country("Croatia").countryCode("HR").taxNumber("HR12345678901").currencyCode("EUR").locale("hr-HR")
                .settings(EntitySettings.builder().fina(new EntitySettings.Fina(true,
                        EntitySettings.FinaNumberingSequence.P)).build()).build();
        EntityDocuments docs = Invoicing.builder().store(store).transactor(tx).clock(CLOCK).fiscalGateway(gateway)
                .build().entity(hr);
        eu.invoicing.core.model.DocumentDraft draft = eu.invoicing.core.model.DocumentDraft.builder(DocumentType.INVOICE).draft(true)
                .item(LineItem.builder().name("Kava").quantity("1").price("10").tax("25").build()).build();
        CIS.mode = FakeAuthority.Mode.CLOSE_AFTER_ACCEPT;
        eu.invoicing.core.model.Document d = docs.finalizeDocument(docs.create(draft).id(),
                FinalizeOptions.fina("POSL1", "1", "cash"));
        assertThat(d.fina().status()).isEqualTo(FiscalStatus.FAILED);
        assertThat(d.fina().zki()).matches("[0-9a-f]{32}");
        assertThat(CIS.registrationsOf(d.fina().zki())).isEqualTo(1);
        CIS.reset();
        int sent = CIS.bodies.size();
        eu.invoicing.core.model.Document done = docs.retryFiscalization(d.id());
        assertThat(done.fina().status()).as(done.fina().error()).isEqualTo(FiscalStatus.SUCCESS);
        assertThat(done.fina().jir()).matches("[0-9a-f-]{36}");
        assertThat(CIS.registrationsOf(d.fina().zki())).isEqualTo(1);
        String replay = CIS.bodies.get(sent);
        String first = CIS.bodies.get(sent - 1);
        assertThat(replay).contains("<tns:NakDost>true</tns:NakDost>");
        assertThat(idPoruke(replay)).isEqualTo(idPoruke(first));
    }

    private static String idPoruke(String body) {
        int i = body.indexOf("<tns:IdPoruke>") + "<tns:IdPoruke>".length();
        return body.substring(i, body.indexOf('<', i));
    }
}
