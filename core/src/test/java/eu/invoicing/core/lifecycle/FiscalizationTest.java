package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.internal.fiscal.FursBarcode;
import eu.invoicing.core.internal.fiscal.ProtectedCodes;
import eu.invoicing.core.memory.InMemoryFiscalGateway;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.spi.FiscalAuthority;
import eu.invoicing.core.spi.FiscalResponse;
import eu.invoicing.core.spi.FiscalSubmission;
import eu.invoicing.core.spi.IdGenerator;
import java.security.Signature;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** FURS and FINA: numbers from their own series, ZOI/ZKI, submission, failure, retry, cancellation. */
class FiscalizationTest {
    /** One test key for the whole class: RSA key generation is slow. */
    private static final java.security.KeyPair KEYS = testKeys();
    private final InMemoryFiscalGateway gateway = new InMemoryFiscalGateway(KEYS);
    private final Invoicing invoicing = Invoicing.builder().clock(Fixtures.clock()).fiscalGateway(gateway).build();

    private static java.security.KeyPair testKeys() {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static EntitySettings settings(EntitySettings.Furs furs, EntitySettings.Fina fina) {
        return EntitySettings.builder().furs(furs).fina(fina).build();
    }

    static EntityDocuments fursEntity(Invoicing invoicing) {
        return invoicing.entity(Fixtures.entityA().withSettings(
                settings(new EntitySettings.Furs(true, EntitySettings.FursNumberingStrategy.C), null)));
    }

    private EntityDocuments finaEntity(EntitySettings.FinaNumberingSequence sequence) {
        Entity hr = new Entity("ent_0000000000000000000000c3", "Primjer d.o.o.", null, null, null, "Zagreb", null,
                "Croatia", "HR", "HR12345678901", null, true, "EUR", "hr-HR", null, null, null, null,
                settings(null, new EntitySettings.Fina(true, sequence)));
        return invoicing.entity(hr);
    }

    @Test
    void finalize_withFursPremise_numbersPerPremiseAndComputesVerifiableZoi() throws Exception {
        EntityDocuments docs = fursEntity(invoicing);
        Document a = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                FinalizeOptions.furs("PP1", "BLAG1"));
        Document b = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.CREDIT_NOTE)).id(),
                FinalizeOptions.furs("PP1", "BLAG2"));
        assertThat(a.number()).isEqualTo("PP1-BLAG1-1");
        assertThat(b.number()).isEqualTo("PP1-BLAG2-2");
        assertThat(a.furs().status()).isEqualTo(FiscalStatus.SUCCESS);
        assertThat(a.furs().eor()).isNotNull();
        assertThat(a.furs().numberingStrategy()).isEqualTo("C");
        LocalDateTime local = LocalDateTime.ofInstant(Fixtures.NOW, ProtectedCodes.LJUBLJANA);
        String input = ProtectedCodes.zoiInput("12345678", local, "1", "PP1", "BLAG1", a.totalWithTax());
        assertThat(input).isEqualTo("1234567815.03.2026 11:00:001PP1BLAG1122.00");
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(gateway.publicKey());
        verify.update(ProtectedCodes.bytes(input));
        byte[] sig = gateway.sign(FiscalAuthority.FURS, "x", "SHA256withRSA", ProtectedCodes.bytes(input));
        assertThat(verify.verify(sig)).isTrue();
        assertThat(a.furs().zoi()).isEqualTo(ProtectedCodes.fromSignature(sig)).matches("[0-9a-f]{32}");
        assertThat(a.furs().barcode()).isEqualTo(FursBarcode.of(a.furs().zoi(), "12345678", local)).hasSize(60);
        FiscalSubmission sent = gateway.submissions().get(0);
        assertThat(sent.documentId()).isEqualTo(a.id());
        assertThat(sent.payload()).containsEntry("ProtectedID", a.furs().zoi()).containsEntry("NumberingStructure", "C")
                .containsEntry("IssueDateTime", "2026-03-15T11:00:00").containsEntry("SubsequentSubmit", false);
        assertThat(((Map<?, ?>) sent.payload().get("InvoiceIdentifier")).get("InvoiceNumber")).isEqualTo("1");
        assertThat(docs.timeline(a.id())).extracting(e -> e.type().wireValue()).contains("fiscalized");
    }

    @Test
    void finalize_creditNoteForAFiscalizedInvoice_sendsReferenceInvoice() {
        EntityDocuments docs = fursEntity(invoicing);
        Document invoice = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                FinalizeOptions.furs("PP1", "BLAG1"));
        Document credit = docs.createCreditNote(invoice.id(), null, true);
        docs.finalizeDocument(credit.id(), FinalizeOptions.furs("PP1", "BLAG1"));
        Map<?, ?> sent = gateway.submissions().get(gateway.submissions().size() - 1).payload();
        assertThat(sent.get("ReferenceInvoice")).asList().singleElement().satisfies(r -> {
            Map<?, ?> reference = (Map<?, ?>) r;
            assertThat(reference.get("ReferenceInvoiceIssueDateTime")).isEqualTo("2026-03-15T11:00:00");
            Map<?, ?> identifier = (Map<?, ?>) reference.get("ReferenceInvoiceIdentifier");
            assertThat(identifier.get("BusinessPremiseID")).isEqualTo("PP1");
            assertThat(identifier.get("ElectronicDeviceID")).isEqualTo("BLAG1");
            assertThat(identifier.get("InvoiceNumber")).isEqualTo("1");
        });
        assertThat(gateway.submissions().get(0).payload()).doesNotContainKey("ReferenceInvoice");
    }

    @Test
    void finalize_withStrategyB_numbersPerDevice() {
        EntityDocuments docs = invoicing.entity(Fixtures.entityA().withSettings(
                settings(new EntitySettings.Furs(true, EntitySettings.FursNumberingStrategy.B), null)));
        Document a = docs.create(Fixtures.draft(DocumentType.INVOICE));
        Document b = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertThat(docs.finalizeDocument(a.id(), FinalizeOptions.furs("PP1", "D1")).number()).isEqualTo("PP1-D1-1");
        assertThat(docs.finalizeDocument(b.id(), FinalizeOptions.furs("PP1", "D2")).number()).isEqualTo("PP1-D2-1");
        assertThat(docs.nextNumber(DocumentType.INVOICE, "PP1", "D1", null).number()).isEqualTo("PP1-D1-2");
    }

    @Test
    void finalize_withFinaSequenceN_formatsSlashNumberAndZki() {
        EntityDocuments docs = finaEntity(EntitySettings.FinaNumberingSequence.N);
        Document d = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                FinalizeOptions.fina("POSL1", "3", "card"));
        assertThat(d.number()).isEqualTo("1/POSL1/3");
        assertThat(d.fina().zki()).matches("[0-9a-f]{32}");
        assertThat(d.fina().paymentMethod()).isEqualTo("K");
        assertThat(d.fina().numberingSequence()).isEqualTo("N");
        FiscalSubmission sent = gateway.submissions().get(0);
        assertThat(sent.authority()).isEqualTo(FiscalAuthority.FINA);
        assertThat(sent.payload()).containsEntry("Oib", "12345678901").containsEntry("ZastKod", d.fina().zki())
                .containsEntry("DatVrijeme", "15.03.2026T11:00:00");
    }

    @Test
    void finalize_whenAuthorityFails_keepsNumberAndZoiAndRetryOnlySendsSubsequent() {
        gateway.respondWith(s -> FiscalResponse.failure("S100 system error"));
        EntityDocuments docs = fursEntity(invoicing);
        Document d = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                FinalizeOptions.furs("PP1", "B1"));
        assertThat(d.number()).isEqualTo("PP1-B1-1");
        assertThat(d.furs().status()).isEqualTo(FiscalStatus.FAILED);
        assertThat(d.furs().error()).contains("S100");
        gateway.respondWith(s -> FiscalResponse.success("eor-1"));
        Document retried = docs.retryFiscalization(d.id());
        assertThat(retried.furs().status()).isEqualTo(FiscalStatus.SUCCESS);
        assertThat(retried.furs().eor()).isEqualTo("eor-1");
        assertThat(retried.furs().zoi()).isEqualTo(d.furs().zoi());
        assertThat(gateway.submissions()).hasSize(2);
        assertThat(gateway.submissions().get(1).subsequent()).isTrue();
        assertThat(gateway.submissions().get(1).messageId()).isNotEqualTo(gateway.submissions().get(0).messageId());
        assertThatThrownBy(() -> docs.retryFiscalization(d.id()))
                .isInstanceOfSatisfying(eu.invoicing.core.DocumentStateException.class,
                        e -> assertThat(e.rule()).isEqualTo(LifecycleRule.FISCALIZE_RETRY_FAILED_ONLY));
    }

    @Test
    void finalize_withADeterministicIdGenerator_drawsEveryFiscalMessageIdFromIt() {
        List<String> first = fursMessageIds(new CountingIds());
        List<String> second = fursMessageIds(new CountingIds());
        // Submission, subsequent submission (retry) and cancellation: three messages, three new ids.
        assertThat(first).hasSize(3).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id)
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        // Nothing but the generator decides them: the same generator gives the same ids.
        assertThat(second).isEqualTo(first);
    }

    @Test
    void finalize_whenTheIdGeneratorFailsForTheMessageId_isSpiExceptionAndRetrySendsIt() {
        AtomicLong failures = new AtomicLong(1);
        IdGenerator flaky = new CountingIds() {
            @Override
            public String newId(String prefix) {
                if (prefix.equals("msg_") && failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("id service down");
                }
                return super.newId(prefix);
            }
        };
        Invoicing inv = Invoicing.builder().clock(Fixtures.clock()).fiscalGateway(gateway).ids(flaky).build();
        EntityDocuments docs = fursEntity(inv);
        Document draft = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertThatThrownBy(() -> docs.finalizeDocument(draft.id(), FinalizeOptions.furs("PP1", "B1")))
                .isInstanceOf(eu.invoicing.core.SpiException.class)
                .hasMessageContaining("fiscal status pending").hasMessageContaining("retryFiscalization")
                .hasRootCauseMessage("id service down");
        assertThat(gateway.submissions()).isEmpty();
        assertThat(docs.get(draft.id()).furs().status()).isEqualTo(FiscalStatus.PENDING);
        assertThat(docs.retryFiscalization(draft.id()).furs().status()).isEqualTo(FiscalStatus.SUCCESS);
        assertThat(gateway.submissions()).hasSize(1);
    }

    /** Finalize (failed), retry (confirmed) and void of a FURS invoice; returns the message ids sent. */
    private static List<String> fursMessageIds(IdGenerator ids) {
        InMemoryFiscalGateway g = new InMemoryFiscalGateway(KEYS).respondWith(s -> FiscalResponse.failure("S100"));
        Invoicing inv = Invoicing.builder().clock(Fixtures.clock()).fiscalGateway(g).ids(ids).build();
        EntityDocuments docs = fursEntity(inv);
        Document d = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                FinalizeOptions.furs("PP1", "B1"));
        g.respondWith(s -> FiscalResponse.success("eor-" + s.messageId()));
        docs.retryFiscalization(d.id());
        docs.voidDocument(d.id(), "technical error", false);
        List<String> sent = new ArrayList<>();
        g.submissions().forEach(s -> sent.add(s.messageId()));
        g.cancellations().forEach(s -> sent.add(s.messageId()));
        return sent;
    }

    /** Ids from a counter: entirely predictable. */
    private static class CountingIds implements IdGenerator {
        private final AtomicLong next = new AtomicLong();

        @Override
        public String newId(String prefix) {
            return prefix + String.format("%024x", next.incrementAndGet() * 0x9e3779b97f4a7c15L & Long.MAX_VALUE);
        }

        @Override
        public String newToken() {
            return String.format("tok%032d", next.incrementAndGet());
        }
    }

    @Test
    void finalize_whenGatewayThrows_recordsFailure() {
        gateway.respondWith(s -> {
            throw new IllegalStateException("connection refused");
        });
        EntityDocuments docs = fursEntity(invoicing);
        Document d = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                FinalizeOptions.furs("PP1", "B1"));
        assertThat(d.furs().status()).isEqualTo(FiscalStatus.FAILED);
        assertThat(d.furs().error()).contains("connection refused");
    }

    @Test
    void finalize_withoutPremiseWhileFursEnabled_isSkippedAndUpdatable() {
        EntityDocuments docs = fursEntity(invoicing);
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertThat(d.number()).isEqualTo("2026-00001");
        assertThat(d.furs().status()).isEqualTo(FiscalStatus.SKIPPED);
        assertThat(docs.update(d.id(), DocumentPatch.builder().note("ok").build()).note()).isEqualTo("ok");
        assertThat(gateway.submissions()).isEmpty();
    }

    @Test
    void void_ofFiscalizedInvoice_asksForTechnicalCancellation() {
        EntityDocuments docs = fursEntity(invoicing);
        Document d = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                FinalizeOptions.furs("PP1", "B1"));
        docs.voidDocument(d.id(), "technical error", false);
        assertThat(gateway.cancellations()).hasSize(1);
        assertThat(gateway.cancellations().get(0).cancellation()).isTrue();
        assertThat(docs.timeline(d.id()).get(docs.timeline(d.id()).size() - 1).note())
                .contains("technical cancellation confirmed");
    }

    @Test
    void nextNumber_fiscalPreview_doesNotConsume() {
        EntityDocuments docs = fursEntity(invoicing);
        NextNumber n = docs.nextNumber(DocumentType.INVOICE, "PP1", "B1", null);
        assertThat(n.number()).isEqualTo("PP1-B1-1");
        assertThat(n.furs().sequenceNumber()).isEqualTo("1");
        assertThat(docs.nextNumber(DocumentType.INVOICE, "PP1", "B1", null).number()).isEqualTo("PP1-B1-1");
    }

    @Test
    void zoi_isDeterministicForTheSameKeyAndInput() {
        byte[] data = ProtectedCodes.bytes("1234567815.08.2015 10:13:3212345blag001112451245.56");
        String one = ProtectedCodes.fromSignature(gateway.sign(FiscalAuthority.FURS, "e", "SHA256withRSA", data));
        String two = ProtectedCodes.fromSignature(gateway.sign(FiscalAuthority.FURS, "e", "SHA256withRSA", data));
        assertThat(one).isEqualTo(two);
        assertThat(HexFormat.of().parseHex(one)).hasSize(16);
    }
}
