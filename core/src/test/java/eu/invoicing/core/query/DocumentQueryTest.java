package eu.invoicing.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentRelation;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.model.Payment;
import eu.invoicing.core.model.PaymentType;
import eu.invoicing.core.model.RelationType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every operator, field, sort, search and paging rule of the list query, on the in-memory store. */
class DocumentQueryTest {
    private static final String ENTITY = "ent_q";
    private final InMemoryDocumentStore store = new InMemoryDocumentStore();

    private static Document doc(int n, String customer, String city, String total, String date, String item,
            Map<String, String> meta) {
        Document.Builder b = Document.builder(DocumentType.INVOICE)
                .id(new DocumentId(DocumentType.INVOICE, String.format("inv_%024d", n))).entityId(ENTITY)
                .number("2026-0000" + n).date(LocalDate.parse(date)).dateDue(LocalDate.parse(date).plusDays(30))
                .customer(customer == null ? null : Party.builder().name(customer).city(city)
                        .email(customer.toLowerCase() + "@example.com").country("Slovenia").address("Main " + n)
                        .build())
                .total(new BigDecimal(total)).totalWithTax(new BigDecimal(total).multiply(new BigDecimal("1.22")))
                .item(LineItem.builder().name(item).description("desc " + item).quantity("1").price(total).build())
                .metadata(meta).createdAt(Instant.parse("2026-01-0" + n + "T08:00:00Z"))
                .updatedAt(Instant.parse("2026-02-0" + n + "T08:00:00Z"));
        return b.build();
    }

    @BeforeEach
    void fill() {
        store.save(doc(1, "Acme d.o.o.", "Ljubljana", "100", "2025-01-10", "Consulting", Map.of("erp", "A-1")));
        store.save(doc(2, "Beta GmbH", "Wien", "250.50", "2025-06-01", "Hosting", Map.of("erp", "B-2")));
        store.save(doc(3, "acme labs", "Maribor", "1000", "2025-12-31", "Licence", Map.of()));
        store.save(doc(4, null, null, "5", "2026-01-05", "Coffee", Map.of("note", "walk-in")).toBuilder()
                .payments(List.of(new Payment("pay_1", null, new BigDecimal("6.10"), PaymentType.CASH,
                        LocalDate.parse("2026-01-05"), null, null, null, null, null)))
                .totalPaid(new BigDecimal("6.10")).paidInFull(true)
                .documentRelations(List.of(new DocumentRelation(RelationType.HAS_CREDIT, DocumentId.parse("cre_1"),
                        DocumentType.CREDIT_NOTE, null, null)))
                .voidedAt(Instant.parse("2026-01-06T00:00:00Z")).build());
        store.save(doc(5, "Cyan", "Koper", "100.00", "2026-02-01", "Consulting", Map.of("erp", "C-3")).toBuilder()
                .deletedAt(Instant.parse("2026-02-02T00:00:00Z")).build());
    }

