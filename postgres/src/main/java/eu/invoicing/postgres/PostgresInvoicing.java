package eu.invoicing.postgres;

import eu.invoicing.core.lifecycle.Invoicing;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The library on PostgreSQL: every persistence SPI (documents and timelines, numbering, versions, the unit of
 * work, export marks, customers, stored taxes, the share-token index) implemented on one {@link DataSource}, wired into an
 * {@link Invoicing}. One builder call per application node; every node pointing at the same database and
 * schema shares the documents, the numbering and the locks (docs/postgres.md).
 *
 * <pre>{@code
 * PostgresInvoicing pg = PostgresInvoicing.builder(dataSource)
 *         .schema("invoicing")                      // the default
 *         .configure(b -> b.clock(clock))           // anything else of Invoicing.builder()
 *         .build();                                 // migrates the schema first, unless migrate(false)
 * Invoicing invoicing = pg.invoicing();
 * }</pre>
 *
 * <p>Immutable and thread-safe: the stores it holds are thread-safe and share one {@link PostgresTransactor}.
 */
public final class PostgresInvoicing {
    private final PostgresSchema schema;
    private final PostgresTransactor transactor;
    private final PostgresDocumentStore documents;
    private final PostgresNumberSequencer sequencer;
    private final PostgresVersionStore versions;
    private final PostgresExportLedger exportLedger;
    private final PostgresCustomerStore customers;
    private final PostgresTaxStore taxes;
    private final Invoicing invoicing;

    private PostgresInvoicing(Builder b) {
        this.schema = b.schema;
        this.transactor = new PostgresTransactor(b.dataSource, schema.name());
        this.documents = new PostgresDocumentStore(transactor, schema);
        this.sequencer = new PostgresNumberSequencer(transactor, schema);
        this.versions = new PostgresVersionStore(transactor, schema);
        this.exportLedger = new PostgresExportLedger(transactor, schema);
        this.customers = new PostgresCustomerStore(transactor, schema);
        this.taxes = new PostgresTaxStore(transactor, schema);
        Invoicing.Builder ib = Invoicing.builder();
        if (b.configure != null) {
            b.configure.accept(ib);
        }
        // Set last, so that a configure callback cannot replace one persistence SPI and split the unit of work.
        this.invoicing = ib.transactor(transactor).store(documents).sequencer(sequencer).versions(versions)
                .exportLedger(exportLedger).customers(customers).taxes(taxes).build();
    }

    /**
     * @param dataSource the host's connection source (a pool such as HikariCP, or any {@link DataSource}), not
     *     null; its connections must reach the schema's tables
     * @return a new builder
     * @throws NullPointerException if {@code dataSource} is null
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** @return the library, every persistence SPI on PostgreSQL */
    public Invoicing invoicing() {
        return invoicing;
    }

    /** @return the schema the tables live in */
    public PostgresSchema schema() {
        return schema;
    }

    /** @return the unit of work every store below joins */
    public PostgresTransactor transactor() {
        return transactor;
    }

    /** @return the document store (documents, timelines, share tokens) */
    public PostgresDocumentStore documents() {
        return documents;
    }

    /** @return the number sequencer */
    public PostgresNumberSequencer sequencer() {
        return sequencer;
    }

    /** @return the version store */
    public PostgresVersionStore versions() {
        return versions;
    }

    /** @return the export ledger */
    public PostgresExportLedger exportLedger() {
        return exportLedger;
    }

    /** @return the customer store */
    public PostgresCustomerStore customers() {
        return customers;
    }

    /** @return the tax store */
    public PostgresTaxStore taxes() {
        return taxes;
    }

    /**
     * Mutable, single-thread builder of {@link PostgresInvoicing}.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private PostgresSchema schema = PostgresSchema.defaultSchema();
        private boolean migrate = true;
        private Consumer<Invoicing.Builder> configure;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * Sets the schema the tables live in.
         *
         * @param name a lowercase identifier ({@link PostgresSchema#named}), not null; default
         *     {@value PostgresSchema#DEFAULT_NAME}
         * @return this builder
         * @throws eu.invoicing.core.ValidationException for a name that is not such an identifier
         */
        public Builder schema(String name) {
            this.schema = PostgresSchema.named(name);
            return this;
        }

        /**
         * Whether {@link #build} applies the pending migrations first (the default). A host that migrates
         * with its own tooling, or with a role of its own ({@link PostgresSchema#migrate}), passes false.
         *
         * @param v true to migrate on build
         * @return this builder
         */
        public Builder migrate(boolean v) {
            this.migrate = v;
            return this;
        }

        /**
         * Sets everything of {@link Invoicing#builder()} that is not persistence: clock, ids, VAT-number
         * validator, fiscal gateway. The persistence SPIs set there are replaced by the PostgreSQL ones.
         *
         * @param v receives the builder, nullable for the defaults
         * @return this builder
         */
        public Builder configure(Consumer<Invoicing.Builder> v) {
            this.configure = v;
            return this;
        }

        /**
         * @return the configured library
         * @throws PostgresException when migrating fails
         */
        public PostgresInvoicing build() {
            if (migrate) {
                schema.migrate(dataSource);
            }
            return new PostgresInvoicing(this);
        }
    }
}
