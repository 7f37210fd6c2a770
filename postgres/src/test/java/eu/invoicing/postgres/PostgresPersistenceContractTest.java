package eu.invoicing.postgres;

import eu.invoicing.core.testing.PersistenceContract;
import eu.invoicing.postgres.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;

/** The persistence contract of core, unchanged, kept by the PostgreSQL stores on a real server. */
class PostgresPersistenceContractTest extends PersistenceContract {
    private static PostgresInvoicing pg;

    @BeforeAll
    static void migrate() {
        pg = PostgresInvoicing.builder(PostgresServer.dataSource()).schema(PostgresServer.freshSchema()).build();
    }

    @Override
    protected Stores stores() {
        return new Stores(pg.transactor(), pg.documents(), pg.sequencer(), pg.versions(), pg.exportLedger(),
                pg.customers());
    }
}
