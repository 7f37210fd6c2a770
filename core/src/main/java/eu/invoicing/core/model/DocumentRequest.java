package eu.invoicing.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A create (or calculate) request: the {@link DocumentDraft} (what the request says about the document, never a
 * server-owned field) plus the request-only parameters of the reference API that are not document fields.
 *
 * <p>Immutable and thread-safe; lists are copied on the way in.
 *
 * @param draft the document to create, not null
 * @param expectedTotalWithTax the total the caller expects (→ rounding correction), nullable
 * @param linkedDocuments ids of documents to link, not null
 * @param saveCustomer whether an inline customer should be saved to (or update) the directory, nullable
 */
public record DocumentRequest(DocumentDraft draft, BigDecimal expectedTotalWithTax, List<String> linkedDocuments,
        Boolean saveCustomer) {
    /**
     * Copies the list and rejects a null draft.
     *
     * @param draft the document to create, not null
     * @param expectedTotalWithTax the total the caller expects (→ rounding correction), nullable
     * @param linkedDocuments ids of documents to link, not null
     * @param saveCustomer whether an inline customer should be saved to (or update) the directory, nullable
     * @throws NullPointerException if a component documented as not null is null
     */
    public DocumentRequest {
        Objects.requireNonNull(draft, "draft");
        linkedDocuments = linkedDocuments == null ? List.of() : List.copyOf(linkedDocuments);
    }

    /**
     * @param draft not null
     * @return a request with only a draft
     */
    public static DocumentRequest of(DocumentDraft draft) {
        return new DocumentRequest(draft, null, List.of(), null);
    }
}
