package eu.invoicing.fiscal;

import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.spi.DocumentStore;
import eu.invoicing.core.spi.FiscalAuthority;
import eu.invoicing.core.spi.Transactor;
import eu.invoicing.core.version.TimelineEvent;
import eu.invoicing.core.version.TimelineEventType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The durable log of the messages a {@link RegisterGateway} sends, kept in the document's own timeline through
 * the library's {@link DocumentStore} and {@link Transactor} (so the PostgreSQL store keeps it exactly like the
 * in-memory one, with no table of its own). Before a message is sent its id is recorded ({@code FURS message
 * <id> sent}); after it, the outcome ({@code accepted, unique id <EOR/JIR>}, {@code rejected: …},
 * {@code not delivered: …} or {@code outcome unknown: …}). From these entries the gateway knows whether the
 * authority already accepted the document (answer its EOR / JIR, send nothing) and which message is in doubt
 * (send it again under the same id, so the register recognizes it): docs/fiscal.md, "Delivery".
 *
 * <p>The entries are {@code fiscalized} timeline events with a note; they are written in a unit of work of their
 * own, never inside the library's. Immutable and thread-safe when the store and transactor are.
 */
public final class FiscalJournal {
    private static final Pattern NOTE = Pattern.compile(
            "(FURS|FINA) message ([0-9a-fA-F-]{36}) (sent|accepted, unique id (\\S+)(?: \\(.*\\))?"
            + "|rejected: .*|not delivered: .*|outcome unknown: .*)", Pattern.DOTALL);
    private final DocumentStore store;
    private final Transactor transactor;
    private final Clock clock;

    /**
     * @param store the store the library uses, not null
     * @param transactor the transactor the library uses, not null
     * @param clock the clock of the entries, not null
     */
    public FiscalJournal(DocumentStore store, Transactor transactor, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What the journal says about a document's messages to an authority.
     *
     * @param acceptedUniqueId the EOR / JIR of an accepted message, or null
     * @param inDoubt the id of the latest message sent whose outcome is unknown, or null
     * @param messagesSent how many distinct messages were sent
     */
    public record State(String acceptedUniqueId, String inDoubt, int messagesSent) {
    }

    /**
     * @param authority FURS or FINA, not null
     * @param entityId the entity, not null
     * @param documentId the document, not null
     * @return what the document's timeline records
     */
    public State state(FiscalAuthority authority, String entityId, String documentId) {
        List<TimelineEvent> events = store.events(entityId, DocumentId.parse(documentId));
        Map<String, String> last = new LinkedHashMap<>();
        String accepted = null;
        for (TimelineEvent e : events) {
            if (e.type() != TimelineEventType.FISCALIZED || e.note() == null) {
                continue;
            }
            Matcher m = NOTE.matcher(e.note());
            if (!m.matches() || !m.group(1).equals(authority.name())) {
                continue;
            }
            String id = m.group(2).toLowerCase(java.util.Locale.ROOT);
            String what = m.group(3);
            last.remove(id);
            last.put(id, what);
            if (m.group(4) != null && accepted == null) {
                accepted = m.group(4);
            }
        }
        String doubt = null;
        for (Map.Entry<String, String> e : last.entrySet()) {
            if (e.getValue().equals("sent") || e.getValue().startsWith("outcome unknown")) {
                doubt = e.getKey();
            }
        }
        return new State(accepted, doubt, last.size());
    }

    /**
     * Records, durably, that a message is about to be sent; the caller must not send it when this throws.
     *
     * @param authority not null
     * @param entityId not null
     * @param documentId not null
     * @param messageId not null
     */
    public void sending(FiscalAuthority authority, String entityId, String documentId, String messageId) {
        append(authority, entityId, documentId, messageId, "sent");
    }

    /**
     * @param authority not null
     * @param entityId not null
     * @param documentId not null
     * @param messageId not null
     * @param uniqueId the EOR / JIR, not null
     * @param remark a remark kept with it (that it came after the legal deadline), nullable
     */
    public void accepted(FiscalAuthority authority, String entityId, String documentId, String messageId,
            String uniqueId, String remark) {
        append(authority, entityId, documentId, messageId, "accepted, unique id " + uniqueId
                + (remark == null ? "" : " (" + remark + ")"));
    }

    /**
     * @param authority not null
     * @param entityId not null
     * @param documentId not null
     * @param messageId not null
     * @param outcome how the attempt ended: {@code rejected: …}, {@code not delivered: …} or
     *     {@code outcome unknown: …}, not null
     */
    public void ended(FiscalAuthority authority, String entityId, String documentId, String messageId,
            String outcome) {
        append(authority, entityId, documentId, messageId, outcome);
    }

    private void append(FiscalAuthority authority, String entityId, String documentId, String messageId,
            String what) {
        TimelineEvent event = new TimelineEvent(TimelineEventType.FISCALIZED, clock.instant(), null,
                authority.name() + " message " + messageId.toLowerCase(java.util.Locale.ROOT) + " " + what);
        transactor.inTransaction(entityId, () -> {
            store.appendEvent(entityId, DocumentId.parse(documentId), event);
            return null;
        });
    }
}
