package eu.invoicing.core.lifecycle;

import eu.invoicing.core.SpiException;
import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.CurrencyCode;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.ExchangeRate;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.spi.Customer;
import eu.invoicing.core.spi.CustomerDirectory;
import eu.invoicing.core.spi.CustomerStore;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.core.spi.ExchangeRateProvider;
import eu.invoicing.core.spi.ExportLedger;
import eu.invoicing.core.spi.FiscalAuthority;
import eu.invoicing.core.spi.FiscalGateway;
import eu.invoicing.core.spi.FiscalResponse;
import eu.invoicing.core.spi.FiscalSubmission;
import eu.invoicing.core.spi.IdGenerator;
import eu.invoicing.core.spi.NumberSequencer;
import eu.invoicing.core.spi.SequenceKey;
import eu.invoicing.core.spi.StoredTax;
import eu.invoicing.core.spi.TaxStore;
import eu.invoicing.core.spi.Transactor;
import eu.invoicing.core.spi.VersionStore;
import eu.invoicing.core.version.DocumentVersion;
import eu.invoicing.core.version.TimelineEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The boundary between the library and the host's SPI implementations. {@link Invoicing} wraps every SPI it is
 * given in one of these, so that exactly what an implementation throws, or a broken contract (a null answer, a
 * malformed id, a number below its floor), becomes a {@link SpiException} that keeps the cause. Nothing else
 * is wrapped: bad input is validated before an SPI is called and reported as such, and a fault of the
 * library's own code propagates unchanged instead of being blamed on the host's store.
 *
 * <p>Stateless wrappers; thread-safe when the wrapped implementations are.
 */
final class Guarded {
    private static final Pattern ID_SUFFIX = Pattern.compile("[0-9a-f]{24}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,128}");

    private Guarded() {
    }

    /**
     * Calls the host and wraps what it throws.
     *
     * @param op the SPI method, e.g. {@code DocumentStore.save}
     * @param subject what it was called for (an id, a series), nullable; the message is only built on failure
     */
    static <T> T call(String op, Object subject, Supplier<T> call) {
        try {
            return call.get();
        } catch (SpiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(name(op, subject), e);
        }
    }

    static void run(String op, Object subject, Runnable call) {
        call(op, subject, () -> {
            call.run();
            return null;
        });
    }

    /** Calls the host and refuses a null answer. */
    static <T> T answer(String op, Object subject, Supplier<T> call) {
        T value = call(op, subject, call);
        if (value == null) {
            throw broken(name(op, subject), "returned null");
        }
        return value;
    }

    /** A stored document names its entity once stored; one the host saved without it is taken as its own. */
    private static boolean ofEntity(String entityId, String documentEntityId) {
        return documentEntityId == null || documentEntityId.equals(entityId);
    }

    private static String name(String op, Object subject) {
        return subject == null ? op : op + "(" + subject + ")";
    }

    static SpiException failed(String what, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return new SpiException(what + " failed: " + Violation.quote(message), e);
    }

    static SpiException broken(String what, String contract) {
        return new SpiException(what + " broke its contract: " + contract,
                new IllegalStateException(what + " " + contract));
    }

