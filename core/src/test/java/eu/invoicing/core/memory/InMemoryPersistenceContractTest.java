package eu.invoicing.core.memory;

import eu.invoicing.core.testing.PersistenceContract;

/** The persistence contract, kept by the in-memory defaults (fresh ones for every test). */
class InMemoryPersistenceContractTest extends PersistenceContract {
    @Override
    protected Stores stores() {
        InMemoryTransactor tx = new InMemoryTransactor();
        return new Stores(tx, new InMemoryDocumentStore(tx), new InMemoryNumberSequencer(tx), new InMemoryVersionStore(tx),
                new InMemoryExportLedger(tx), new InMemoryCustomerDirectory(new SecureRandomIdGenerator(), tx));
    }
}
