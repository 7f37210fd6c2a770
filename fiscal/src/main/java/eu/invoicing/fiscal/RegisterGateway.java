package eu.invoicing.fiscal;

import eu.invoicing.core.spi.FiscalAuthority;
import eu.invoicing.core.spi.FiscalGateway;
import eu.invoicing.core.spi.FiscalResponse;
import eu.invoicing.core.spi.FiscalSubmission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The library's {@link FiscalGateway} on the real registers: FURS through {@link FursClient}, FINA (CIS) through
 * {@link CisClient}, per entity. Delivery is at most once per register (docs/fiscal.md, "Delivery"):
 * <ul>
 *   <li>before a message is sent its id is recorded in the document's timeline ({@link FiscalJournal}); when
 *       that record cannot be stored, nothing is sent;</li>
 *   <li>a document the register already accepted is answered from the journal (its EOR / JIR), not sent
 *       again;</li>
 *   <li>a message whose outcome is unknown (timeout, connection closed after sending, HTTP error, garbage, an
 *       answer that does not verify) is sent again under <em>its own</em> message id, so that the register
 *       recognizes the repetition and answers its first confirmation; only a message the register certainly did
 *       not receive (no connection, TLS refused) or rejected gets a new id;</li>
 *   <li>a failure of a document past its legal deadline says so in the recorded error, the document's fiscal
 *       status ({@link FiscalDeadlines}).</li>
 * </ul>
 * A technical cancellation does not exist at FURS or CIS (a mistaken invoice is corrected by a credit note, itself
 * fiscalized): {@link #cancel} answers a failure saying so and sends nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegisterGateway implements FiscalGateway {
    private static final DateTimeFormatter FURS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter FINA_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy'T'HH:mm:ss");
    private final Map<String, FursClient> furs;
    private final FursClient defaultFurs;
    private final Map<String, CisClient> cis;
    private final CisClient defaultCis;
    private final FiscalJournal journal;
    private final FiscalDeadlines deadlines;
    private final Clock clock;
    /** One delivery at a time per document in this process (two concurrent retries must not both send). */
    private final java.util.concurrent.ConcurrentMap<String, Object> locks =
            new java.util.concurrent.ConcurrentHashMap<>();

    private RegisterGateway(Builder b) {
        this.furs = Map.copyOf(b.furs);
        this.defaultFurs = b.defaultFurs;
        this.cis = Map.copyOf(b.cis);
        this.defaultCis = b.defaultCis;
        this.journal = Objects.requireNonNull(b.journal, "journal");
        this.deadlines = b.deadlines;
        this.clock = b.clock;
    }

    /** @return a builder; the journal is required, and a connector for each authority in use */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs the protected-code input with the entity's certificate for that authority.
     *
     * @throws IllegalStateException when no connector is configured for the entity and authority
     */
    @Override
    public byte[] sign(FiscalAuthority authority, String entityId, String algorithm, byte[] data) {
        return credentials(authority, entityId).sign(algorithm, data);
    }

    @Override
    public FiscalResponse submit(FiscalSubmission s) {
        if (s.cancellation()) {
            return cancel(s);
        }
        String documentId = String.valueOf(s.documentId());
        Object lock = locks.computeIfAbsent(s.authority() + "/" + s.entityId() + "/" + documentId, k -> new Object());
        synchronized (lock) {
            return deliver(s, documentId);
        }
    }

    private FiscalResponse deliver(FiscalSubmission s, String documentId) {
        FiscalJournal.State state = journal.state(s.authority(), s.entityId(), documentId);
        if (state.acceptedUniqueId() != null) {
            return FiscalResponse.success(state.acceptedUniqueId());
        }
        String messageId = state.inDoubt() != null ? state.inDoubt() : s.messageId();
        try {
            journal.sending(s.authority(), s.entityId(), documentId, messageId);
        } catch (RuntimeException e) {
            return FiscalResponse.failure("not sent: the message id could not be recorded in the journal ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")" + late(s));
        }
        try {
            RegisterReply reply = s.authority() == FiscalAuthority.FURS
                    ? furs(s.entityId()).registerInvoice(s.payload(), messageId)
                    : cis(s.entityId()).register(s.payload(), messageId);
            if (reply.accepted()) {
                record(s, documentId, messageId, late(s).isEmpty() ? null : late(s).substring(2),
                        reply.uniqueInvoiceId());
                return FiscalResponse.success(reply.uniqueInvoiceId());
            }
            record(s, documentId, messageId, "rejected: " + reply.error(), null);
            return FiscalResponse.failure(reply.error() + late(s));
        } catch (FiscalTransportException e) {
            boolean notSent = e.outcome() == FiscalTransportException.Outcome.NOT_SENT;
            record(s, documentId, messageId, (notSent ? "not delivered: " : "outcome unknown: ") + e.getMessage(),
                    null);
            return FiscalResponse.failure((notSent ? "not delivered: " : "outcome unknown (sent again under the same "
                    + "message id on retry): ") + e.getMessage() + late(s));
        }
    }

    /** FURS and CIS have no technical cancellation: nothing is sent. */
    @Override
    public FiscalResponse cancel(FiscalSubmission s) {
        return FiscalResponse.failure(s.authority() + " has no technical cancellation of a fiscalized invoice: "
                + "issue a credit note (it is fiscalized with a reference to this invoice)");
    }

    /**
     * Records an outcome (with a unique id: an acceptance, {@code ended} its remark, e.g. that it came late);
     * a failure to record is not the register's failure (the next retry reads the doubt).
     */
    private void record(FiscalSubmission s, String documentId, String messageId, String ended, String uniqueId) {
        try {
            if (uniqueId != null) {
                journal.accepted(s.authority(), s.entityId(), documentId, messageId, uniqueId, ended);
            } else {
                journal.ended(s.authority(), s.entityId(), documentId, messageId, ended);
            }
        } catch (RuntimeException e) {
            // The "sent" entry stays the last one: the message counts as in doubt and is sent again under its id.
        }
    }

    /** The deadline warning of a late document, with a leading separator, or "" while on time. */
    private String late(FiscalSubmission s) {
        Instant issued = issuedAt(s);
        if (issued == null) {
            return "";
        }
        String w = deadlines.warning(s.authority(), issued, clock.instant());
        return w == null ? "" : "; " + w;
    }

    private static Instant issuedAt(FiscalSubmission s) {
        Object text = s.payload().get(s.authority() == FiscalAuthority.FURS ? "IssueDateTime" : "DatVrijeme");
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.toString(),
                    s.authority() == FiscalAuthority.FURS ? FURS_TIME : FINA_TIME);
            return local.atZone(FiscalDeadlines.zone(s.authority())).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private FiscalCredentials credentials(FiscalAuthority authority, String entityId) {
        return authority == FiscalAuthority.FURS ? furs(entityId).credentials() : cis(entityId).credentials();
    }

    private FursClient furs(String entityId) {
        FursClient c = furs.getOrDefault(entityId, defaultFurs);
        if (c == null) {
            throw new IllegalStateException("no FURS connector is configured for entity " + entityId);
        }
        return c;
    }

    private CisClient cis(String entityId) {
        CisClient c = cis.getOrDefault(entityId, defaultCis);
        if (c == null) {
            throw new IllegalStateException("no CIS connector is configured for entity " + entityId);
        }
        return c;
    }

    /**
     * Configures a {@link RegisterGateway}.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, FursClient> furs = new HashMap<>();
        private FursClient defaultFurs;
        private final Map<String, CisClient> cis = new HashMap<>();
        private CisClient defaultCis;
        private FiscalJournal journal;
        private FiscalDeadlines deadlines = FiscalDeadlines.weekdays();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param v the FURS connector of every entity without one of its own
         * @return this
         */
        public Builder furs(FursClient v) {
            defaultFurs = v;
            return this;
        }

        /**
         * @param entityId the entity, not null
         * @param v its FURS connector (its certificate), not null
         * @return this
         */
        public Builder furs(String entityId, FursClient v) {
            furs.put(Objects.requireNonNull(entityId), Objects.requireNonNull(v));
            return this;
        }

        /**
         * @param v the CIS connector of every entity without one of its own
         * @return this
         */
        public Builder cis(CisClient v) {
            defaultCis = v;
            return this;
        }

        /**
         * @param entityId the entity, not null
         * @param v its CIS connector, not null
         * @return this
         */
        public Builder cis(String entityId, CisClient v) {
            cis.put(Objects.requireNonNull(entityId), Objects.requireNonNull(v));
            return this;
        }

        /**
         * @param v the journal on the library's store, not null
         * @return this
         */
        public Builder journal(FiscalJournal v) {
            journal = v;
            return this;
        }

        /**
         * @param v the working-day calendar of the legal deadline (default: Monday to Friday), not null
         * @return this
         */
        public Builder deadlines(FiscalDeadlines v) {
            deadlines = Objects.requireNonNull(v, "deadlines");
            return this;
        }

        /**
         * @param v the clock the deadline is judged by, not null
         * @return this
         */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /** @return the gateway */
        public RegisterGateway build() {
            return new RegisterGateway(this);
        }
    }
}
