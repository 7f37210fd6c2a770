package eu.invoicing.core.lifecycle;

import eu.invoicing.core.NotFoundException;
import eu.invoicing.core.calc.CalculationEngine;
import eu.invoicing.core.calc.FormatVatNumberValidator;
import eu.invoicing.core.memory.InMemoryCustomerDirectory;
import eu.invoicing.core.memory.InMemoryDocumentStore;
import eu.invoicing.core.memory.InMemoryExportLedger;
import eu.invoicing.core.memory.InMemoryFiscalGateway;
import eu.invoicing.core.memory.InMemoryNumberSequencer;
import eu.invoicing.core.memory.InMemoryTaxStore;
import eu.invoicing.core.memory.InMemoryTransactor;
import eu.invoicing.core.memory.InMemoryVersionStore;
import eu.invoicing.core.memory.SecureRandomIdGenerator;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import eu.invoicing.core.numbering.DocumentNumbering;
import eu.invoicing.core.spi.CustomerDirectory;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.core.spi.ExchangeRateProvider;
import eu.invoicing.core.spi.ExportLedger;
import eu.invoicing.core.spi.FiscalGateway;
import eu.invoicing.core.spi.IdGenerator;
import eu.invoicing.core.spi.NumberSequencer;
import eu.invoicing.core.spi.TaxStore;
import eu.invoicing.core.spi.Transactor;
import eu.invoicing.core.spi.VatNumberValidator;
import eu.invoicing.core.spi.VersionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The entry point of the document lifecycle: holds the SPIs (store, sequencer, versions, transactor, export
 * ledger, customer directory, VAT-number validator, fiscal gateway, clock, id generator) and hands out an
 * {@link EntityDocuments} per issuing entity, through which every operation runs. Build one with
 * {@link #builder()}; every SPI left unset gets its in-memory default, so {@link #inMemory()} works with no
 * set-up.
 *
 * <pre>{@code
 * Invoicing invoicing = Invoicing.inMemory();
 * EntityDocuments docs = invoicing.entity(entity);
 * Document draft = docs.create(DocumentRequest.of(DocumentDraft.builder(DocumentType.INVOICE).item(...).build()));
 * Document invoice = docs.finalizeDocument(draft.id());
 * }</pre>
 *
 * <p>Failures of the SPIs (whatever an implementation throws, or an answer that breaks its contract) are
 * reported as {@link eu.invoicing.core.SpiException} with the cause; bad input never reaches an SPI (it is a
 * {@link eu.invoicing.core.ValidationException} first), and nothing else is reported as an SPI failure.
 *
 * <p>Immutable and thread-safe when the SPIs are (the defaults are).
 */
public final class Invoicing {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,128}");

    final DocumentStore store;
    final NumberSequencer sequencer;
    final VersionStore versions;
    final Transactor transactor;
    final ExportLedger ledger;
    final Guarded.Customers customers;
    final Guarded.Taxes taxes;
    /** Null when the host configured none: a foreign document then needs its {@code exchange_rate}. */
    final ExchangeRateProvider rates;
    final VatNumberValidator vatNumbers;
    final FiscalGateway fiscal;
    private final CustomerDirectory hostCustomers;
    private final TaxStore hostTaxes;
    private final FiscalGateway hostFiscal;
    final Clock clock;
    final IdGenerator ids;
    final CalculationEngine engine;
    final DocumentNumbering numbering;

    private Invoicing(Builder b) {
        InMemoryTransactor memoryTx = b.transactor == null ? new InMemoryTransactor() : null;
        InMemoryTransactor undo = b.transactor instanceof InMemoryTransactor t ? t : memoryTx;
        IdGenerator hostIds = b.ids == null ? new SecureRandomIdGenerator() : b.ids;
        this.hostCustomers = b.customers == null ? new InMemoryCustomerDirectory(hostIds, undo) : b.customers;
        this.hostFiscal = b.fiscal == null ? new InMemoryFiscalGateway() : b.fiscal;
        // Every SPI is reached through its guard: only what an implementation throws becomes a SpiException.
        this.transactor = new Guarded.Tx(b.transactor == null ? memoryTx : b.transactor);
        this.ids = new Guarded.Ids(hostIds);
        this.store = new Guarded.Store(b.store == null ? new InMemoryDocumentStore(undo) : b.store);
        this.sequencer = new Guarded.Sequencer(b.sequencer == null ? new InMemoryNumberSequencer(undo) : b.sequencer);
        this.versions = new Guarded.Versions(b.versions == null ? new InMemoryVersionStore(undo) : b.versions);
        this.ledger = new Guarded.Ledger(b.ledger == null ? new InMemoryExportLedger(undo) : b.ledger);
        this.customers = new Guarded.Customers(hostCustomers);
        this.hostTaxes = b.taxes == null ? new InMemoryTaxStore(undo) : b.taxes;
        this.taxes = new Guarded.Taxes(hostTaxes);
        this.rates = b.rates == null ? null : new Guarded.Rates(b.rates);
        this.vatNumbers = b.vatNumbers == null ? new FormatVatNumberValidator() : b.vatNumbers;
        this.fiscal = new Guarded.Gateway(hostFiscal);
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.engine = new CalculationEngine(vatNumbers);
        this.numbering = new DocumentNumbering(sequencer);
    }

    /** @return an instance with every in-memory default and the system UTC clock */
    public static Invoicing inMemory() {
        return builder().build();
    }

    /** @return a new builder; every SPI not set gets its in-memory default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scopes every operation to one issuing entity: nothing of another entity can be read, listed, changed,
     * shared or numbered through the returned API.
     *
     * @param entity the issuing entity (its settings apply), not null
     * @return the scoped API, acting without a user
     */
    public EntityDocuments entity(Entity entity) {
        return new EntityDocuments(this, Objects.requireNonNull(entity, "entity"), null);
    }

    /**
     * Finds a shared document by its token (the public link). Unknown, malformed and revoked tokens, and
     * documents in the trash, all get the same answer.
     *
     * @param token the token, nullable
     * @return the document currently shared with the token
     * @throws NotFoundException with the same message for every token that does not resolve
     */
    public Document findShared(String token) {
        NotFoundException notFound = new NotFoundException("no document is shared with this token");
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw notFound;
        }
        Document d = store.findByShareToken(token).orElse(null);
        if (d == null || d.isDeleted() || !token.equals(d.shareableId())) {
            throw notFound;
        }
        return d;
    }

    /** @return the customer directory in use (the in-memory one unless the host set its own) */
    public CustomerDirectory customers() {
        return hostCustomers;
    }

    /** @return the tax store in use (the in-memory one unless the host set its own) */
    public TaxStore taxes() {
        return hostTaxes;
    }

    /** @return the fiscal gateway in use (the in-memory simulator unless the host set its own) */
    public FiscalGateway fiscalGateway() {
        return hostFiscal;
    }

    /** @return the clock in use */
    public Clock clock() {
        return clock;
    }

    /**
     * Mutable, single-thread builder of {@link Invoicing}. Each SPI is optional. When no transactor is set,
     * the in-memory one is used and the in-memory defaults join its rollback; a host that supplies its own
     * store should supply its own transactor too.
     */
    public static final class Builder {
        private DocumentStore store;
        private NumberSequencer sequencer;
        private VersionStore versions;
        private Transactor transactor;
        private ExportLedger ledger;
        private CustomerDirectory customers;
        private TaxStore taxes;
        private ExchangeRateProvider rates;
        private VatNumberValidator vatNumbers;
        private FiscalGateway fiscal;
        private Clock clock;
        private IdGenerator ids;

        private Builder() {
        }

        /**
         * Sets the document store.
         *
         * @param v the document store, nullable for the default
         * @return this builder
         */
        public Builder store(DocumentStore v) {
            store = v;
            return this;
        }

        /**
         * Sets the number sequencer.
         *
         * @param v the number sequencer, nullable for the default
         * @return this builder
         */
        public Builder sequencer(NumberSequencer v) {
            sequencer = v;
            return this;
        }

        /**
         * Sets the version store.
         *
         * @param v the version store, nullable for the default
         * @return this builder
         */
        public Builder versions(VersionStore v) {
            versions = v;
            return this;
        }

        /**
         * Sets the transactor.
         *
         * @param v the transactor, nullable for the default
         * @return this builder
         */
        public Builder transactor(Transactor v) {
            transactor = v;
            return this;
        }

        /**
         * Sets the export ledger.
         *
         * @param v the export ledger, nullable for the default
         * @return this builder
         */
        public Builder exportLedger(ExportLedger v) {
            ledger = v;
            return this;
        }

        /**
         * Sets the customer directory. A {@link eu.invoicing.core.spi.CustomerStore} can also be written
         * ({@code save_customer}, {@link EntityDocuments#customers()}); a read-only directory only resolves and
         * matches.
         *
         * @param v the customer directory, nullable for the default (an in-memory store)
         * @return this builder
         */
        public Builder customers(CustomerDirectory v) {
            customers = v;
            return this;
        }

        /**
         * Sets the store of the entities' taxes, which resolves a line tax given only by {@code tax_id}
         * ({@link EntityDocuments#taxes()} creates and lists them).
         *
         * @param v the tax store, nullable for the default (an in-memory store)
         * @return this builder
         */
        public Builder taxes(TaxStore v) {
            taxes = v;
            return this;
        }

        /**
         * Sets where the exchange rate of a document in a foreign currency comes from when the request gives
         * none (a given {@code exchange_rate} always wins), e.g.
         * {@link eu.invoicing.core.rates.EcbExchangeRateProvider#create()} for the European Central Bank's
         * reference rates or an {@link eu.invoicing.core.rates.EuroReferenceRates} table held in memory.
         *
         * @param v the provider, nullable for none: nothing is fetched and a foreign document without
         *     {@code exchange_rate} is refused, as a library making no network call unasked should
         * @return this builder
         */
        public Builder exchangeRates(ExchangeRateProvider v) {
            rates = v;
            return this;
        }

        /**
         * Sets the VAT-number validator.
         *
         * @param v the VAT-number validator, nullable for the format-only default
         * @return this builder
         */
        public Builder vatNumbers(VatNumberValidator v) {
            vatNumbers = v;
            return this;
        }

        /**
         * Sets the fiscal gateway.
         *
         * @param v the fiscal gateway, nullable for the simulator
         * @return this builder
         */
        public Builder fiscalGateway(FiscalGateway v) {
            fiscal = v;
            return this;
        }

        /**
         * Sets the clock.
         *
         * @param v the clock, nullable for the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        /**
         * Sets the id and token generator.
         *
         * @param v the id and token generator, nullable for the SecureRandom default
         * @return this builder
         */
        public Builder ids(IdGenerator v) {
            ids = v;
            return this;
        }

        /** @return the configured instance */
        public Invoicing build() {
            return new Invoicing(this);
        }
    }
}
