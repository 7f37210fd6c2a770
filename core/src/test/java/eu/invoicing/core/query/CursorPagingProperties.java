package eu.invoicing.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Party;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Walking every page forward, and then backward from the last page, in any allowed ordering returns every
 * matching document exactly once, in the ordering's order.
 */
class CursorPagingProperties {
    private static final String ENTITY = "ent_paging";
    private static final List<String> SORTABLE = List.of("id", "number", "date", "customer.name", "total",
            "total_with_tax", "created_at", "updated_at", "paid_in_full", "voided_at", "total_paid", "date_due",
            "metadata.tag");

    record Row(int total, String customer, int day, int created, boolean paid, String tag) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.of("Acme", "beta", "Cyan", ""),
                Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 3), Arbitraries.of(true, false),
                Arbitraries.of("x", "y", "none")).as(Row::new).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<String>> orderings() {
        Arbitrary<String> field = Arbitraries.of(SORTABLE).flatMap(f -> Arbitraries.of(f, "-" + f));
        return field.list().ofMinSize(1).ofMaxSize(3).uniqueElements(f -> f.replace("-", ""));
    }

    @Property(tries = 60)
    void walkingAllPages_forwardAndBackward_returnsEveryMatchingDocumentExactlyOnce(
            @ForAll("rows") List<Row> rows, @ForAll("orderings") List<String> order,
            @ForAll @IntRange(min = 1, max = 7) int limit, @ForAll boolean filtered) {
        InMemoryDocumentStore store = new InMemoryDocumentStore();
        int n = 0;
        for (Row r : rows) {
            n++;
            Document.Builder b = Document.builder(DocumentType.INVOICE)
                    .id(new DocumentId(DocumentType.INVOICE, String.format("inv_%024x", n * 7919L % 1000003)))
                    .entityId(ENTITY).number(n % 5 == 0 ? null : "N-" + (n % 9))
                    .date(LocalDate.of(2026, 1, r.day())).dateDue(r.day() == 2 ? null : LocalDate.of(2026, 2, r.day()))
                    .customer(r.customer().isEmpty() ? null : Party.named(r.customer()))
                    .total(BigDecimal.valueOf(r.total())).totalWithTax(new BigDecimal(r.total() + ".00"))
                    .totalPaid(r.paid() ? BigDecimal.ONE : null).paidInFull(r.paid())
                    .voidedAt(r.created() == 3 ? Instant.parse("2026-05-01T00:00:00Z") : null)
                    .createdAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(r.created()))
                    .updatedAt(Instant.parse("2026-01-01T00:00:00Z"))
                    .metadata(r.tag().equals("none") ? Map.of() : Map.of("tag", r.tag()));
            store.save(b.build());
        }
        String json = filtered ? "{\"total\": {\"gte\": 2}}" : null;
        String orderBy = String.join(",", order);
        List<Document> expected = new ArrayList<>();
        Condition filter = QueryParser.parse(json);
        SortOrder sort = SortOrder.parse(orderBy);
        for (Document d : store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().limit(100).build())
                .data()) {
            if (QueryEvaluator.matches(filter, d)) {
                expected.add(d);
            }
        }
        expected.sort(QueryEvaluator.comparator(sort));

        List<Document> forward = new ArrayList<>();
        String next = null;
        Page<Document> page;
        int guard = 0;
        do {
            page = store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().query(json).orderBy(orderBy)
                    .limit(limit).nextCursor(next).build());
            assertThat(page.data().size()).isLessThanOrEqualTo(limit);
            assertThat(page.total()).isEqualTo(expected.size());
            forward.addAll(page.data());
            next = page.nextCursor();
            assertThat(guard++).isLessThan(100);
        } while (next != null);
        assertThat(ids(forward)).containsExactlyElementsOf(ids(expected));

        List<Document> backward = new ArrayList<>(page.data());
        String prev = page.prevCursor();
        while (prev != null) {
            Page<Document> p = store.list(ENTITY, DocumentType.INVOICE, DocumentQuery.builder().query(json)
                    .orderBy(orderBy).limit(limit).prevCursor(prev).build());
            backward.addAll(0, p.data());
            prev = p.prevCursor();
            assertThat(guard++).isLessThan(200);
        }
        assertThat(ids(backward)).containsExactlyElementsOf(ids(expected));
        Set<String> unique = new HashSet<>(ids(backward));
        assertThat(unique).hasSize(expected.size());
    }

    private static List<String> ids(List<Document> docs) {
        return docs.stream().map(d -> d.id().value()).toList();
    }
}