    private List<Integer> query(String json) {
        return numbers(store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().query(json)
                .orderBy("id").limit(100).build()));
    }

    private static List<Integer> numbers(Page<Document> page) {
        return page.data().stream().map(d -> Integer.parseInt(d.id().value().substring(4))).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"number\": \"2026-00001\"}|1",
        "{\"number\": {\"equals\": \"2026-00002\"}}|2",
        "{\"id\": \"inv_000000000000000000000003\"}|3",
        "{\"total\": 100}|1",
        "{\"total\": {\"gte\": 250.5}}|2,3",
        "{\"total\": {\"gt\": 250.5}}|3",
        "{\"total\": {\"lte\": \"100\"}}|1,4",
        "{\"total\": {\"lt\": 100}}|4",
        "{\"total\": {\"gte\": 6, \"lte\": 300}}|1,2",
        "{\"total_with_tax\": {\"between\": [100, 400]}}|1,2",
        "{\"date\": {\"between\": [\"2025-01-01\", \"2025-12-31\"]}}|1,2,3",
        "{\"date\": {\"gte\": \"2025-12-31T00:00:00.000Z\"}}|3,4",
        "{\"date_due\": \"2025-02-09\"}|1",
        "{\"customer.name\": {\"contains\": \"ACME\"}}|1,3",
        "{\"customer.name\": {\"startsWith\": \"acme\"}}|1,3",
        "{\"customer.name\": {\"endsWith\": \"GMBH\"}}|2",
        "{\"customer.name\": {\"in\": [\"Beta GmbH\", \"acme labs\"]}}|2,3",
        "{\"customer.name\": {\"notIn\": [\"Beta GmbH\"]}}|1,3,4",
        "{\"customer.name\": null}|4",
        "{\"customer\": \"Acme d.o.o.\"}|1",
        "{\"customer.city\": \"Wien\"}|2",
        "{\"customer.email\": {\"startsWith\": \"BETA\"}}|2",
        "{\"customer.address\": {\"endsWith\": \" 3\"}}|3",
        "{\"customer.country\": {\"contains\": \"sloven\"}}|1,2,3",
        "{\"items.name\": {\"contains\": \"consult\"}}|1",
        "{\"items.description\": \"desc Hosting\"}|2",
        "{\"payments.type\": \"cash\"}|4",
        "{\"payments.date\": {\"gte\": \"2026-01-01\"}}|4",
        "{\"document_relations.relation_type\": \"has_credit\"}|4",
        "{\"document_relations.target_type\": {\"in\": [\"credit_note\"]}}|4",
        "{\"metadata\": {\"erp\": \"A-1\"}}|1",
        "{\"metadata.erp\": {\"startsWith\": \"b\"}}|2",
        "{\"metadata\": {\"contains\": \"walk\"}}|4",
        "{\"created_at\": {\"gte\": \"2026-01-03\"}}|3,4",
        "{\"updated_at\": {\"lt\": \"2026-02-02T00:00:00Z\"}}|1",
        "{\"paid_in_full\": true}|4",
        "{\"voided_at\": null}|1,2,3",
        "{\"voided_at\": {\"gt\": \"2026-01-01\"}}|4",
        "{\"total_paid\": {\"gt\": 6}}|4",
        "{\"date_valid_till\": null}|1,2,3,4"
    })
    void list_operatorsAndFields_selectTheMatchingDocuments(String json, String expected) {
        List<Integer> want = java.util.Arrays.stream(expected.split(",")).map(Integer::parseInt).toList();
        assertThat(query(json)).containsExactlyElementsOf(want);
    }

    @Test
    void list_unknownField_isAValidationErrorNamingIt() {
        assertThatThrownBy(() -> query("{\"secret\": 1}")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).path()).isEqualTo("query.secret"));
    }

    @Test
    void list_unknownOperator_isAValidationErrorNamingIt() {
        assertThatThrownBy(() -> query("{\"total\": {\"regex\": \"1.*\"}}"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).path()).isEqualTo("query.total.regex");
                    assertThat(e.violations().get(0).code()).isEqualTo("unknown_operator");
                });
    }

    @Test
    void list_badValues_areValidationErrors() {
        assertThatThrownBy(() -> query("{\"total\": {\"gte\": \"abc\"}}")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> query("{\"date\": {\"between\": [\"2025-01-01\"]}}"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> query("{\"total\": {\"contains\": \"1\"}}")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> query("not json")).isInstanceOf(ValidationException.class);
    }

    @Test
    void list_trash_onlyWithDeleted() {
        Page<Document> trash = store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().deleted(true).build());
        assertThat(numbers(trash)).containsExactly(5);
    }

    @Test
    void list_search_isCaseInsensitiveOverTextAndMetadataValues() {
        assertThat(numbers(store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().search("WALK-IN")
                .build()))).containsExactly(4);
        assertThat(numbers(store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().search("maribor")
                .build()))).containsExactly(3);
        assertThat(numbers(store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().search("hosting")
                .build()))).containsExactly(2);
    }

    @Test
    void list_sortByManyFieldsWithDescending() {
        Page<Document> p = store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder()
                .orderBy("-total,date").build());
        assertThat(numbers(p)).containsExactly(3, 2, 1, 4);
        Page<Document> byCustomer = store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder()
                .orderBy("customer.name").build());
        assertThat(numbers(byCustomer)).containsExactly(4, 1, 2, 3);
    }

    @Test
    void list_defaultOrderIsNewestFirstAndDefaultLimitIsTen() {
        for (int i = 0; i < 20; i++) {
            store.save(doc(6, "x", "y", "1", "2026-01-01", "i", Map.of()).toBuilder()
                    .id(new DocumentId(DocumentType.INVOICE, String.format("inv_%024d", 100 + i))).build());
        }
        Page<Document> p = store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.all());
        assertThat(p.data()).hasSize(10);
        assertThat(p.total()).isEqualTo(24);
        assertThat(p.hasMore()).isTrue();
        assertThat(p.prevCursor()).isNull();
    }

    @Test
    void list_limitAboveHundred_isRefused() {
        assertThatThrownBy(() -> DocumentQuery.builder().limit(101).build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> DocumentQuery.builder().limit(0).build()).isInstanceOf(ValidationException.class);
    }

    @Test
    void list_withoutTotalCount_reportsMinusOne() {
        assertThat(store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().includeTotalCount(false).build())
                .total()).isEqualTo(-1);
    }

    @Test
    void cursor_fromAnotherOrdering_isAValidationError() {
        Page<Document> p = store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().orderBy("total")
                .limit(2).build());
        assertThat(p.nextCursor()).isNotNull();
        assertThatThrownBy(() -> DocumentQuery.builder().orderBy("-total").nextCursor(p.nextCursor()).build())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("cursor_ordering_mismatch"));
        assertThatThrownBy(() -> DocumentQuery.builder().nextCursor("garbage!").build())
                .isInstanceOf(ValidationException.class);
        Page<Document> second = store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().orderBy("total")
                .limit(2).nextCursor(p.nextCursor()).build());
        assertThat(numbers(second)).containsExactly(2, 3);
        assertThat(p.nextCursor()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void orderBy_multiValuedOrUnknownField_isRefused() {
        assertThatThrownBy(() -> SortOrder.parse("items.name")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SortOrder.parse("-nope")).isInstanceOf(ValidationException.class);
        assertThat(SortOrder.parse("-date,number").canonical()).isEqualTo("-date,number,id");
    }

    @Test
    void include_unknown_isRefused() {
        assertThatThrownBy(() -> DocumentQuery.builder().include(List.of("lines")).build())
                .isInstanceOf(ValidationException.class);
    }
}
