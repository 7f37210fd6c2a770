package eu.invoicing.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.ValidationException;
import eu.invoicing.core.lifecycle.DocumentPatch;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.lifecycle.NotExportedRequest;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.testing.SharedFiles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The reference's response shapes, written by the library (issue 11, "Shapes that differ from the reference"). */
class ResponseJsonTest {
    /** A clock with sub-millisecond digits: Instant.toString() would print them, the reference never does. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T10:00:00.123456789Z"), ZoneOffset.UTC);
    private static final Pattern MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    private final Invoicing invoicing = Invoicing.builder().clock(CLOCK).build();
    private final EntityDocuments docs = invoicing.entity(Entity.sampleSlovenian());

    private Document draft() {
        return docs.create(DocumentDraft.builder(DocumentType.ESTIMATE).draft(true)
                .item(LineItem.builder().name("Consulting").quantity("1").price("100").tax("22").build()).build());
    }

    /** The reference's version example: {@code "created_at": "2025-01-14T15:00:00.000Z"}. */
    @Test
    void versions_timestamps_inMillisecondsAsTheReference() {
        Document d = draft();
        docs.update(d.id(), DocumentPatch.builder().note("Revised").changeReason("Revised scope").build());
        ObjectNode versions = ResponseJson.versions(docs.versions(d.id()));
        assertThat(versions.get("count").asInt()).isEqualTo(1);
        JsonNode v = versions.get("versions").get(0);
        assertThat(v.get("created_at").asText()).isEqualTo("2026-03-15T10:00:00.123Z");
        assertThat(names(v)).containsExactly("id", "document_type", "document_id", "version", "snapshot",
                "changed_fields", "user", "reason", "created_at");
        assertThat(ResponseJson.version(docs.version(d.id(), 1)).get("created_at").asText()).matches(MILLIS);
    }

    /** The reference writes every timestamp as {@code 2025-03-15T00:00:00.000Z}; the timeline follows. */
    @Test
    void timeline_timestamps_inMilliseconds() {
        Document d = draft();
        docs.finalizeDocument(d.id());
        for (JsonNode e : ResponseJson.timeline(docs.timeline(d.id())).get("timeline")) {
            assertThat(e.get("at").asText()).isEqualTo("2026-03-15T10:00:00.123Z");
        }
    }

    /** The reference's next-number returns: "number string nullable, furs object nullable, fina object nullable, pt object nullable". */
    @Test
    void nextNumber_hasTheReferencesKeysIncludingPt() {
        ObjectNode n = ResponseJson.nextNumber(docs.nextNumber(DocumentType.INVOICE, null, null, null));
        assertThat(names(n)).containsExactly("number", "furs", "fina", "pt");
        assertThat(n.get("pt").isNull()).isTrue();
        assertThat(n.get("number").asText()).isEqualTo("2026-00001");
    }

    /** Export tracking: "invoices.* | Yes | An array of object invoice". */
    @Test
    void notExported_underTheReferencesInvoicesKey() {
        assertThat(SharedFiles.read("reference/export-tracking-api.txt")).contains("invoices.* | Yes | An array of object invoice");
        docs.create(DocumentDraft.builder(DocumentType.INVOICE).draft(false)
                .item(LineItem.builder().name("A").quantity("1").price("10").tax("22").build()).build());
        ObjectNode out = ResponseJson.notExported(docs.notExported(DocumentType.INVOICE,
                new NotExportedRequest("erp", null, false, null)));
        assertThat(names(out)).containsExactly("invoices");
        assertThat(out.get("invoices")).hasSize(1);
    }

    /** The reference's list: "data array of objects, pagination object" with total, next_cursor, prev_cursor, has_more. */
    @Test
    void page_dataAndPaginationAsTheReference() {
        draft();
        ObjectNode out = ResponseJson.page(docs.list(DocumentType.ESTIMATE, DocumentQuery.all()));
        assertThat(names(out)).containsExactly("data", "pagination");
        assertThat(names(out.get("pagination"))).containsExactly("total", "next_cursor", "prev_cursor", "has_more");
        assertThat(out.get("pagination").get("total").asInt()).isEqualTo(1);
        assertThat(out.get("pagination").get("has_more").asBoolean()).isFalse();
        assertThat(out.get("data").get(0).get("created_at").asText()).matches(MILLIS);
    }

    @Test
    void error_validationListsEveryViolation_othersTheirType() {
        ObjectNode v = ResponseJson.error(new ValidationException(List.of(
                eu.invoicing.core.Violation.of("items[0].price", "required", "is required"),
                eu.invoicing.core.Violation.of("date", "invalid_date", "bad"))));
        assertThat(v.get("error").get("type").asText()).isEqualTo("validation_error");
        assertThat(v.get("error").get("errors")).hasSize(2);
        assertThat(v.get("error").get("errors").get(1).get("path").asText()).isEqualTo("date");
        ObjectNode nf = ResponseJson.error(new NotFoundException("no such document"));
        assertThat(nf.get("error").get("type").asText()).isEqualTo("not_found");
        assertThat(nf.get("error").get("errors")).isEmpty();
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