    /** Whether {@code thrown} is {@code own} or has it in its cause chain (a transactor that wraps). */
    private static boolean carries(Throwable thrown, Throwable own) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == own) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s == own) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Tells apart what the library's work throws inside a unit of work (passed through unchanged, also when the
     * host's transactor wraps it on the way out) from what the transactor itself throws (begin, commit,
     * rollback: a {@link SpiException}).
     */
    static final class Tx implements Transactor {
        private final Transactor host;

        Tx(Transactor host) {
            this.host = host;
        }

        @Override
        public <T> T inTransaction(String entityId, Supplier<T> work) {
            RuntimeException[] own = new RuntimeException[1];
            T result;
            try {
                result = host.inTransaction(entityId, () -> {
                    try {
                        return work.get();
                    } catch (RuntimeException e) {
                        own[0] = e;
                        throw e;
                    }
                });
            } catch (RuntimeException e) {
                if (own[0] != null && carries(e, own[0])) {
                    throw own[0];
                }
                SpiException wrapped = e instanceof SpiException s ? s
                        : failed("Transactor.inTransaction(" + entityId + ")", e);
                if (own[0] != null && wrapped != own[0]) {
                    wrapped.addSuppressed(own[0]);
                }
                throw wrapped;
            }
            if (own[0] != null) {
                throw new SpiException("Transactor.inTransaction(" + entityId + ") returned normally although the "
                        + "work failed (its writes may have been committed): " + Violation.quote(own[0].getMessage()),
                        own[0]);
            }
            return result;
        }
    }

    static final class Store implements DocumentStore {
        private final DocumentStore host;

        Store(DocumentStore host) {
            this.host = host;
        }

        @Override
        public Optional<Document> find(String entityId, DocumentId id) {
            Optional<Document> found = answer("DocumentStore.find", id, () -> host.find(entityId, id));
            if (found.isPresent() && !id.equals(found.get().id())) {
                throw broken(name("DocumentStore.find", id), "returned document " + found.get().id());
            }
            if (found.isPresent() && !ofEntity(entityId, found.get().entityId())) {
                throw broken(name("DocumentStore.find", id), "returned a document of another entity");
            }
            return found;
        }

        @Override
        public void save(Document document) {
            run("DocumentStore.save", document.id(), () -> host.save(document));
        }

        @Override
        public boolean remove(String entityId, DocumentId id) {
            return call("DocumentStore.remove", id, () -> host.remove(entityId, id));
        }

        @Override
        public Optional<Document> findByShareToken(String token) {
            return answer("DocumentStore.findByShareToken", null, () -> host.findByShareToken(token));
        }

        @Override
        public Page<Document> list(String entityId, DocumentType type, DocumentQuery query) {
            Page<Document> page = answer("DocumentStore.list", null, () -> host.list(entityId, type, query));
            for (Document d : page.data()) {
                if (d == null || d.type() != type || !ofEntity(entityId, d.entityId())) {
                    throw broken("DocumentStore.list", "returned " + (d == null ? "a null document"
                            : "document " + d.id() + (d.type() != type ? ", not a " + type : " of another entity")));
                }
            }
            return page;
        }

        @Override
        public void appendEvent(String entityId, DocumentId id, TimelineEvent event) {
            run("DocumentStore.appendEvent", id, () -> host.appendEvent(entityId, id, event));
        }

        @Override
        public List<TimelineEvent> events(String entityId, DocumentId id) {
            return answer("DocumentStore.events", id, () -> host.events(entityId, id));
        }
    }

    static final class Sequencer implements NumberSequencer {
        private final NumberSequencer host;

        Sequencer(NumberSequencer host) {
            this.host = host;
        }

        @Override
        public long next(SequenceKey key, long floor) {
            return checked("NumberSequencer.next", key, floor,
                    call("NumberSequencer.next", key.series(), () -> host.next(key, floor)));
        }

        @Override
        public long peek(SequenceKey key, long floor) {
            return checked("NumberSequencer.peek", key, floor,
                    call("NumberSequencer.peek", key.series(), () -> host.peek(key, floor)));
        }

        private static long checked(String op, SequenceKey key, long floor, long n) {
            if (n < Math.max(1, floor)) {
                throw broken(name(op, key.series()), "returned " + n + ", below the floor " + Math.max(1, floor));
            }
            return n;
        }
    }

    static final class Versions implements VersionStore {
        private final VersionStore host;

        Versions(VersionStore host) {
            this.host = host;
        }

        @Override
        public void append(String entityId, DocumentVersion version) {
            run("VersionStore.append", version.documentId(), () -> host.append(entityId, version));
        }

        @Override
        public List<DocumentVersion> list(String entityId, DocumentId documentId) {
            List<DocumentVersion> versions = answer("VersionStore.list", documentId,
                    () -> host.list(entityId, documentId));
            for (DocumentVersion v : versions) {
                of("VersionStore.list", documentId, v);
            }
            return versions;
        }

        @Override
        public Optional<DocumentVersion> find(String entityId, DocumentId documentId, int version) {
            Optional<DocumentVersion> found = answer("VersionStore.find", documentId,
                    () -> host.find(entityId, documentId, version));
            found.ifPresent(v -> {
                of("VersionStore.find", documentId, v);
                if (v.version() != version) {
                    throw broken(name("VersionStore.find", documentId), "returned version " + v.version()
                            + " for " + version);
                }
            });
            return found;
        }

        /** A version of another document (or a null one) is a broken answer, not this document's history. */
        private static void of(String op, DocumentId documentId, DocumentVersion v) {
            if (v == null || !documentId.equals(v.documentId())) {
                throw broken(name(op, documentId), "returned " + (v == null ? "a null version"
                        : "a version of " + v.documentId()));
            }
        }

        @Override
        public int count(String entityId, DocumentId documentId) {
            int n = call("VersionStore.count", documentId, () -> host.count(entityId, documentId));
            if (n < 0) {
                throw broken(name("VersionStore.count", documentId), "returned " + n);
            }
            return n;
        }
    }

    static final class Ledger implements ExportLedger {
        private final ExportLedger host;

        Ledger(ExportLedger host) {
            this.host = host;
        }

        @Override
        public void markExported(String entityId, DocumentId id, String systemId, Instant at) {
            run("ExportLedger.markExported", id, () -> host.markExported(entityId, id, systemId, at));
        }

        @Override
        public Optional<Instant> lastExported(String entityId, DocumentId id, String systemId) {
            return answer("ExportLedger.lastExported", id, () -> host.lastExported(entityId, id, systemId));
        }
    }

    static final class Customers implements CustomerStore {
        private final CustomerDirectory host;

        Customers(CustomerDirectory host) {
            this.host = host;
        }

        /** @return whether the host's directory can be written (is a {@link CustomerStore}) */
        boolean writable() {
            return host instanceof CustomerStore;
        }

        @Override
        public void save(Customer customer) {
            run("CustomerStore.save", customer.id(), () -> ((CustomerStore) host).save(customer));
        }

        @Override
        public List<Customer> list(String entityId, String text, int offset, int limit) {
            List<Customer> list = answer("CustomerStore.list", null, () -> ((CustomerStore) host).list(entityId, text,
                    offset, limit));
            for (Customer c : list) {
                if (c == null || !entityId.equals(c.entityId())) {
                    throw broken("CustomerStore.list", "returned a customer of another entity or null");
                }
            }
            return list;
        }

        @Override
        public Optional<Customer> find(String entityId, String customerId) {
            Optional<Customer> found = ofEntity("CustomerDirectory.find", entityId,
                    answer("CustomerDirectory.find", null, () -> host.find(entityId, customerId)));
            if (found.isPresent() && !found.get().id().equals(customerId)) {
                throw broken("CustomerDirectory.find", "returned customer " + Violation.quote(found.get().id())
                        + " for " + Violation.quote(customerId));
            }
            return found;
        }

        @Override
        public Optional<Customer> findByTaxNumber(String entityId, String taxNumber) {
            return ofEntity("CustomerDirectory.findByTaxNumber", entityId, answer("CustomerDirectory.findByTaxNumber",
                    null, () -> host.findByTaxNumber(entityId, taxNumber)));
        }

        @Override
        public Optional<Customer> findByName(String entityId, String name) {
            return ofEntity("CustomerDirectory.findByName", entityId,
                    answer("CustomerDirectory.findByName", null, () -> host.findByName(entityId, name)));
        }

        /** Entity isolation: a directory that answers with another entity's customer broke its contract. */
        private static Optional<Customer> ofEntity(String op, String entityId, Optional<Customer> found) {
            if (found.isPresent() && !found.get().entityId().equals(entityId)) {
                throw broken(op, "returned a customer of another entity");
            }
            return found;
        }
    }

    static final class Taxes implements TaxStore {
        private final TaxStore host;

        Taxes(TaxStore host) {
            this.host = host;
        }

        @Override
        public Optional<StoredTax> find(String entityId, String taxId) {
            Optional<StoredTax> found = answer("TaxStore.find", null, () -> host.find(entityId, taxId));
            if (found.isPresent() && (!found.get().entityId().equals(entityId) || !found.get().id().equals(taxId))) {
                throw broken("TaxStore.find", "returned tax " + Violation.quote(found.get().id()) + " of entity "
                        + Violation.quote(found.get().entityId()) + " for " + Violation.quote(taxId));
            }
            return found;
        }

        @Override
        public List<StoredTax> list(String entityId) {
            List<StoredTax> list = answer("TaxStore.list", null, () -> host.list(entityId));
            for (StoredTax t : list) {
                if (t == null || !entityId.equals(t.entityId())) {
                    throw broken("TaxStore.list", "returned a tax of another entity or null");
                }
            }
            return list;
        }

        @Override
        public void save(StoredTax tax) {
            run("TaxStore.save", tax.id(), () -> host.save(tax));
        }
    }

    static final class Ids implements IdGenerator {
        private final IdGenerator host;

        Ids(IdGenerator host) {
            this.host = host;
        }

        @Override
        public String newId(String prefix) {
            String id = answer("IdGenerator.newId", null, () -> host.newId(prefix));
            if (!id.startsWith(prefix) || !ID_SUFFIX.matcher(id.substring(prefix.length())).matches()) {
                throw broken("IdGenerator.newId", "returned " + Violation.quote(id) + ", not " + prefix
                        + " and 24 lowercase hex digits");
            }
            return id;
        }

        @Override
        public String newToken() {
            String token = answer("IdGenerator.newToken", null, host::newToken);
            if (!TOKEN.matcher(token).matches()) {
                throw broken("IdGenerator.newToken", "returned a token that is not 22-128 URL-safe characters");
            }
            return token;
        }
    }

    /**
     * Signing is guarded like every SPI call; {@code submit} and {@code cancel} are not, because there a thrown
     * exception is an answer (a failed submission, recorded as such).
     */
    static final class Gateway implements FiscalGateway {
        private final FiscalGateway host;

        Gateway(FiscalGateway host) {
            this.host = host;
        }

        @Override
        public byte[] sign(FiscalAuthority authority, String entityId, String algorithm, byte[] data) {
            byte[] signature = answer("FiscalGateway.sign", null,
                    () -> host.sign(authority, entityId, algorithm, data));
            if (signature.length == 0) {
                throw broken("FiscalGateway.sign", "returned an empty signature");
            }
            return signature;
        }

        @Override
        public FiscalResponse submit(FiscalSubmission submission) {
            return host.submit(submission);
        }

        @Override
        public FiscalResponse cancel(FiscalSubmission submission) {
            return host.cancel(submission);
        }
    }

    /** An exchange-rate provider: a rate it answers is positive, quoted in the asked currency, not dated later. */
    static final class Rates implements ExchangeRateProvider {
        private final ExchangeRateProvider host;

        Rates(ExchangeRateProvider host) {
            this.host = host;
        }

        @Override
        public Optional<ExchangeRate> find(CurrencyCode from, CurrencyCode to, LocalDate date) {
            String pair = from.code() + "/" + to.code() + " on " + date;
            Optional<ExchangeRate> found = answer("ExchangeRateProvider.find", pair, () -> host.find(from, to, date));
            if (found.isPresent()) {
                ExchangeRate r = found.get();
                if (r.rate().signum() <= 0 || (r.quoteCurrency() != null && !r.quoteCurrency().equals(to.code()))
                        || (r.date() != null && r.date().isAfter(date))) {
                    throw broken("ExchangeRateProvider.find(" + pair + ")", "answered " + r);
                }
            }
            return found;
        }

        @Override
        public String toString() {
            return host.toString();
        }
    }
}
