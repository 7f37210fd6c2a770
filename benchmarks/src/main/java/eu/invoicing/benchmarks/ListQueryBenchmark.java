package eu.invoicing.benchmarks;

import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * List/query latency of the in-memory store over 100,000 stored invoices of one entity: the first page in the
 * default order, a filtered and sorted page, a search, and a page reached by cursor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ListQueryBenchmark {
    private static final int DOCUMENTS = 100_000;

    private EntityDocuments docs;
    private DocumentQuery defaultPage;
    private DocumentQuery filtered;
    private DocumentQuery search;
    private DocumentQuery secondPage;

    /** Stores 100,000 finalized invoices with varied customers, totals, dates and metadata. */
    @Setup(Level.Trial)
    public void setUp() {
        docs = Invoicing.inMemory().entity(Entity.sampleSlovenian());
        for (int i = 0; i < DOCUMENTS; i++) {
            docs.create(DocumentDraft.builder(DocumentType.INVOICE).draft(false)
                    .date(LocalDate.of(2025, 1, 1).plusDays(i % 365))
                    .customer(Party.builder().name("Customer " + (i % 997)).city(i % 2 == 0 ? "Ljubljana" : "Maribor")
                            .build())
                    .metadata(Map.of("erp_id", "ERP-" + i))
                    .item(LineItem.builder().name("Item " + (i % 50)).quantity("1").price(Integer.toString(10 + i % 990))
                            .tax("22").build())
                    .build());
        }
        defaultPage = DocumentQuery.builder().build();
        filtered = DocumentQuery.builder().query("{\"total\": {\"between\": [500, 600]}, "
                + "\"customer.city\": \"Maribor\"}").orderBy("-total,date").limit(20).build();
        search = DocumentQuery.builder().search("erp-4242").build();
        Page<Document> first = docs.list(DocumentType.INVOICE, DocumentQuery.builder().orderBy("-date").limit(50)
                .build());
        secondPage = DocumentQuery.builder().orderBy("-date").limit(50).nextCursor(first.nextCursor()).build();
    }

    /** @return the first page, newest first, 10 documents, with the total count */
    @Benchmark
    public Page<Document> firstPageDefaultOrder() {
        return docs.list(DocumentType.INVOICE, defaultPage);
    }

    /** @return 20 documents matching a range and a city, sorted by two fields */
    @Benchmark
    public Page<Document> filteredAndSorted() {
        return docs.list(DocumentType.INVOICE, filtered);
    }

    /** @return the documents whose text (here a metadata value) contains the search */
    @Benchmark
    public Page<Document> searchText() {
        return docs.list(DocumentType.INVOICE, search);
    }

    /** @return the second page of 50, reached with a cursor */
    @Benchmark
    public Page<Document> nextPageByCursor() {
        return docs.list(DocumentType.INVOICE, secondPage);
    }
}
