package eu.invoicing.benchmarks;

import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.lifecycle.Invoicing;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Document lifecycle throughput on the in-memory defaults: a draft created and finalized (numbered inside the
 * unit of work) per operation, with 1 and 8 threads on one entity, next to draft creation alone (so that the
 * cost of finalizing is the difference). A fresh instance per iteration keeps the heap flat.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class FinalizeBenchmark {
    private EntityDocuments docs;
    private DocumentDraft draft;

    /** A new in-memory instance for every iteration. */
    @Setup(Level.Iteration)
    public void setUp() {
        docs = Invoicing.inMemory().entity(Entity.sampleSlovenian());
        draft = DocumentDraft.builder(DocumentType.INVOICE).draft(true).customer(Party.named("Acme d.o.o."))
                .item(LineItem.builder().name("Consulting").quantity("3").price("80").tax("22").build())
                .item(LineItem.builder().name("Travel").quantity("1").price("35.50").tax("9.5").build()).build();
    }

    /** @return the finalized invoice (1 thread) */
    @Benchmark
    @Threads(1)
    public Document createAndFinalize1Thread() {
        return docs.finalizeDocument(docs.create(draft).id());
    }

    /** @return the finalized invoice (8 threads) */
    @Benchmark
    @Threads(8)
    public Document createAndFinalize8Threads() {
        return docs.finalizeDocument(docs.create(draft).id());
    }

    /** @return the stored draft (1 thread): the creation share of the numbers above */
    @Benchmark
    @Threads(1)
    public Document createDraft1Thread() {
        return docs.create(draft);
    }

    /** @return the stored draft (8 threads) */
    @Benchmark
    @Threads(8)
    public Document createDraft8Threads() {
        return docs.create(draft);
    }
}
