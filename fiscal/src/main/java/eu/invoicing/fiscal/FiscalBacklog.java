package eu.invoicing.fiscal;

import eu.invoicing.core.InvoicingException;
import eu.invoicing.core.lifecycle.EntityDocuments;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.DocumentId;
import eu.invoicing.core.model.DocumentType;
import eu.invoicing.core.model.FiscalStatus;
import eu.invoicing.core.query.DocumentQuery;
import eu.invoicing.core.query.Page;
import eu.invoicing.core.spi.FiscalAuthority;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The delivery queue of an entity: its final documents whose fiscalization is {@code pending} or {@code failed}
 * (the durable state the library keeps in its store, so every store, PostgreSQL included, keeps the queue), each
 * with its legal deadline and a warning once that has passed; and the retry of all of them
 * ({@link EntityDocuments#retryFiscalization}), which a host runs on a schedule (docs/fiscal.md, "Delivery").
 *
 * <p>Immutable and thread-safe.
 */
public final class FiscalBacklog {
    private static final int PAGE = DocumentQuery.MAX_LIMIT;
    private final FiscalDeadlines deadlines;
    private final Clock clock;

    /**
     * @param deadlines the working-day calendar, not null
     * @param clock the clock deadlines are judged by, not null
     */
    public FiscalBacklog(FiscalDeadlines deadlines, Clock clock) {
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A document waiting for its confirmation.
     *
     * @param id the document, not null
     * @param number its number, not null
     * @param authority FURS or FINA, not null
     * @param status pending or failed, not null
     * @param issuedAt the issue time of its protected code, not null
     * @param deadline the last instant of the legal deadline, not null
     * @param warning the deadline warning once it has passed, nullable
     * @param lastError the last error recorded, nullable
     */
    public record Entry(DocumentId id, String number, FiscalAuthority authority, FiscalStatus status,
            Instant issuedAt, Instant deadline, String warning, String lastError) {
    }

    /**
     * The outcome of one retry of {@link #retryAll}.
     *
     * @param id the document, not null
     * @param status its fiscal status afterwards, nullable when the retry threw
     * @param error the error of a retry that threw, nullable
     */
    public record Retry(DocumentId id, FiscalStatus status, String error) {
    }

    /**
     * @param documents one entity's documents, not null
     * @return its pending and failed fiscal documents, oldest issue first
     */
    public List<Entry> list(EntityDocuments documents) {
        List<Entry> out = new ArrayList<>();
        Instant now = clock.instant();
        for (DocumentType type : DocumentType.values()) {
            if (!type.isFiscal()) {
                continue;
            }
            String cursor = null;
            do {
                Page<Document> page = documents.list(type, DocumentQuery.builder().limit(PAGE).nextCursor(cursor)
                        .build());
                for (Document d : page.data()) {
                    Entry e = entry(d, now);
                    if (e != null) {
                        out.add(e);
                    }
                }
                cursor = page.hasMore() ? page.nextCursor() : null;
            } while (cursor != null);
        }
        out.sort(Comparator.comparing(Entry::issuedAt));
        return out;
    }

    /**
     * Retries every document of {@link #list}; one that fails stays in the backlog and does not stop the others.
     *
     * @param documents one entity's documents, not null
     * @return the outcome per document, in the backlog's order
     */
    public List<Retry> retryAll(EntityDocuments documents) {
        List<Retry> out = new ArrayList<>();
        for (Entry e : list(documents)) {
            try {
                Document d = documents.retryFiscalization(e.id());
                out.add(new Retry(e.id(), d.furs() != null && d.furs().status() != null ? d.furs().status()
                        : d.fina() == null ? null : d.fina().status(), null));
            } catch (InvoicingException ex) {
                out.add(new Retry(e.id(), null, ex.getMessage()));
            }
        }
        return out;
    }

    private Entry entry(Document d, Instant now) {
        if (d.isDraft()) {
            return null;
        }
        FiscalAuthority authority;
        FiscalStatus status;
        Instant issued;
        String error;
        if (d.furs() != null && waiting(d.furs().status()) && d.furs().issuedAt() != null) {
            authority = FiscalAuthority.FURS;
            status = d.furs().status();
            issued = d.furs().issuedAt();
            error = d.furs().error();
        } else if (d.fina() != null && waiting(d.fina().status()) && d.fina().issuedAt() != null) {
            authority = FiscalAuthority.FINA;
            status = d.fina().status();
            issued = d.fina().issuedAt();
            error = d.fina().error();
        } else {
            return null;
        }
        return new Entry(d.id(), d.number(), authority, status, issued, deadlines.deadline(authority, issued),
                deadlines.warning(authority, issued, now), error);
    }

    private static boolean waiting(FiscalStatus s) {
        return s == FiscalStatus.PENDING || s == FiscalStatus.FAILED;
    }
}
