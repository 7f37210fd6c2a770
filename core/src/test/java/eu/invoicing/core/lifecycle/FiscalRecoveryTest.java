package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.SpiException;
import eu.invoicing.core.lifecycle.WriteFailingStore.World;
import eu.invoicing.core.memory.InMemoryFiscalGateway;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.EntitySettings;
import eu.invoicing.core.model.FinaData;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.model.FursData;
import eu.invoicing.core.spi.FiscalAuthority;
import eu.invoicing.core.spi.FiscalResponse;
import eu.invoicing.core.version.TimelineEvent;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fiscal operations are never stuck: whichever write of a finalize or void fails, and whatever the gateway
 * answers, the document is either as it was or in a durable state ({@code pending}, or voided without a
 * recorded cancellation) that {@code retryFiscalization} completes, without the authority registering the
 * document twice.
 */
class FiscalRecoveryTest {
    private static final KeyPair KEYS = keys();

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EntityDocuments entity(FiscalAuthority authority, Invoicing invoicing) {
        if (authority == FiscalAuthority.FURS) {
            return FiscalizationTest.fursEntity(invoicing);
        }
        Entity hr = new Entity("ent_0000000000000000000000c3", "Primjer d.o.o.", null, null, null, "Zagreb", null,
                "Croatia", "HR", "HR12345678901", null, true, "EUR", "hr-HR", null, null, null, null,
                FiscalizationTest.settings(null, new EntitySettings.Fina(true, EntitySettings.FinaNumberingSequence.P)));
        return invoicing.entity(hr);
    }

    private static FinalizeOptions options(FiscalAuthority authority) {
        return authority == FiscalAuthority.FURS ? FinalizeOptions.furs("PP1", "B1")
                : FinalizeOptions.fina("POSL1", "3", "cash");
    }

    private static String firstNumber(FiscalAuthority authority) {
        return authority == FiscalAuthority.FURS ? "PP1-B1-1" : "1/POSL1/3";
    }

    private static FiscalStatus status(Document d) {
        return d.furs() != null ? d.furs().status() : d.fina().status();
    }

    private static String uniqueId(Document d) {
        return d.furs() != null ? d.furs().eor() : d.fina().jir();
    }

    private static String protectedCode(Document d) {
        return d.furs() != null ? d.furs().zoi() : d.fina().zki();
    }

    /** The gateway answers {@code first} once, then success; every unique id it hands out is recorded. */
    private static List<String> answering(InMemoryFiscalGateway gateway, String first) {
        List<String> issued = new CopyOnWriteArrayList<>();
        boolean[] answered = new boolean[1];
        gateway.respondWith(s -> {
            boolean firstCall = !answered[0];
            answered[0] = true;
            if (firstCall && "failure".equals(first)) {
                return FiscalResponse.failure("S100 system error");
            }
            if (firstCall && "throws".equals(first)) {
                throw new IllegalStateException("connection reset");
            }
            String id = UUID.randomUUID().toString();
            issued.add(id);
            return FiscalResponse.success(id);
        });
        return issued;
    }

    static Stream<Arguments> authoritiesAndFirstAnswers() {
        return Stream.of(FiscalAuthority.values()).flatMap(a -> Stream.of("success", "failure", "throws")
                .map(answer -> Arguments.of(a, answer)));
    }

    @ParameterizedTest(name = "{0}, gateway first answers {1}")
    @MethodSource("authoritiesAndFirstAnswers")
    void finalize_whenAnyStoreWriteFails_leavesTheDraftOrAPendingDocumentThatRetryCompletesOnce(
            FiscalAuthority authority, String firstAnswer) {
        boolean sawPending = false;
        for (int k = 1; ; k++) {
            World w = new World(KEYS);
            List<String> issued = answering(w.gateway, firstAnswer);
            EntityDocuments docs = entity(authority, w.invoicing);
            Document draft = docs.create(Fixtures.draft(DocumentType.INVOICE));
            List<TimelineEvent> timeline = docs.timeline(draft.id());
            w.store.failWrite(k);
            boolean failed = false;
            try {
                docs.finalizeDocument(draft.id(), options(authority));
            } catch (SpiException e) {
                failed = true;
            }
            w.store.disarm();
            if (!failed) {
                assertThat(k).isGreaterThan(w.store.writes());
                break;
            }
            Document now = docs.get(draft.id());
            if (now.isDraft()) {
                assertThat(now).isEqualTo(draft);
                assertThat(docs.timeline(draft.id())).isEqualTo(timeline);
                assertThat(w.gateway.submissions()).isEmpty();
                continue;
            }
            sawPending = true;
            assertThat(now.number()).isEqualTo(firstNumber(authority));
            assertThat(status(now)).as("write %d failed", k).isEqualTo(FiscalStatus.PENDING);
            Document done = docs.retryFiscalization(draft.id());
            assertThat(status(done)).isEqualTo(FiscalStatus.SUCCESS);
            assertThat(issued).as("the authority registered the document once").hasSize(1);
            assertThat(uniqueId(done)).isEqualTo(issued.get(0));
            assertThat(protectedCode(done)).isEqualTo(protectedCode(now));
            assertThat(done.number()).isEqualTo(now.number());
            assertThat(docs.get(draft.id())).isEqualTo(done);
            assertThatThrownBy(() -> docs.retryFiscalization(draft.id()))
                    .isInstanceOfSatisfying(DocumentStateException.class,
                            e -> assertThat(e.rule()).isEqualTo(LifecycleRule.FISCALIZE_RETRY_FAILED_ONLY));
        }
        assertThat(sawPending).as("some failing write left a pending document").isTrue();
    }

