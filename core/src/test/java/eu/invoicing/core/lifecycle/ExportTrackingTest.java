package eu.invoicing.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.query.QueryParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Export tracking for accounting systems (docs/lifecycle.md, "Decisions where the spec is silent", Export). */
class ExportTrackingTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Fixtures.NOW);
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final EntityDocuments docs = Invoicing.builder().clock(clock).build().entity(Fixtures.entityA());

    @Test
    void notExported_listsFinalizedOnlyUnlessDraftsAsked() {
        Document fin = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        Document draft = docs.create(Fixtures.draft(DocumentType.INVOICE));
        assertThat(docs.notExported(DocumentType.INVOICE, NotExportedRequest.of("erp"))).extracting(Document::id)
                .containsExactly(fin.id());
        assertThat(docs.notExported(DocumentType.INVOICE, new NotExportedRequest("erp", null, true, null)))
                .extracting(Document::id).containsExactlyInAnyOrder(fin.id(), draft.id());
    }

    @Test
    void markExported_hidesFromThatSystemOnlyAndNotesTheTimeline() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        docs.markExported(List.of(new ExportMark(d.id(), "erp", "synced")));
        assertThat(docs.notExported(DocumentType.INVOICE, NotExportedRequest.of("erp"))).isEmpty();
        assertThat(docs.notExported(DocumentType.INVOICE, NotExportedRequest.of("bookkeeping"))).hasSize(1);
        var last = docs.timeline(d.id()).get(docs.timeline(d.id()).size() - 1);
        assertThat(last.type().wireValue()).isEqualTo("exported");
        assertThat(last.note()).isEqualTo("erp: synced");
    }

    @Test
    void notExportedSince_reListsDocumentsExportedBeforeThatTime() {
        Document d = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        docs.markExported(List.of(new ExportMark(d.id(), "erp", null)));
        Instant later = Fixtures.NOW.plusSeconds(3600);
        assertThat(docs.notExported(DocumentType.INVOICE, new NotExportedRequest("erp", later, false, null)))
                .hasSize(1);
        assertThat(docs.notExported(DocumentType.INVOICE, new NotExportedRequest("erp", Fixtures.NOW, false, null)))
                .isEmpty();
    }

    @Test
    void notExported_filtersOnCreatedAtAndRefusesOtherFields() {
        Document old = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        now.set(Fixtures.NOW.plusSeconds(86_400));
        Document fresh = docs.create(Fixtures.finalDoc(DocumentType.INVOICE));
        var filter = QueryParser.parse("{\"created_at\": {\"gte\": \"2026-03-16T00:00:00Z\"}}");
        assertThat(docs.notExported(DocumentType.INVOICE, new NotExportedRequest("erp", null, false, filter)))
                .extracting(Document::id).containsExactly(fresh.id());
        var bad = QueryParser.parse("{\"total\": {\"gte\": 1}}");
        assertThatThrownBy(() -> docs.notExported(DocumentType.INVOICE, new NotExportedRequest("erp", null, false,
                bad))).isInstanceOf(ValidationException.class).hasMessageContaining("total");
        assertThat(old.id()).isNotNull();
    }

    @Test
    void markExported_moreThanTenOrUnknown_isRefusedAndMarksNothing() {
        List<ExportMark> marks = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            marks.add(new ExportMark(docs.create(Fixtures.finalDoc(DocumentType.INVOICE)).id(), "erp", null));
        }
        assertThatThrownBy(() -> docs.markExported(marks)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 10");
        List<ExportMark> withUnknown = new ArrayList<>(marks.subList(0, 2));
        withUnknown.add(new ExportMark(DocumentId.parse("inv_000000000000000000000000"), "erp", null));
        assertThatThrownBy(() -> docs.markExported(withUnknown)).isInstanceOf(NotFoundException.class);
        assertThat(docs.notExported(DocumentType.INVOICE, NotExportedRequest.of("erp"))).hasSize(11);
        assertThatThrownBy(() -> docs.notExported(DocumentType.INVOICE, NotExportedRequest.of(" ")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void notExported_pagesThroughMoreThanOnePage() {
        for (int i = 0; i < 230; i++) {
            docs.create(Fixtures.finalDoc(DocumentType.CREDIT_NOTE));
        }
        assertThat(docs.notExported(DocumentType.CREDIT_NOTE, NotExportedRequest.of("erp"))).hasSize(230)
                .doesNotHaveDuplicates();
    }
}
