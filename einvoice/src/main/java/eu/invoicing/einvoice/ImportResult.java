package eu.invoicing.einvoice;

import eu.invoicing.core.Violation;
import eu.invoicing.core.model.Document;
import eu.invoicing.core.model.Entity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EInvoiceReader} made of an e-invoice: the document as read (the inputs, not calculated),
 * the seller as an {@link Entity} to recalculate it with, the engine's recalculation (absent when the
 * engine refuses the document, with its reasons), every business term the document could not carry, and
 * every figure where the recalculation differs from what the file states. An immutable record, thread-safe.
 *
 * @param syntax the syntax read, not null
 * @param document the document as read: inputs only, not null
 * @param seller the seller as an entity (document currency, the file's bank account), not null
 * @param recalculated the engine's calculation of {@code document}, nullable
 * @param recalculationProblems why the engine refused, empty when {@code recalculated} is there, not null
 * @param notCarried what the document could not carry, not null
 * @param differences where the recalculation differs from the file, not null
 */
public record ImportResult(Syntax syntax, Document document, Entity seller, Document recalculated,
        List<Violation> recalculationProblems, List<ImportNote> notCarried, List<TotalDifference> differences) {

    /**
     * Copies the lists.
     *
     * @param syntax the syntax read, not null
     * @param document the document as read, not null
     * @param seller the seller as an entity, not null
     * @param recalculated the engine's calculation, nullable
     * @param recalculationProblems why the engine refused, not null
     * @param notCarried what the document could not carry, not null
     * @param differences where the recalculation differs, not null
     * @throws NullPointerException if a component documented as not null is null
     */
    public ImportResult {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(seller, "seller");
        recalculationProblems = List.copyOf(recalculationProblems);
        notCarried = List.copyOf(notCarried);
        differences = List.copyOf(differences);
    }

    /** @return the recalculated document, empty when the engine refused it */
    public Optional<Document> recalculation() {
        return Optional.ofNullable(recalculated);
    }

    /** @return true when the engine recalculated the document and reached every stated figure */
    public boolean totalsAgree() {
        return recalculated != null && differences.isEmpty();
    }
}
