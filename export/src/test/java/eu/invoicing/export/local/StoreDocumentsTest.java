package eu.invoicing.export.local;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.export.ExportPeriod;
import eu.invoicing.export.spi.ExportSource;
import eu.invoicing.export.testing.SampleDocuments;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreDocumentsTest {

    private static final String ENTITY = SampleDocuments.ENTITY.id();
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();
    private List<Document> invoices;

    @BeforeEach
    void setUp() {
        invoices = SampleDocuments.stream(DocumentType.INVOICE, 250).collect(Collectors.toList());
        invoices.forEach(store::save);
        SampleDocuments.stream(DocumentType.CREDIT_NOTE, 7).forEach(store::save);
        Document otherEntity = SampleDocuments.document(DocumentType.INVOICE, 999, LocalDate.of(2024, 6, 3)).toBuilder()
                .entityId("ent_other").build();
        store.save(otherEntity);
    }

    @Test
    void stream_moreThanOnePage_yieldsEveryDocumentOnceInQueryOrder() {
        DocumentQuery byNumber = DocumentQuery.builder().orderBy("created_at").build();
        List<Document> streamed = StoreDocuments.of(store).stream(ENTITY, DocumentType.INVOICE, byNumber)
                .collect(Collectors.toList());
        assertThat(streamed).hasSize(250).doesNotHaveDuplicates();
        assertThat(streamed).isSortedAccordingTo(Comparator.comparing(Document::createdAt));
        assertThat(StoreDocuments.of(store).count(ENTITY, DocumentType.INVOICE, byNumber)).isEqualTo(250);
    }

    @Test
    void byKinds_periodAcrossKinds_sizeMatchesStreamAndScopedToEntity() {
        ExportPeriod period = ExportPeriod.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 10));
        ExportSource<Document> source = StoreDocuments.of(store).byKinds(ENTITY,
                Set.of(DocumentType.CREDIT_NOTE, DocumentType.INVOICE), period);
        List<Document> docs = source.stream().collect(Collectors.toList());
        assertThat(docs).hasSize(source.size());
        assertThat(docs).allMatch(d -> period.contains(d.date()) && ENTITY.equals(d.entityId()));
        long expectedInvoices = invoices.stream().filter(d -> period.contains(d.date())).count();
        assertThat(docs.stream().filter(d -> d.type() == DocumentType.INVOICE).count()).isEqualTo(expectedInvoices);
        assertThat(docs.get(0).type()).isEqualTo(DocumentType.INVOICE);
        assertThat(docs.get(docs.size() - 1).type()).isEqualTo(DocumentType.CREDIT_NOTE);
    }

    @Test
    void byIds_missingIdsLeftOutInGivenOrder() {
        List<DocumentId> ids = List.of(invoices.get(5).id(), new DocumentId(DocumentType.INVOICE, "inv_ffff"),
                invoices.get(2).id());
        ExportSource<Document> source = StoreDocuments.of(store).byIds(ENTITY, ids);
        assertThat(source.size()).isEqualTo(2);
        assertThat(source.stream().map(Document::id)).containsExactly(invoices.get(5).id(), invoices.get(2).id());
    }
}
