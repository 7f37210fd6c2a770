package eu.invoicing.core.lifecycle;

import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.memory.InMemoryExportLedger;
import eu.invoicing.core.memory.InMemoryFiscalGateway;
import eu.invoicing.core.memory.InMemoryNumberSequencer;
import eu.invoicing.core.memory.InMemoryTransactor;
import eu.invoicing.core.memory.InMemoryVersionStore;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.core.version.TimelineEvent;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that fails exactly one chosen write (save, remove or timeline append), counted from the moment it is
 * armed; reads always work. Used to check that every operation completes or leaves no trace (or leaves a
 * documented state that can be completed).
 */
final class WriteFailingStore extends ForwardingStore {
    private final AtomicInteger writes = new AtomicInteger();
    private volatile int failAt;

    WriteFailingStore(DocumentStore delegate) {
        super(delegate);
    }

    /** Counts writes from now on and fails the {@code n}-th (1-based); {@link Integer#MAX_VALUE} only counts. */
    void failWrite(int n) {
        writes.set(0);
        failAt = n;
    }

    /** Stops failing; the count stays readable. */
    void disarm() {
        failAt = 0;
    }

    /** @return the writes attempted since armed (the failing one included) */
    int writes() {
        return writes.get();
    }

    private void write() {
        int n = writes.incrementAndGet();
        if (n == failAt) {
            throw new IllegalStateException("write " + n + " failed (simulated)");
        }
    }

    @Override
    public void save(Document document) {
        write();
        super.save(document);
    }

    @Override
    public boolean remove(String entityId, DocumentId id) {
        write();
        return super.remove(entityId, id);
    }

    @Override
    public void appendEvent(String entityId, DocumentId id, TimelineEvent event) {
        write();
        super.appendEvent(entityId, id, event);
    }

    /** Every in-memory SPI joined to one transactor, the store wrapped so that one write can be made to fail. */
    static final class World {
        final InMemoryTransactor tx = new InMemoryTransactor();
        final WriteFailingStore store = new WriteFailingStore(new InMemoryDocumentStore(tx));
        final InMemoryFiscalGateway gateway;
        final Invoicing invoicing;

        /** A world whose fiscal simulator makes its own key when first asked to sign. */
        World() {
            this(null);
        }

        /** @param keys the fiscal simulator's signing keys, nullable */
        World(KeyPair keys) {
            gateway = keys == null ? new InMemoryFiscalGateway() : new InMemoryFiscalGateway(keys);
            invoicing = Invoicing.builder().clock(Fixtures.clock()).transactor(tx).store(store)
                    .sequencer(new InMemoryNumberSequencer(tx)).versions(new InMemoryVersionStore(tx))
                    .exportLedger(new InMemoryExportLedger(tx)).fiscalGateway(gateway).build();
        }
    }
}
