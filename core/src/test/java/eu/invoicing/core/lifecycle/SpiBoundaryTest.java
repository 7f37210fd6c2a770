package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.LifecycleRule;
import eu.invoicing.core.SpiException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.memory.InMemoryTransactor;
import eu.invoicing.core.memory.SecureRandomIdGenerator;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentField;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.spi.IdGenerator;
import eu.invoicing.core.spi.Transactor;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Only what the host's SPI implementations throw is reported as {@link SpiException}; bad input is a
 * {@link ValidationException} naming the field, and the library's own faults are never blamed on the host.
 */
class SpiBoundaryTest {
    private final Invoicing invoicing = Fixtures.invoicing();
    private final EntityDocuments docs = invoicing.entity(Fixtures.entityA());

    private static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void list_withForgedCursorOfAnotherValueTypeForTheSortField_isInvalidCursorNotSpiFailure() {
        for (int i = 0; i < 3; i++) {
            docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        }
        String forged = cursor("{\"o\":\"date,id\",\"d\":\"n\",\"k\":[[\"s\",\"yesterday\"],[\"s\",\"inv_1\"]]}");
        assertThatThrownBy(() -> docs.list(DocumentType.INVOICE, DocumentQuery.builder().orderBy("date")
                .nextCursor(forged).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.code()).isEqualTo("invalid_cursor");
                        assertThat(v.path()).isEqualTo("next_cursor");
                    });
                });
    }

    @Test
    void update_withPatchValueOfTheWrongType_isValidationErrorNamingTheField() {
        Document d = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertThatThrownBy(() -> docs.update(d.id(), DocumentPatch.builder()
                .set(DocumentField.DATE, "2026-01-01").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo("date");
                            assertThat(v.code()).isEqualTo("invalid_type");
                            assertThat(v.message()).contains("2026-01-01");
                        }));
        assertThatThrownBy(() -> docs.update(d.id(), DocumentPatch.builder()
                .set(DocumentField.ITEMS, List.of(Fixtures.item("a", "1"), "not an item")).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).path())
                        .isEqualTo("items[1]"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("erp", 42);
        assertThatThrownBy(() -> docs.update(d.id(), DocumentPatch.builder()
                .set(DocumentField.METADATA, meta).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).path())
                        .isEqualTo("metadata.erp"));
        assertThatThrownBy(() -> docs.update(d.id(), DocumentPatch.builder()
                .set(DocumentField.CUSTOMER, "Acme").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).path())
                        .isEqualTo("customer"));
        assertThat(docs.get(d.id())).isEqualTo(d);
        assertThat(docs.update(d.id(), DocumentPatch.builder().set(DocumentField.DATE,
                LocalDate.parse("2026-01-02")).build()).date()).isEqualTo("2026-01-02");
    }

    @Test
    void write_whenTheLibrarysOwnWorkFails_isNotReportedAsSpiFailure() {
        Scope s = new Scope(invoicing, Fixtures.entityA(), null);
        assertThatThrownBy(() -> s.write("working", () -> {
            throw new IllegalStateException("library fault");
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("library fault");
        assertThatThrownBy(() -> s.read("reading", () -> {
            throw new ArithmeticException("library fault");
        })).isExactlyInstanceOf(ArithmeticException.class);
    }

    @Test
    void write_whenTheHostTransactorFailsAtCommit_isSpiExceptionWithItsCause() {
        IllegalStateException commit = new IllegalStateException("commit refused");
        Transactor failing = new Transactor() {
            @Override
            public <T> T inTransaction(String entityId, Supplier<T> work) {
                work.get();
                throw commit;
            }
        };
        EntityDocuments tx = Invoicing.builder().clock(Fixtures.clock()).transactor(failing).build()
                .entity(Fixtures.entityA());
        assertThatThrownBy(() -> tx.create(Fixtures.draft(DocumentType.INVOICE)))
                .isInstanceOf(SpiException.class).hasCause(commit);
    }

    @Test
    void write_whenTheHostTransactorRethrowsTheWorksOwnFailure_passesItThroughUnchanged() {
        InMemoryTransactor memory = new InMemoryTransactor();
        Transactor wrapping = new Transactor() {
            @Override
            public <T> T inTransaction(String entityId, Supplier<T> work) {
                try {
                    return memory.inTransaction(entityId, work);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("rolled back", e);
                }
            }
        };
        EntityDocuments tx = Invoicing.builder().clock(Fixtures.clock()).transactor(wrapping)
                .store(new InMemoryDocumentStore(memory)).build().entity(Fixtures.entityA());
        Document d = tx.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertThatThrownBy(() -> tx.delete(d.id())).isInstanceOfSatisfying(
                eu.invoicing.core.DocumentStateException.class,
                e -> assertThat(e.rule()).isEqualTo(LifecycleRule.DELETE_DRAFT_ONLY));
    }

    @Test
    void write_whenTheHostTransactorSwallowsTheWorksFailure_isSpiExceptionNotASilentSuccess() {
        InMemoryTransactor memory = new InMemoryTransactor();
        Transactor swallowing = new Transactor() {
            @Override
            public <T> T inTransaction(String entityId, Supplier<T> work) {
                try {
                    return memory.inTransaction(entityId, work);
                } catch (RuntimeException e) {
                    return null;
                }
            }
        };
        EntityDocuments tx = Invoicing.builder().clock(Fixtures.clock()).transactor(swallowing)
                .store(new InMemoryDocumentStore(memory)).build().entity(Fixtures.entityA());
        Document d = tx.create(Fixtures.finalDoc(DocumentType.INVOICE));
        assertThatThrownBy(() -> tx.delete(d.id())).isInstanceOf(SpiException.class)
                .hasCauseInstanceOf(eu.invoicing.core.DocumentStateException.class);
    }

    @Test
    void get_whenTheStoreAnswersWithAnotherDocument_isSpiException() {
        InMemoryDocumentStore memory = new InMemoryDocumentStore();
        EntityDocuments real = Invoicing.builder().store(memory).clock(Fixtures.clock()).build()
                .entity(Fixtures.entityA());
        Document a = real.create(Fixtures.draft(DocumentType.INVOICE));
        Document b = real.create(Fixtures.draft(DocumentType.INVOICE));
        ForwardingStore confused = new ForwardingStore(memory) {
            @Override
            public java.util.Optional<Document> find(String entityId, DocumentId id) {
                return memory.find(entityId, b.id());
            }
        };
        EntityDocuments viaConfused = Invoicing.builder().store(confused).build().entity(Fixtures.entityA());
        assertThatThrownBy(() -> viaConfused.get(a.id())).isInstanceOf(SpiException.class)
                .hasMessageContaining(b.id().value());
    }

    @Test
    void create_whenTheIdGeneratorBreaksItsContract_isSpiException() {
        IdGenerator broken = new IdGenerator() {
            @Override
            public String newId(String prefix) {
                return "not-an-id";
            }

            @Override
            public String newToken() {
                return new SecureRandomIdGenerator().newToken();
            }
        };
        EntityDocuments ids = Invoicing.builder().clock(Fixtures.clock()).ids(broken).build()
                .entity(Fixtures.entityA());
        assertThatThrownBy(() -> ids.create(Fixtures.draft(DocumentType.INVOICE))).isInstanceOf(SpiException.class)
                .hasMessageContaining("IdGenerator");
    }

    @Test
    void get_whenTheStoreReturnsNullOrThrows_isSpiException() {
        InMemoryDocumentStore memory = new InMemoryDocumentStore();
        Document d = Invoicing.builder().store(memory).clock(Fixtures.clock()).build().entity(Fixtures.entityA())
                .create(Fixtures.draft(DocumentType.INVOICE));
        ForwardingStore nulls = new ForwardingStore(memory) {
            @Override
            public java.util.Optional<Document> find(String entityId, DocumentId id) {
                return null;
            }
        };
        EntityDocuments viaNulls = Invoicing.builder().store(nulls).build().entity(Fixtures.entityA());
        assertThatThrownBy(() -> viaNulls.get(d.id())).isInstanceOf(SpiException.class)
                .hasMessageContaining("DocumentStore.find");
        ForwardingStore throwing = new ForwardingStore(memory) {
            @Override
            public List<eu.invoicing.core.version.TimelineEvent> events(String entityId, DocumentId id) {
                throw new UnsupportedOperationException("no timelines here");
            }
        };
        EntityDocuments viaThrowing = Invoicing.builder().store(throwing).build().entity(Fixtures.entityA());
        assertThatThrownBy(() -> viaThrowing.timeline(d.id())).isInstanceOf(SpiException.class)
                .hasCauseInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void update_withItemsNotALineItemList_isValidationErrorAtTheBuilder() {
        assertThatThrownBy(() -> DocumentPatch.builder().set(DocumentField.ITEMS, "x"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DocumentPatch.builder().items(java.util.Arrays.asList((LineItem) null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations().get(0).path())
                        .isEqualTo("items[0]"));
    }

    @Test
    void create_whenTheHostClockThrowsOrAnswersNull_isSpiException() {
        java.time.Clock throwing = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                throw new IllegalStateException("clock source down");
            }
        };
        EntityDocuments viaThrowing = Invoicing.builder().clock(throwing).build().entity(Fixtures.entityA());
        assertThatThrownBy(() -> viaThrowing.create(Fixtures.draft(DocumentType.INVOICE)))
                .isInstanceOf(SpiException.class).hasMessageContaining("Clock.instant")
                .hasCauseInstanceOf(IllegalStateException.class);
        java.time.Clock noZone = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return null;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return Fixtures.NOW;
            }
        };
        EntityDocuments viaNoZone = Invoicing.builder().clock(noZone).build().entity(Fixtures.entityA());
        assertThatThrownBy(() -> viaNoZone.create(Fixtures.draft(DocumentType.INVOICE)))
                .isInstanceOf(SpiException.class).hasMessageContaining("Clock.getZone");
    }

    @Test
    void get_whenTheStoreAnswersWithAnotherEntitysDocument_isSpiException() {
        InMemoryDocumentStore memory = new InMemoryDocumentStore();
        Invoicing shared = Invoicing.builder().store(memory).clock(Fixtures.clock()).build();
        Document other = shared.entity(Fixtures.entityB()).create(Fixtures.draft(DocumentType.INVOICE));
        ForwardingStore leaking = new ForwardingStore(memory) {
            @Override
            public java.util.Optional<Document> find(String entityId, DocumentId id) {
                return memory.find(Fixtures.entityB().id(), id);
            }

            @Override
            public eu.invoicing.core.query.Page<Document> list(String entityId, DocumentType type,
                    DocumentQuery query) {
                return memory.list(Fixtures.entityB().id(), type, query);
            }
        };
        EntityDocuments viaLeaking = Invoicing.builder().store(leaking).build().entity(Fixtures.entityA());
        assertThatThrownBy(() -> viaLeaking.get(other.id())).isInstanceOf(SpiException.class)
                .hasMessageContaining("another entity");
        assertThatThrownBy(() -> viaLeaking.list(DocumentType.INVOICE, DocumentQuery.all()))
                .isInstanceOf(SpiException.class).hasMessageContaining("another entity");
    }

    @Test
    void create_whenTheCustomerDirectoryAnswersWithAnotherEntitysCustomer_isSpiException() {
        eu.invoicing.core.spi.CustomerDirectory leaking = new eu.invoicing.core.spi.CustomerDirectory() {
            private final eu.invoicing.core.spi.Customer foreign = new eu.invoicing.core.spi.Customer("cus_1",
                    Fixtures.entityB().id(), eu.invoicing.core.model.Party.builder().name("Foreign").build());

            @Override
            public java.util.Optional<eu.invoicing.core.spi.Customer> find(String entityId, String customerId) {
                return java.util.Optional.of(foreign);
            }

            @Override
            public java.util.Optional<eu.invoicing.core.spi.Customer> findByTaxNumber(String entityId,
                    String taxNumber) {
                return java.util.Optional.of(foreign);
            }

            @Override
            public java.util.Optional<eu.invoicing.core.spi.Customer> findByName(String entityId, String name) {
                return java.util.Optional.of(foreign);
            }
        };
        EntityDocuments viaLeaking = Invoicing.builder().clock(Fixtures.clock()).customers(leaking).build()
                .entity(Fixtures.entityA());
        DocumentDraft byId = DocumentDraft.builder(DocumentType.INVOICE).customerId("cus_1")
                .item(Fixtures.item("x", "10")).build();
        assertThatThrownBy(() -> viaLeaking.create(byId)).isInstanceOf(SpiException.class)
                .hasMessageContaining("CustomerDirectory.find").hasMessageContaining("another entity");
        DocumentDraft byName = DocumentDraft.builder(DocumentType.INVOICE)
                .customer(eu.invoicing.core.model.Party.builder().name("Foreign").build())
                .item(Fixtures.item("x", "10")).build();
        assertThatThrownBy(() -> viaLeaking.create(byName)).isInstanceOf(SpiException.class)
                .hasMessageContaining("CustomerDirectory.findByName");
    }

    @Test
    void versions_whenTheVersionStoreAnswersWithAnotherDocumentsVersions_isSpiException() {
        eu.invoicing.core.memory.InMemoryVersionStore memory = new eu.invoicing.core.memory.InMemoryVersionStore();
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        EntityDocuments real = Invoicing.builder().store(store).versions(memory).clock(Fixtures.clock()).build()
                .entity(Fixtures.entityA());
        Document a = real.create(Fixtures.draft(DocumentType.INVOICE));
        Document b = real.create(Fixtures.draft(DocumentType.INVOICE));
        real.update(b.id(), DocumentPatch.builder().note("changed").build());
        eu.invoicing.core.spi.VersionStore confused = new eu.invoicing.core.spi.VersionStore() {
            @Override
            public void append(String entityId, eu.invoicing.core.version.DocumentVersion version) {
                memory.append(entityId, version);
            }

            @Override
            public List<eu.invoicing.core.version.DocumentVersion> list(String entityId, DocumentId documentId) {
                return memory.list(entityId, b.id());
            }

            @Override
            public java.util.Optional<eu.invoicing.core.version.DocumentVersion> find(String entityId,
                    DocumentId documentId, int version) {
                return memory.find(entityId, b.id(), version);
            }

            @Override
            public int count(String entityId, DocumentId documentId) {
                return memory.count(entityId, b.id());
            }
        };
        EntityDocuments viaConfused = Invoicing.builder().store(store).versions(confused).build()
                .entity(Fixtures.entityA());
        assertThatThrownBy(() -> viaConfused.versions(a.id())).isInstanceOf(SpiException.class)
                .hasMessageContaining("VersionStore.list").hasMessageContaining(b.id().value());
        assertThatThrownBy(() -> viaConfused.version(a.id(), 1)).isInstanceOf(SpiException.class)
                .hasMessageContaining("VersionStore.find");
        assertThat(real.versions(b.id()).count()).isEqualTo(1);
    }
}