    @Test
    void finalize_whenStoringTheOutcomeFails_saysTheDocumentIsPendingAndHowToComplete() {
        World w = new World(KEYS);
        EntityDocuments docs = entity(FiscalAuthority.FURS, w.invoicing);
        Document draft = docs.create(Fixtures.draft(DocumentType.INVOICE));
        w.store.failWrite(3);
        assertThatThrownBy(() -> docs.finalizeDocument(draft.id(), options(FiscalAuthority.FURS)))
                .isInstanceOf(SpiException.class).hasMessageContaining("pending")
                .hasMessageContaining("retryFiscalization").hasMessageContaining("PP1-B1-1");
    }

    private static boolean cancellationConfirmed(EntityDocuments docs, Document d) {
        return docs.timeline(d.id()).stream().anyMatch(e -> e.note() != null
                && e.note().contains("technical cancellation confirmed"));
    }

    @ParameterizedTest
    @EnumSource(FiscalAuthority.class)
    void void_whenAnyStoreWriteFails_leavesTheDocumentOrAVoidedOneWhoseCancellationRetryCompletesOnce(
            FiscalAuthority authority) {
        boolean sawVoided = false;
        for (int k = 1; ; k++) {
            World w = new World(KEYS);
            EntityDocuments docs = entity(authority, w.invoicing);
            Document invoice = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                    options(authority));
            Document credit = docs.finalizeDocument(docs.createCreditNote(invoice.id(), null, true).id(),
                    options(authority));
            Document invoiceBefore = docs.get(invoice.id());
            List<TimelineEvent> timeline = docs.timeline(credit.id());
            w.store.failWrite(k);
            boolean failed = false;
            try {
                docs.voidDocument(credit.id(), "mistake", false);
            } catch (SpiException e) {
                failed = true;
            }
            w.store.disarm();
            if (!failed) {
                assertThat(k).isGreaterThan(w.store.writes());
                break;
            }
            Document now = docs.get(credit.id());
            if (!now.isVoided()) {
                assertThat(now).isEqualTo(credit);
                assertThat(docs.timeline(credit.id())).isEqualTo(timeline);
                assertThat(docs.get(invoice.id())).isEqualTo(invoiceBefore);
                assertThat(w.gateway.cancellations()).isEmpty();
                continue;
            }
            sawVoided = true;
            assertThat(docs.get(invoice.id()).totalPaid()).isEqualByComparingTo("0");
            assertThat(cancellationConfirmed(docs, credit)).isFalse();
            docs.retryFiscalization(credit.id());
            assertThat(cancellationConfirmed(docs, credit)).isTrue();
            assertThat(w.gateway.registrations()).filteredOn(s -> s.cancellation()).hasSize(1);
            assertThatThrownBy(() -> docs.retryFiscalization(credit.id()))
                    .isInstanceOf(DocumentStateException.class);
        }
        assertThat(sawVoided).as("some failing write left a voided document").isTrue();
    }

    @ParameterizedTest
    @EnumSource(FiscalAuthority.class)
    void void_whenTheCancellationFails_retrySendsItAgain(FiscalAuthority authority) {
        World w = new World(KEYS);
        EntityDocuments docs = entity(authority, w.invoicing);
        Document invoice = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                options(authority));
        w.gateway.respondWith(s -> s.cancellation() ? FiscalResponse.failure("S100 system error")
                : FiscalResponse.success("x"));
        docs.voidDocument(invoice.id(), "mistake", false);
        assertThat(cancellationConfirmed(docs, invoice)).isFalse();
        w.gateway.respondWith(s -> FiscalResponse.success("cancel-1"));
        Document retried = docs.retryFiscalization(invoice.id());
        assertThat(retried.isVoided()).isTrue();
        assertThat(cancellationConfirmed(docs, invoice)).isTrue();
        assertThat(w.gateway.cancellations()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"no ZOI", "no issue time", "sequence not a number", "no premise", "no status"})
    void retryFiscalization_withIncompleteStoredFiscalData_isRefusedNamingTheRule(String damage) {
        World w = new World(KEYS);
        w.gateway.respondWith(s -> FiscalResponse.failure("S100 system error"));
        EntityDocuments docs = entity(FiscalAuthority.FURS, w.invoicing);
        Document d = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                options(FiscalAuthority.FURS));
        FursData f = d.furs();
        UnaryOperator<FursData> broken = switch (damage) {
            case "no ZOI" -> x -> new FursData(x.businessPremiseName(), x.electronicDeviceName(),
                    x.numberingStrategy(), x.sequenceNumber(), null, x.issuedAt(), null, null, null, x.status(), null);
            case "no issue time" -> x -> new FursData(x.businessPremiseName(), x.electronicDeviceName(),
                    x.numberingStrategy(), x.sequenceNumber(), null, null, x.zoi(), null, null, x.status(), null);
            case "sequence not a number" -> x -> new FursData(x.businessPremiseName(), x.electronicDeviceName(),
                    x.numberingStrategy(), "1x", null, x.issuedAt(), x.zoi(), null, null, x.status(), null);
            case "no premise" -> x -> new FursData(null, x.electronicDeviceName(), x.numberingStrategy(),
                    x.sequenceNumber(), null, x.issuedAt(), x.zoi(), null, null, x.status(), null);
            default -> x -> new FursData(x.businessPremiseName(), x.electronicDeviceName(), x.numberingStrategy(),
                    x.sequenceNumber(), null, x.issuedAt(), x.zoi(), null, null, FiscalStatus.FAILED, null);
        };
        Document damaged = d.toBuilder().furs(broken.apply(f)).build();
        if (damage.equals("no status")) {
            // Status failed, but the document also claims a FINA code without its data.
            damaged = damaged.toBuilder().fina(new FinaData(null, null, null, null, null, null, null, null, null,
                    FiscalStatus.FAILED, null)).furs(null).build();
        }
        w.store.save(damaged);
        Document stored = docs.get(d.id());
        assertThatThrownBy(() -> docs.retryFiscalization(d.id()))
                .isInstanceOfSatisfying(DocumentStateException.class,
                        e -> assertThat(e.rule()).isEqualTo(LifecycleRule.FISCAL_DATA_INCOMPLETE));
        assertThat(docs.get(d.id())).isEqualTo(stored);
        assertThat(w.gateway.submissions()).hasSize(1);
    }

    @Test
    void voidDocument_withIncompleteStoredFiscalData_isRefusedBeforeAnythingChanges() {
        World w = new World(KEYS);
        EntityDocuments docs = entity(FiscalAuthority.FURS, w.invoicing);
        Document d = docs.finalizeDocument(docs.create(Fixtures.draft(DocumentType.INVOICE)).id(),
                options(FiscalAuthority.FURS));
        FursData f = d.furs();
        w.store.save(d.toBuilder().furs(new FursData(f.businessPremiseName(), f.electronicDeviceName(),
                f.numberingStrategy(), f.sequenceNumber(), null, null, f.zoi(), f.eor(), null, f.status(), null))
                .build());
        Document stored = docs.get(d.id());
        assertThatThrownBy(() -> docs.voidDocument(d.id(), "x", null))
                .isInstanceOfSatisfying(DocumentStateException.class,
                        e -> assertThat(e.rule()).isEqualTo(LifecycleRule.FISCAL_DATA_INCOMPLETE));
        assertThat(docs.get(d.id())).isEqualTo(stored);
        assertThat(w.gateway.cancellations()).isEmpty();
    }

    @Test
    void draftCarryingFiscalData_isNotTreatedAsFiscalized() {
        World w = new World(KEYS);
        EntityDocuments docs = entity(FiscalAuthority.FURS, w.invoicing);
        FursData claimed = new FursData("PP1", "B1", "C", "7", null, Fixtures.NOW, "0123456789abcdef0123456789abcdef",
                null, null, FiscalStatus.FAILED, "earlier");
        Document draft = docs.create(Fixtures.draft(DocumentType.INVOICE).toBuilder().furs(claimed).build());
        assertThatThrownBy(() -> docs.retryFiscalization(draft.id()))
                .isInstanceOfSatisfying(DocumentStateException.class,
                        e -> assertThat(e.rule()).isEqualTo(LifecycleRule.FISCALIZE_RETRY_FAILED_ONLY));
        assertThat(docs.update(draft.id(), DocumentPatch.builder().note("n").build()).note()).isEqualTo("n");
        assertThat(w.gateway.submissions()).isEmpty();
    }
}
