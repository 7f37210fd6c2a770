package eu.invoicing.postgres.testing;

import eu.invoicing.core.DocumentStateException;
import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.lifecycle.DocumentPatch;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentDraft;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.model.LineItem;
import eu.invoicing.core.model.Party;
import eu.invoicing.postgres.PostgresInvoicing;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One application node of {@code ManyNodesTest}, run as a JVM process of its own: {@code THREADS} threads each
 * create {@code PER_THREAD} drafts of one entity, alternately invoices and estimates, finalize each and then
 * update its note (which writes version 1). After every step that committed it prints one line to stdout,
 * flushed, so that the test knows what a node killed with {@code kill -9} had done:
 * {@code C id} created, {@code F id number} finalized, {@code U id} updated; {@code DONE} at the end.
 *
 * <p>A step whose connection is cut ({@code pg_terminate_backend}) is repeated: its unit of work rolled back.
 * A finalize whose commit went through but whose answer was lost finds the draft final on the retry and
 * reports the number it has.
 *
 * <p>Arguments: {@code JDBC_URL SCHEMA ENTITY_ID NODE_NAME THREADS PER_THREAD}. Not thread-safe to construct;
 * its threads share only the library.
 */
public final class FinalizingNode {
    private static final int ATTEMPTS = 20;
    private static final PrintStream OUT = new PrintStream(System.out, false, StandardCharsets.UTF_8);

    private FinalizingNode() {
    }

    /**
     * @param args {@code JDBC_URL SCHEMA ENTITY_ID NODE_NAME THREADS PER_THREAD}
     * @throws InterruptedException when interrupted while waiting for the threads
     */
    public static void main(String[] args) throws InterruptedException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        ds.setApplicationName("invoicing-node-" + args[3]);
        PostgresInvoicing pg = PostgresInvoicing.builder(ds).schema(args[1]).migrate(false).build();
        Entity entity = Entity.sampleSlovenian().toBuilder().id(args[2]).build();
        EntityDocuments docs = pg.invoicing().entity(entity);
        int threads = Integer.parseInt(args[4]);
        int perThread = Integer.parseInt(args[5]);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> work(docs, args[3], thread, perThread), args[3] + "-" + t);
            worker.start();
            all.add(worker);
        }
        for (Thread t : all) {
            t.join();
        }
        print("DONE");
    }

    private static void work(EntityDocuments docs, String node, int thread, int perThread) {
        for (int i = 0; i < perThread; i++) {
            DocumentType type = (i + thread) % 2 == 0 ? DocumentType.INVOICE : DocumentType.ESTIMATE;
            DocumentDraft draft = DocumentDraft.builder(type).draft(true)
                    .customer(Party.named("Kupec " + node + "-" + thread + "-" + i))
                    .item(LineItem.builder().name("Item " + i).quantity("1").price("10").tax("22").build()).build();
            Document created = retry(() -> docs.create(draft));
            print("C " + created.id().value());
            DocumentId id = created.id();
            Document finalized = retry(() -> {
                try {
                    return docs.finalizeDocument(id);
                } catch (DocumentStateException e) {
                    // The commit of an earlier attempt went through, its answer was lost with the connection.
                    Document now = docs.get(id);
                    if (now.isDraft()) {
                        throw e;
                    }
                    return now;
                }
            });
            print("F " + id.value() + " " + finalized.number());
            retry(() -> docs.update(id, DocumentPatch.builder().note("updated by " + node).build()));
            print("U " + id.value());
        }
    }

    private static <T> T retry(Supplier<T> step) {
        InvoicingException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return step.get();
            } catch (DocumentStateException e) {
                throw e;
            } catch (InvoicingException e) {
                // A cut connection: the unit of work rolled back, so the step can run again.
                last = e;
            }
        }
        throw last;
    }

    private static void print(String line) {
        synchronized (OUT) {
            OUT.println(line);
            OUT.flush();
        }
    }
}
